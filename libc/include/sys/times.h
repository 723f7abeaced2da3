/* A process's CPU times, in clock ticks: sysconf(_SC_CLK_TCK) a second. */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <sys/types.h>
#include <sprout/times.h>

/* times: prototype from the kernel's system-call table. */
#define __SYSCALLS_sys_times __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_times

#endif
