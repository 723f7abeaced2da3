#ifndef _SCHED_H
#define _SCHED_H

#include <sys/types.h>
#include <time.h>
/* The scheduling policies and CPU sets (Sprout: SCHED_OTHER, CPU 0). */
#include <sprout/sched_policy.h>
#include <bits/cpu_set.h>

/* sched_yield(), which gives the CPU to another runnable process, and
   the sched_* policy calls: prototypes from the kernel's system-call
   table. */
#define __SYSCALLS_sched __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sched

#endif
