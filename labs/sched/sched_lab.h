/*
 * The sched lab's two new calls (docs/labs/02-sched.md): their numbers,
 * and wrappers that make them through libc's syscall(), so that the
 * lab's programs compile before the kernel has the calls (then each
 * returns -1 with errno ENOSYS, and the tests fail cleanly).
 *
 * The numbers lie above Linux i386's last call, where Linux will not
 * put one for a long time (the syscall lab has 500..502, the signal lab
 * 520 and 521).
 */
#ifndef _LAB_SCHED_H
#define _LAB_SCHED_H

#include "../expect.h"
#include <stdio.h>
#include <unistd.h>

#define __NR_settickets 510
#define __NR_setpolicy  511

#define DEFAULT_TICKETS 10      /* a new task's (fork copies its parent's) */
#define MAX_TICKETS     1000

#define SCHED_COUNTER   0       /* Linux 0.11's counters: the boot default */
#define SCHED_STRIDE    1       /* stride scheduling by tickets */

/* Give the calling process n tickets, 1 <= n <= MAX_TICKETS: 0, or -1
   and errno EINVAL for any other n. */
static inline int settickets(int n)
{
	return syscall(__NR_settickets, n);
}

/* Switch the whole system to policy, from the next tick on: the policy
   it replaces, or -1 and errno EINVAL for an unknown one. */
static inline int setpolicy(int policy)
{
	return syscall(__NR_setpolicy, policy);
}

#endif
