/*
 * How much CPU a process has used: times() and getrusage(). The timer
 * tick charges each tick to the task it interrupts, as utime or stime by
 * the mode it was in (sched/sched.c do_timer), so the times are samples
 * at HZ = 100: a program that runs 3 ms between ticks may be charged 0 or
 * 10 ms. wait() adds a reaped child's times, and its children's, to the
 * parent's cutime and cstime (exit.c): a shell's times builtin shows them.
 *
 * Linux shows user programs clock ticks of USER_HZ = 100 a second
 * (sysconf(_SC_CLK_TCK)); our HZ is the same, so ticks pass unchanged.
 */
#include "proc/proc.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/resource.h>
#include <sprout/times.h>

static struct timeval ticks_to_timeval(uint32_t ticks)
{
	return (struct timeval){ (long)(ticks / HZ),
				 (long)(ticks % HZ * (1000000 / HZ)) };
}

struct rusage ticks_to_rusage(uint32_t utime, uint32_t stime)
{
	return (struct rusage){ .ru_utime = ticks_to_timeval(utime),
				.ru_stime = ticks_to_timeval(stime) };
}

/* times() returns the ticks since boot: only differences between two
   calls mean anything. */
long sys_times(struct tms *ubuf)
{
	struct tms t = {
		.tms_utime = current->utime, .tms_stime = current->stime,
		.tms_cutime = current->cutime, .tms_cstime = current->cstime,
	};

	if (ubuf && copy_to_user(ubuf, &t, sizeof(t)))
		return -EFAULT;
	return (long)jiffies;
}

long sys_getrusage(int who, struct rusage *ubuf)
{
	struct rusage ru;

	switch (who) {
	case RUSAGE_SELF:
	case RUSAGE_THREAD:             /* one thread per process */
		ru = ticks_to_rusage(current->utime, current->stime);
		break;
	case RUSAGE_CHILDREN:
		ru = ticks_to_rusage(current->cutime, current->cstime);
		break;
	default:
		return -EINVAL;
	}
	return copy_to_user(ubuf, &ru, sizeof(ru)) ? -EFAULT : 0;
}
