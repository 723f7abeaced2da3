/*
 * The task table at a glance: what ^P on the console prints (xv6's
 * procdump, Linux's SysRq-T show_state), so a hung system can still say
 * who is asleep and on what, without a debugger.
 *
 *     PID  PPID S WCHAN            COMM
 *       1     0 S wait4            sh
 *       5     1 S pipe_read        cat
 *
 * show_state() runs in the keyboard's or serial port's interrupt handler
 * (kernel/dev/tty.c): it only reads the table and printk's, never sleeps
 * and never allocates.
 */
#include "sched/sched.h"
#include "lib/lib.h"

static const char *const state_names[] = {
	[TASK_RUNNING] = "R (running)",
	[TASK_INTERRUPTIBLE] = "S (sleeping)",
	[TASK_UNINTERRUPTIBLE] = "D (disk sleep)",
	[TASK_ZOMBIE] = "Z (zombie)",
	[TASK_STOPPED] = "T (stopped)",
};

const char *task_state_name(const struct task_struct *t)
{
	return state_names[t->state];
}

/* The function t sleeps in (its wchan, recorded by schedule()), or NULL
   when it is not asleep: a running task's old wchan means nothing. */
const char *task_wchan(const struct task_struct *t)
{
	uint32_t offset;

	if (t->state != TASK_INTERRUPTIBLE &&
	    t->state != TASK_UNINTERRUPTIBLE && t->state != TASK_STOPPED)
		return NULL;
	return ksym_lookup(t->wchan, &offset);
}

static void show_task(const struct task_struct *t)
{
	const char *wchan = task_wchan(t);

	printk("%5d %5d %c %-16s %s\n", t->pid, t->parent ? t->parent->pid : 0,
	       task_state_name(t)[0], wchan ? wchan : "-", t->comm);
}

void show_state(void)
{
	struct task_struct *t;

	printk("\n  PID  PPID S WCHAN            COMM\n");
	for_each_task(t)
		show_task(t);
}
