/*
 * How much CPU a process has used: times() and getrusage(). The timer
 * tick charges each tick to the task it interrupts, as utime or stime by
 * the mode it was in (sched/sched.c do_timer), so the times are samples
 * at HZ = 100: a program that runs 3 ms between ticks may be charged 0 or
 * 10 ms. wait() adds a reaped child's times, and its children's, to the
 * parent's cutime and cstime (exit.c): a shell's times builtin shows them.
 * A process's own time is its threads' sum: the live ones', and what the
 * ended ones left in the leader (dead_utime, dead_stime); the children's
 * is counted in the leader, whichever thread waited.
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

/* The ticks of current's whole process, in user and kernel mode. */
static void process_times(uint32_t *utime, uint32_t *stime)
{
	struct task_struct *leader = current->group_leader, *t;

	*utime = leader->dead_utime;
	*stime = leader->dead_stime;
	for_each_thread(leader, t) {
		*utime += t->utime;
		*stime += t->stime;
	}
}

/* times() returns the ticks since boot: only differences between two
   calls mean anything. */
long sys_times(struct tms *ubuf)
{
	struct task_struct *leader = current->group_leader;
	struct tms t = {
		.tms_cutime = leader->cutime, .tms_cstime = leader->cstime,
	};
	uint32_t u, s;

	process_times(&u, &s);
	t.tms_utime = u;
	t.tms_stime = s;

	if (ubuf && copy_to_user(ubuf, &t, sizeof(t)))
		return -EFAULT;
	return (long)jiffies;
}

long sys_getrusage(int who, struct rusage *ubuf)
{
	struct task_struct *leader = current->group_leader;
	struct rusage ru;
	uint32_t u, s;

	switch (who) {
	case RUSAGE_SELF:               /* the process: all its threads */
		process_times(&u, &s);
		ru = ticks_to_rusage(u, s);
		break;
	case RUSAGE_THREAD:
		ru = ticks_to_rusage(current->utime, current->stime);
		break;
	case RUSAGE_CHILDREN:
		ru = ticks_to_rusage(leader->cutime, leader->cstime);
		break;
	default:
		return -EINVAL;
	}
	return copy_to_user(ubuf, &ru, sizeof(ru)) ? -EFAULT : 0;
}
