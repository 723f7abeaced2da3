/*
 * Every interrupt and exception comes here from arch/entry.S, with the
 * trap frame it built (struct pt_regs, drawn in entry.h):
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
#include <sprout/siginfo.h>

/* A page fault the kernel could not satisfy: nothing mapped there (or
   kernel memory), or a page that is there but not for this access. */
static int segv_code(uint32_t addr, uint32_t err)
{
	return addr < USER_TOP && (err & PF_PROT) ? SEGV_ACCERR : SEGV_MAPERR;
}

/* The signal an exception raises in the task that caused it, with the
   si_code and si_addr Linux gives: the faulting address for a page
   fault, the instruction for the others that name one. fault_err is
   what handle_mm_fault said: -EIO for a page a file mapping cannot
   give (past the end of the file, or the disk failed) is SIGBUS. */
static void exception_signal(struct pt_regs *regs, int fault_err)
{
	uint32_t cr2, ip = regs->eip;
	int code;

	switch (regs->trapno) {
	case T_PGFLT:
		cr2 = read_cr2();
		if (fault_err == -EIO)
			force_sig_fault(SIGBUS, BUS_ADRERR, cr2);
		else
			force_sig_fault(SIGSEGV, segv_code(cr2, regs->err), cr2);
		break;
	case T_DIVIDE:
		force_sig_fault(SIGFPE, FPE_INTDIV, ip);
		break;
	case T_FPERR:
	case T_SIMDERR:
		code = fpu_math_error(&current->fpu, regs->trapno == T_SIMDERR);
		if (code)               /* else a spurious one: nothing to say */
			force_sig_fault(SIGFPE, code, ip);
		break;
	case T_ILLOP:
		force_sig_fault(SIGILL, ILL_ILLOPN, ip);
		break;
	case T_BRKPT:
		force_sig_fault(SIGTRAP, TRAP_BRKPT, ip);
		break;
	case T_DEBUG:
		force_sig_fault(SIGTRAP, TRAP_TRACE, ip);
		break;
	case T_ALIGN:
		force_sig_fault(SIGBUS, BUS_ADRALN, 0);
		break;
	default:                        /* #GP (a privileged instruction) ... */
		force_sig(current, SIGSEGV);
		break;
	}
}

static void user_exception(struct pt_regs *regs)
{
	int err = 0;

	if (regs->trapno == T_PGFLT) {
		err = handle_mm_fault(current->mm, read_cr2(),
				      regs->err & PF_WRITE);
		if (err == 0)
			return;         /* a fault that was meant to happen */
	}
	if (err == -ENOMEM)     /* a good access, but no page: the OOM
				   killer chose us (SIGKILL is pending), or
				   its victim is slow to go: fault again */
		return;
	exception_signal(regs, err);
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
