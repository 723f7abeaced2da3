/*
 * The way back to user mode. Every return from the kernel to a program,
 * after a system call (syscall.c), an exception or an interrupt (trap.c),
 * or a forked child's first one, passes through return_to_user() just
 * before entry.S restores the registers and executes iret:
 *
 *   1. reschedule: if the timer said this task's slice is over
 *      (need_resched), run someone else first. The kernel is not
 *      preemptive, so this is the one place a task in user mode loses
 *      the CPU to another.
 *   2. past its RLIMIT_CPU, a task gets SIGXCPU or SIGKILL here
 *      (proc/rlimit.c): a busy program comes by at every tick.
 *   3. deliver signals: the course's "pnb = pending & ~blocked", lowest
 *      signal first (signal/deliver.c). Because every return passes here,
 *      a signal reaches even a program that never makes a system call:
 *      the next timer interrupt brings it through. do_signal also
 *      finishes a system call that a signal cut short (EINTR, or a
 *      restart).
 *
 * A signal whose action is to end the process ends it here.
 */
#include "entry/entry.h"
#include "proc/proc.h"
#include "signal/signal.h"
#include "sched/sched.h"

void return_to_user(struct pt_regs *regs)
{
	int fatal;

	while (need_resched)
		schedule();
	check_cpu_rlimit();             /* may send SIGXCPU or SIGKILL */
	if (signal_work(regs)) {
		fatal = do_signal(regs);
		if (fatal)
			do_exit(fatal);         /* wait status: killed by it */
	}
}

/* A forked child, about to leave the kernel for the first time
   (arch/entry.S's ret_from_fork). */
void fork_return(struct pt_regs *regs)
{
	schedule_tail();
	return_to_user(regs);
}
