/* Linux's statfs: a file system's size and free space (see also the
   POSIX form, statvfs in <sys/statvfs.h>). */
#ifndef _SYS_STATFS_H
#define _SYS_STATFS_H

#include <sys/types.h>
#include <sprout/statfs.h>

typedef __kernel_fsid_t fsid_t;

/* statfs, fstatfs: prototypes from the kernel's system-call table. */
#define __SYSCALLS_sys_statfs __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_statfs

#endif
