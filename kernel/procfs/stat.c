/*
 * /proc/stat: where the CPU's time went since boot, in Linux's format
 * and its unit, the USER_HZ tick (1/100 s, Sprout's HZ). top reads its
 * first line twice and shows the difference as "CPU: 3% usr 1% sys ...":
 *
 *   cpu  user nice system idle iowait irq softirq steal
 *   cpu0 (the same: one CPU)
 *   btime (the wall-clock second of boot)
 *   procs_running, procs_blocked (tasks running or runnable; in D)
 *
 * Linux adds to global counters at every tick. Sprout counts ticks per
 * task (utime, stime) and hands a dead child's to its parent when it is
 * waited for (cutime, cstime): so the sum over the living of own and
 * children's ticks is the time of everything that ran, save the few
 * zombies no one waited for. Idle is the idle task's ticks. Sprout does
 * not tell interrupts or waiting for the disk apart, nor count context
 * switches and interrupts: those fields are 0 or left out.
 */
#include "procfs/internal.h"
#include "arch/arch.h"
#include <sprout/errno.h>

int proc_stat(struct task_struct *unused, struct proc_text *text)
{
	uint32_t user = 0, sys = 0, running = 0, blocked = 0;
	uint32_t idle = init_task->utime + init_task->stime;
	struct task_struct *t;

	for_each_task(t) {
		user += t->utime + t->cutime;
		sys += t->stime + t->cstime;
		running += t->state == TASK_RUNNING;
		blocked += t->state == TASK_UNINTERRUPTIBLE;
	}
	for (int i = 0; i < 2; i++)     /* all CPUs, then CPU 0: the same */
		text_printf(text, "%s %u 0 %u %u 0 0 0 0 0 0\n",
			    i ? "cpu0" : "cpu ", user, sys, idle);
	text_printf(text, "btime %u\n", get_seconds() - jiffies / HZ);
	text_printf(text, "procs_running %u\nprocs_blocked %u\n", running,
		    blocked);
	return 0;
}
