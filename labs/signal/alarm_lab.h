/*
 * The signal lab's two new calls (docs/labs/03-signal.md), xv6's alarm
 * lab on Sprout: their numbers, and wrappers that make them through
 * libc's syscall(), so that the lab's programs compile before the kernel
 * has the calls (then each returns -1 with errno ENOSYS, and the tests
 * fail cleanly).
 *
 * The numbers lie above Linux i386's last call (the syscall lab has
 * 500..502, the sched lab 510 and 511). The return call is not named
 * sigreturn: Linux has that (119), and rt_sigreturn (173), for handlers
 * of real signals, and Sprout has both.
 */
#ifndef _LAB_ALARM_H
#define _LAB_ALARM_H

#include "../expect.h"
#include <stdio.h>
#include <unistd.h>

#define __NR_sigalarm       520
#define __NR_sigalarmreturn 521

/* After every `ticks` timer ticks of CPU time the calling process uses,
   run handler(), in user mode, as if the program had called it at the
   instruction it was at. sigalarm(0, 0) turns it off. 0, or -1 and
   errno EINVAL for ticks < 0. */
static inline int sigalarm(int ticks, void (*handler)(void))
{
	return syscall(__NR_sigalarm, ticks, handler);
}

/* The handler's last act, instead of returning: go back to where the
   program was interrupted, every register as it was. Returns there, so
   only on failure here (-1, errno EINVAL: no handler is running). */
static inline int sigalarmreturn(void)
{
	return syscall(__NR_sigalarmreturn);
}

#endif
