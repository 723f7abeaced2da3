/*
 * CPU exceptions (vectors 0-31): their names, and the report of one the
 * kernel itself caused. What a user-mode exception means for the program
 * (a signal, or a page fault that was meant to happen) is decided in
 * kernel/entry/trap.c, which every trap goes through.
 */
#include "arch/arch.h"
#include "arch/panic.h"
#include "lib/lib.h"

static const char *const exception_names[T_IRQ0] = {
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
	const char *name = trapno < T_IRQ0 ? exception_names[trapno] : NULL;

	return name ? name : "reserved";
}

/* Explain a page fault's error code: what was accessed, how, and why. */
static void describe_page_fault(const struct pt_regs *regs)
{
	uint32_t err = regs->err;

	printk("  page fault at address %08x: %s %s, %s\n", read_cr2(),
	       err & PF_USER ? "user" : "kernel",
	       err & PF_WRITE ? "write" : "read",
	       err & PF_PROT ? "protection violation" : "page not present");
}

/* An exception in kernel mode is a kernel bug: report it and stop. */
void kernel_exception(struct pt_regs *regs)
{
	char msg[96];

	snprintf(msg, sizeof(msg), "exception %u (%s), error code %08x",
		 regs->trapno, exception_name(regs->trapno), regs->err);
	printk("\n*** %s in kernel mode\n", msg);
	if (regs->trapno == T_PGFLT)
		describe_page_fault(regs);
	die(msg, regs);
}
