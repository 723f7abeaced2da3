/* POSIX system calls and their close relatives. */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>
#include <sprout/fcntl.h>       /* SEEK_*, R_OK ... */

#define STDIN_FILENO  0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

extern char **environ;
extern char *program_invocation_name;   /* argv[0] (crt0.S), as glibc names it */

/* processes */
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
void _exit(int status) __attribute__((noreturn));
unsigned int sleep(unsigned int seconds);
long syscall(long nr, ...);     /* any call by number (syscalls.S) */
int usleep(unsigned long usec);
int nice(int inc);              /* returns the new nice value */

/* the terminal's foreground group (setpgid, setsid ... are in the table) */
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

/* command-line options (getopt.c) */
extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring);

/* the system's settings (sysconf.c) */
#define _SC_CLK_TCK  2          /* clock ticks a second (times()) */
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
long sysconf(int name);

/* memory */
int brk(void *addr);
void *sbrk(intptr_t increment);

/* files */
off64_t lseek64(int fd, off64_t offset, int whence);
ssize_t pread(int fd, void *buf, size_t count, off_t offset);
ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset);
int chown(const char *path, uid_t owner, gid_t group);
int lchown(const char *path, uid_t owner, gid_t group);
int fchown(int fd, uid_t owner, gid_t group);
char *getcwd(char *buf, size_t size);
int truncate64(const char *path, off64_t length);
int ftruncate64(int fd, off64_t length);
int isatty(int fd);

/* The system calls themselves - read, write, fork, dup2, ...: prototypes
   made from their lines in the kernel's table (see <bits/syscalls.h>). */
#define __SYSCALLS_unistd __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_unistd

#endif
