#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <sprout/time.h>
#include <sys/select.h>     /* as glibc's does */

/* gettimeofday, setitimer, getitimer, utimes: prototypes from the kernel's
   system-call table. */
#define __SYSCALLS_sys_time __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_time

#endif
