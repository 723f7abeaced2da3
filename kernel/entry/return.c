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
 *   3. check the segment selectors iret will load: a program can point
 *      ds, es, fs or gs at a TLS entry and then empty it with
 *      set_thread_area (or hand sigreturn any number), and loading such
 *      a selector would fault inside the kernel. As Linux does, a bad
 *      one becomes the null selector: the program's next use of it
 *      faults in user mode, SIGSEGV. A bad stack segment cannot be
 *      null: the program gets SIGSEGV at once, on the flat one.
 *
 * A signal whose action is to end the process ends it here.
 */
#include "entry/entry.h"
#include "proc/proc.h"
#include "signal/signal.h"
#include "sched/sched.h"
#include "lib/lib.h"
#include <sprout/siginfo.h>

/* The flat user data segment, or null: what nearly every program keeps
   in every data segment register; only these need no look at the GDT.
   (The test costs two compares; the look costs forty instructions, on
   every system call.) */
static bool plain_data_selector(uint32_t sel)
{
	sel &= 0xFFFF;          /* a frame slot's upper half is junk */
	return sel == USER_DS || (sel & ~3u) == 0;
}

static void check_data_selector(uint32_t *sel)
{
	if (!plain_data_selector(*sel) && !user_selector_ok(*sel, false))
		*sel = 0;
}

/* The registers as nearly every program leaves them: flat or null, and
   %gs perhaps selecting its thread block (where C libraries put it). */
static bool usual_segments(const struct pt_regs *regs)
{
	return plain_data_selector(regs->ds) && plain_data_selector(regs->es) &&
	       plain_data_selector(regs->fs) &&
	       (plain_data_selector(regs->gs) ||
		tls_selector_ok(&current->tls, regs->gs)) &&
	       (regs->ss & 0xFFFF) == USER_DS;
}

static void check_user_segments(struct pt_regs *regs)
{
	if (usual_segments(regs))
		return;
	check_data_selector(&regs->ds);
	check_data_selector(&regs->es);
	check_data_selector(&regs->fs);
	check_data_selector(&regs->gs);
	if ((regs->ss & 0xFFFF) != USER_DS && !user_selector_ok(regs->ss, true)) {
		regs->ss = USER_DS;
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);
	}
}

void return_to_user(struct pt_regs *regs)
{
	int fatal;

	while (need_resched)
		schedule();
	check_cpu_rlimit();             /* may send SIGXCPU or SIGKILL */
	check_user_segments(regs);
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
	/* clone's CLONE_CHILD_SETTID: into the child's own memory, so the
	   child writes it (a bad address is ignored, as on Linux). */
	if (current->set_child_tid)
		copy_to_user((void *)current->set_child_tid, &current->pid,
			     sizeof(current->pid));
	return_to_user(regs);
}
