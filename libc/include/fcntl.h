#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <sprout/fcntl.h>
#include <sprout/stat.h>        /* S_IRUSR ..., which POSIX puts here too */

#define O_NDELAY O_NONBLOCK     /* the old System V name */

int open(const char *path, int flags, ...);    /* mode, with O_CREAT */
int openat(int dirfd, const char *path, int flags, ...);
int fcntl(int fd, int cmd, ...);
/* The error number itself, not -1 and errno (POSIX's choice here). */
int posix_fadvise(int fd, off_t offset, off_t len, int advice);

/* creat: prototypes from the kernel's system-call table. */
#define __SYSCALLS_fcntl __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_fcntl

#endif
