/*
 * Niceness: nice, getpriority, setpriority. A process's nice value, -20
 * (greedy) to 19 (nice to the others), sets its time slice (set_nice(),
 * sched/sched.c). Everyone is root in Sprout, so anyone may lower it too.
 *
 * The getpriority system call returns 20 - nice, 1 to 40, because a
 * negative result would read as an error; libc turns it back.
 */
#include "proc/proc.h"
#include "sched/sched.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/resource.h>

static int clamp_nice(int nice)
{
	return nice < MIN_NICE ? MIN_NICE : nice > MAX_NICE ? MAX_NICE : nice;
}

/* Is t one of those `which` and `who` name? Every process is user 0's. */
static bool prio_match(const struct task_struct *t, int which, id_t who)
{
	switch (which) {
	case PRIO_PROCESS:
		return t->pid == (pid_t)(who ? who : (id_t)current->pid);
	case PRIO_PGRP:
		return t->pgrp == (pid_t)(who ? who : (id_t)current->pgrp);
	default:
		return who == 0;
	}
}

long sys_getpriority(int which, id_t who)
{
	struct task_struct *t;
	long best = -ESRCH;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	for_each_task(t)                /* the least nice one answers */
		if (prio_match(t, which, who) && 20 - t->nice > best)
			best = 20 - t->nice;
	return best;
}

long sys_setpriority(int which, id_t who, int nice)
{
	struct task_struct *t;
	long err = -ESRCH;

	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	for_each_task(t)
		if (prio_match(t, which, who)) {
			set_nice(t, clamp_nice(nice));
			err = 0;
		}
	return err;
}

/* nice(inc): the old call, the caller only; libc's nice() returns the
   new value. */
long sys_nice(int inc)
{
	if (inc < -40)
		inc = -40;              /* so the sum below cannot overflow */
	if (inc > 40)
		inc = 40;
	set_nice(current, clamp_nice(current->nice + inc));
	return 0;
}
