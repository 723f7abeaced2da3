/* POSIX system calls and their close relatives. */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>
#include <sprout/fcntl.h>       /* SEEK_*, R_OK ... */

#define STDIN_FILENO  0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

extern char **environ;

/* processes */
pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
void _exit(int status) __attribute__((noreturn));
pid_t getpid(void);
pid_t getppid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
unsigned int sleep(unsigned int seconds);
long syscall(long nr, ...);     /* any call by number (syscalls.S) */
int usleep(unsigned long usec);

/* memory */
int brk(void *addr);
void *sbrk(intptr_t increment);

/* files */
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
off64_t lseek64(int fd, off64_t offset, int whence);
int dup(int fd);
int dup2(int fd, int newfd);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);      /* O_CLOEXEC, O_NONBLOCK */
int link(const char *old, const char *new);
int unlink(const char *path);
int rmdir(const char *path);
int chdir(const char *path);
int fchdir(int fd);
char *getcwd(char *buf, size_t size);
int access(const char *path, int mode);
int truncate(const char *path, off_t length);
int ftruncate(int fd, off_t length);
int truncate64(const char *path, off64_t length);
int ftruncate64(int fd, off64_t length);
int fsync(int fd);
void sync(void);
int isatty(int fd);

#endif
