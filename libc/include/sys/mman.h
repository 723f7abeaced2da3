#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include <sprout/mman.h>

/* mprotect: prototypes from the kernel's system-call table. */
#define __SYSCALLS_sys_mman __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_mman

#endif
