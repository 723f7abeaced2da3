#ifndef _SCHED_H
#define _SCHED_H

/* sched_yield(), which gives the CPU to another runnable process:
   its prototype comes from the kernel's system-call table. */
#define __SYSCALLS_sched __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sched

#endif
