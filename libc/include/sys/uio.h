#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <sys/types.h>
#include <sprout/uio.h>

/* readv, writev: prototypes from the kernel's system-call table. */
#define __SYSCALLS_sys_uio __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_uio

#endif
