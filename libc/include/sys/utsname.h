#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <sprout/utsname.h>

/* uname: prototypes from the kernel's system-call table. */
#define __SYSCALLS_sys_utsname __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_utsname

#endif
