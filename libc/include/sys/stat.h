#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>
#include <sprout/stat.h>
#include <sprout/time.h>        /* struct timespec, for utimensat */

/* Made over mknodat(S_IFIFO). */
int mkfifo(const char *path, mode_t mode);
int mkfifoat(int dirfd, const char *path, mode_t mode);
/* utimensat on an open file (futimens.c). */
int futimens(int fd, const struct timespec times[2]);
/* stat and chmod from a directory fd (at.c). */
int fstatat(int dirfd, const char *path, struct stat *buf, int flags);
int fchmodat(int dirfd, const char *path, mode_t mode, int flags);

/* stat, mkdir, mknod, umask, ...: prototypes from the kernel's table. */
#define __SYSCALLS_sys_stat __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_stat

#endif
