/* Clocks and sleeping. */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>
#include <sprout/time.h>

/* time, nanosleep, clock_gettime: prototypes from the kernel's table. */
#define __SYSCALLS_time __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_time

#endif
