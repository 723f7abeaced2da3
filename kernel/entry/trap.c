/*
 * Every interrupt and exception comes here from arch/entry.S, with the
 * trap frame it built (struct pt_regs, drawn in arch/traps.h):
 *
 *   vector 0-31   a CPU exception. In kernel mode it is a kernel bug
 *                 (arch/traps.c reports it and stops). In user mode it is
 *                 the program's doing: a page fault may be one that was
 *                 meant to happen (copy-on-write, heap, stack: mm/fault.c);
 *                 otherwise the program gets a signal.
 *   vector 32-47  a device interrupt (arch/irq.c calls its driver).
 *
 * Then, if the trap came from user mode, the way back goes through
 * return_to_user() (return.c).
 */
#include "entry/entry.h"
#include "signal/signal.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* The signal each exception raises in user mode. */
static int exception_signal(int trapno)
{
	switch (trapno) {
	case T_DIVIDE: case T_FPERR: case T_SIMDERR:
		return SIGFPE;
	case T_DEBUG: case T_BRKPT:
		return SIGTRAP;
	case T_ILLOP:
		return SIGILL;
	case T_ALIGN:
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

static void user_exception(struct pt_regs *regs)
{
	int err = 0;

	if (regs->trapno == T_PGFLT) {
		err = handle_mm_fault(&current->mm, read_cr2(),
				      regs->err & PF_WRITE);
		if (err == 0)
			return;         /* a fault that was meant to happen */
	}
	if (err == -ENOMEM) {           /* a good access, but no page left */
		printk("out of memory: killing pid %d (%s)\n", current->pid,
		       current->comm);
		force_sig(current, SIGKILL);
		return;
	}
	force_sig(current, exception_signal(regs->trapno));
}

void trap_dispatch(struct pt_regs *regs)
{
	if (regs->trapno < T_IRQ0) {
		if (!user_mode(regs))
			kernel_exception(regs);
		user_exception(regs);
	} else if (regs->trapno < T_IRQ0 + NR_IRQS) {
		do_irq(regs);
	}
	if (user_mode(regs))
		return_to_user(regs);
}
