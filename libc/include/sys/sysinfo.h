#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#include <sprout/sysinfo.h>

/* sysinfo: prototypes from the kernel's system-call table. */
#define __SYSCALLS_sys_sysinfo __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_sysinfo

#endif
