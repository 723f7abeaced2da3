/*
 * When the kernel cannot go on: print what happened, the registers and
 * the chain of calls that led here, then stop the machine.
 *
 * The backtrace follows the frame-pointer chain that gcc builds with
 * -fno-omit-frame-pointer:
 *
 *   ebp -> [ saved ebp of the caller ] -> [ saved ebp ... ] -> 0
 *          [ return address          ]
 */
#include "lib/lib.h"
#include "arch/arch.h"
#include "arch/layout.h"

#define MAX_FRAMES 16

void backtrace(uint32_t ebp)
{
	printk("Backtrace:\n");
	for (int i = 0; i < MAX_FRAMES && ebp >= PAGE_OFFSET && !(ebp & 3); i++) {
		uint32_t *frame = (uint32_t *)ebp;
		uint32_t ret = frame[1], off;
		const char *name = ksym_lookup(ret, &off);

		if (!name)
			break;
		printk("  [%p] %s+0x%x\n", (void *)ret, name, off);
		ebp = frame[0];
	}
}

void show_regs(const struct pt_regs *r)
{
	uint32_t off;
	const char *fn = ksym_lookup(r->eip, &off);

	printk("  eip=%08x (%s+0x%x) cs=%04x eflags=%08x\n", r->eip,
	       fn ? fn : "?", fn ? off : 0, r->cs & 0xFFFF, r->eflags);
	printk("  eax=%08x ebx=%08x ecx=%08x edx=%08x\n",
	       r->eax, r->ebx, r->ecx, r->edx);
	printk("  esi=%08x edi=%08x ebp=%08x esp=%08x\n",
	       r->esi, r->edi, r->ebp, trap_esp(r));
	printk("  ds=%04x es=%04x cr2=%08x cr3=%08x\n",
	       r->ds & 0xFFFF, r->es & 0xFFFF, read_cr2(), read_cr3());
}

static void __attribute__((noreturn)) halt_after_panic(void)
{
	printk("System halted.\n");
	machine_halt(EXIT_PANIC);
}

void die(const char *msg, const struct pt_regs *regs)
{
	cli();
	printk("Kernel panic: %s\n", msg);
	show_regs(regs);
	backtrace(regs->ebp);
	halt_after_panic();
}

/* The registers as they are inside panic(), laid out like a trap frame
   whose eip is panic's caller, so die() can report them. */
static void __attribute__((noinline)) snapshot_regs(struct pt_regs *r)
{
	__asm__ volatile("movl %%eax, %0; movl %%ebx, %1; movl %%ecx, %2;"
			 "movl %%edx, %3; movl %%esi, %4; movl %%edi, %5"
			 : "=m"(r->eax), "=m"(r->ebx), "=m"(r->ecx),
			   "=m"(r->edx), "=m"(r->esi), "=m"(r->edi));
	__asm__ volatile("movw %%cs, %w0; movw %%ds, %w1; movw %%es, %w2;"
			 "pushfl; popl %3"
			 : "=r"(r->cs), "=r"(r->ds), "=r"(r->es), "=r"(r->eflags));
}

void panic(const char *fmt, ...)
{
	char msg[256];
	struct pt_regs regs = { 0 };
	va_list ap;

	cli();
	snapshot_regs(&regs);
	regs.ebp = (uint32_t)__builtin_frame_address(0);
	regs.eip = (uint32_t)__builtin_return_address(0);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	die(msg, &regs);
}
