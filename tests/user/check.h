/*
 * What the process tests (tests/user/t_*.c) share.
 *
 * Each program runs its cases and prints one line per case:
 *     ok <case>
 *     FAIL <case> -- <why>
 *     skip <case> -- <why>      (the case cannot apply here: off Sprout,
 *                               or on a CPU that lacks what it needs)
 * and last "ok ran to the end", so a crash part-way shows. The kernel
 * runs them as process 1 (init=/bin/tests/<name>, see
 * tests/guest_user.py); they also run on an x86 Linux machine:
 *     SPROUT_ROOT=build/root build/user/tests/t_fork
 * where SPROUT_ROOT is the disk's staging folder, for files like /bin/hello.
 */
#ifndef _CHECK_H
#define _CHECK_H

#include <sys/types.h>
#include <time.h>
#include <netinet/in.h>     /* inet_sockaddr */

/* Call first. Handles the helper mode "--exit N" (exit with N at once),
   which several tests exec. */
void check_init(int argc, char **argv);

/* Print "ok name" if cond, else "FAIL name -- why" (a printf format). */
void expect(const char *name, int cond, const char *why, ...)
	__attribute__((format(printf, 3, 4)));
void skip(const char *name, const char *why);

/* Print "ok ran to the end"; as process 1, reap leftovers first. */
int check_done(void);

/* Where is path of the Sprout disk? ($SPROUT_ROOT in front of it.) */
const char *disk_path(const char *path);

/* A case handing a bad pointer to a C-library function that glibc does
   not pass through to the kernel: glibc converts some structures in user
   mode (time64 timespecs, struct stat64 to struct stat, rusage, rlimit,
   the signal set it trims), so the bad pointer is the program's own
   SIGSEGV there, not the kernel's EFAULT (POSIX leaves it undefined).
   Built with glibc: prints "skip name" and returns 1; with ours: 0. */
int libc_converts(const char *name);

/* Did a call fail with this errno (returned -1, errno err)? */
int failed(long r, int err);

int is_init(void);              /* are we process 1? */
int on_sprout(void);            /* does uname() say Sprout? */

/* Fork; run fn in the child, which then exits 0. Returns the wait
   status, or -1 if fork or waitpid failed. */
int run_child(void (*fn)(void));

/* "exited 3", "killed by signal 11": a wait status for messages. */
const char *describe(int status);

/* sigaction(sig) with handler fn, these sa_flags and an empty sa_mask. */
void install_handler(int sig, void (*fn)(int), int flags);

/* sysinfo: free RAM in bytes, counting the cache of file data, which
   reads fill and memory pressure empties (bufferram). */
long long free_bytes(void);
/* A count from /proc/net/sockstat (which a test run as process 1 must
   mount): sockstat("TCP") reads "TCP: inuse N", sockstat("SKB") the
   packet buffers in use. -1 where there is no such line (SKB on Linux). */
int sockstat(const char *what);
/* The case "packet buffers back to where they were": waits a little for
   netd to free the last ones, then compares with before (skipped where
   before is -1). */
void expect_buffers_back(int before);
/* An AF_INET address: host_addr and port in host order. */
struct sockaddr_in inet_sockaddr(unsigned int host_addr,
				 unsigned short port);
long long now_ns(void);         /* CLOCK_MONOTONIC in nanoseconds */
void sleep_ms(long ms);

#endif
