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
int execl(const char *path, const char *arg0, ...);     /* ..., NULL */
int execle(const char *path, const char *arg0, ...);    /* NULL, envp */
int execlp(const char *file, const char *arg0, ...);
void _exit(int status) __attribute__((noreturn));
unsigned int sleep(unsigned int seconds);
long syscall(long nr, ...);     /* any call by number (syscalls.S) */
int usleep(unsigned long usec);
int nice(int inc);              /* returns the new nice value */

/* user and group ids: Sprout has one user, root (libc/cred.c) */
int setuid(uid_t uid);
int setgid(gid_t gid);
int seteuid(uid_t uid);
int setegid(gid_t gid);
int setreuid(uid_t ruid, uid_t euid);
int setregid(gid_t rgid, gid_t egid);
int setresuid(uid_t ruid, uid_t euid, uid_t suid);
int setresgid(gid_t rgid, gid_t egid, gid_t sgid);
int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
int getgroups(int size, gid_t list[]);
int getentropy(void *buf, size_t length);      /* libc/random.c */

/* the terminal's foreground group (setpgid, setsid ... are in the table) */
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);

/* the terminal's name: "/dev/console" (ttyname.c) */
char *ttyname(int fd);
int ttyname_r(int fd, char *buf, size_t size);

/* the system's limits and names (sysconf.c); the numbers are Linux's */
#define _SC_ARG_MAX         0
#define _SC_CLK_TCK         2
#define _SC_NGROUPS_MAX     3
#define _SC_OPEN_MAX        4
#define _SC_PAGESIZE        30
#define _SC_PAGE_SIZE       _SC_PAGESIZE
#define _SC_LINE_MAX        43
#define _SC_IOV_MAX         60
#define _SC_LOGIN_NAME_MAX  71
#define _SC_TTY_NAME_MAX    72
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84
#define _SC_PHYS_PAGES      85
#define _SC_AVPHYS_PAGES    86
#define _SC_SYMLOOP_MAX     173
#define _SC_HOST_NAME_MAX   180
long sysconf(int name);
int getpagesize(void);
int gethostname(char *name, size_t len);

/* command-line options (getopt.c) */
extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring);

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
int faccessat(int dirfd, const char *path, int mode, int flags);   /* at.c */
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
