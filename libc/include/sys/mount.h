/* mount, umount2 (from the kernel's table) and umount, with Linux's
   MS_ and MNT_ flags. */
#ifndef _SYS_MOUNT_H
#define _SYS_MOUNT_H

#include <sprout/mount.h>

int umount(const char *target);         /* umount2(target, 0) */

#define __SYSCALLS_sys_mount __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_mount

#endif
