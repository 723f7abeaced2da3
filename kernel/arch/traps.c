/*
 * CPU exceptions (vectors 0-31) and the dispatcher every trap goes through.
 *
 * An exception in user mode is the program's doing: it gets a signal
 * (a page fault may first be handled: copy-on-write, heap, stack). An
 * exception in kernel mode is a kernel bug: we report it and stop.
 */
#include "arch/traps.h"
#include "arch/io.h"
#include "proc/sched.h"
#include "signal/signal.h"
#include "mm/vm.h"
#include "lib/printk.h"
#include "lib/vsprintf.h"
#include <sprout/errno.h>

void prepare_return_to_user(struct pt_regs *regs);

static const char *const exception_names[32] = {
	"divide error", "debug", "non-maskable interrupt", "breakpoint",
	"overflow", "bound range exceeded", "invalid opcode",
	"device not available", "double fault", "coprocessor segment overrun",
	"invalid TSS", "segment not present", "stack-segment fault",
	"general protection fault", "page fault", "reserved",
	"x87 floating-point error", "alignment check", "machine check",
	"SIMD floating-point error", "virtualization exception",
	"control protection exception",
};

const char *exception_name(int trapno)
{
	const char *name = trapno < 32 ? exception_names[trapno] : NULL;

	return name ? name : "reserved";
}

/* Explain a page fault's error code: what was accessed, how, and why. */
static void describe_page_fault(const struct pt_regs *regs)
{
	uint32_t err = regs->err;

	printk("  page fault at address %08x: %s %s, %s\n", read_cr2(),
	       err & 4 ? "user" : "kernel", err & 2 ? "write" : "read",
	       err & 1 ? "protection violation" : "page not present");
}

/* The signal each exception raises in user mode (0: none expected). */
static int exception_signal(int trapno)
{
	switch (trapno) {
	case 0: case 16: case 19:
		return SIGFPE;
	case 1: case 3:
		return SIGTRAP;
	case 6:
		return SIGILL;
	case 7:
		return SIGSEGV;         /* no FPU state kept: use is refused */
	case 17:
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

static void user_exception(struct pt_regs *regs)
{
	int err = 0;

	if (regs->trapno == T_PGFLT) {
		err = handle_mm_fault(&current->mm, read_cr2(), regs->err & 2);
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

void do_exception(struct pt_regs *regs)
{
	char msg[96];

	if (user_mode(regs)) {
		user_exception(regs);
		return;
	}

	snprintf(msg, sizeof(msg), "exception %u (%s), error code %08x",
		 regs->trapno, exception_name(regs->trapno), regs->err);
	printk("\n*** %s in %s mode\n", msg, user_mode(regs) ? "user" : "kernel");
	if (regs->trapno == T_PGFLT)
		describe_page_fault(regs);
	die(msg, regs);
}

void trap_dispatch(struct pt_regs *regs)
{
	if (regs->trapno < T_IRQ0)
		do_exception(regs);
	else if (regs->trapno < T_IRQ0 + NR_IRQS)
		do_irq(regs);
	if (user_mode(regs))
		prepare_return_to_user(regs);
}
