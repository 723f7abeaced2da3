/*
 * The trap frame, struct pt_regs: what an interrupt, exception or system
 * call leaves on the kernel stack (kernel/arch/entry.S builds it). It is
 * drawn in kernel/entry/entry.h, beside the way back to user mode that
 * reads it; here are the vector numbers and the structure itself.
 */
#ifndef _ARCH_TRAPS_H
#define _ARCH_TRAPS_H

/* Exception vectors (Intel SDM vol. 3, 6.15) that the kernel names. */
#define T_DIVIDE    0           /* divide error */
#define T_DEBUG     1           /* single step, debug registers */
#define T_BRKPT     3           /* int3 */
#define T_OFLOW     4           /* into */
#define T_ILLOP     6           /* invalid opcode */
#define T_DEVICE    7           /* FPU not available */
#define T_DBLFLT    8           /* double fault */
#define T_TSS       10          /* invalid TSS */
#define T_SEGNP     11          /* segment not present */
#define T_STACK     12          /* stack-segment fault */
#define T_GPFLT     13          /* general protection fault */
#define T_PGFLT     14          /* page fault: address in cr2 */
#define T_FPERR     16          /* x87 floating-point error */
#define T_ALIGN     17          /* alignment check */
#define T_SIMDERR   19          /* SSE floating-point error */
#define T_CTRLPROT  21          /* control protection */

/* A page fault's error code. */
#define PF_PROT     0x1         /* 0: page not present; 1: protection */
#define PF_WRITE    0x2         /* 0: a read; 1: a write */
#define PF_USER     0x4         /* 0: in kernel mode; 1: in user mode */
#define T_IRQ0      32
#define T_SYSCALL   0x80
#define NR_IRQS     16
#define NR_TRAP_STUBS (T_IRQ0 + NR_IRQS) /* entry.S: exceptions and IRQs */

/* entry.S includes this file for the numbers above only. */
#ifndef __ASSEMBLER__

#include "include/types.h"

struct pt_regs {
	uint32_t edi, esi, ebp;         /* pushal's order, lowest first */
	uint32_t kernel_esp;            /* pushal's copy of esp; popal skips it */
	uint32_t ebx, edx, ecx, eax;
	uint32_t ds, es, fs, gs;
	uint32_t trapno, err;
	uint32_t eip, cs, eflags;
	uint32_t esp, ss;               /* valid only if from user mode */
};

static inline bool user_mode(const struct pt_regs *r)
{
	return (r->cs & 3) == 3;
}

/* The stack pointer at the moment of the trap: in kernel mode the CPU
   pushed no esp, so it is where the frame ends. */
static inline uint32_t trap_esp(const struct pt_regs *r)
{
	return user_mode(r) ? r->esp : (uint32_t)(uintptr_t)&r->esp;
}

void idt_init(void);
void tss_init(void);
void tss_set_kernel_stack(uint32_t esp0);
const char *exception_name(int trapno);
void kernel_exception(struct pt_regs *regs) __attribute__((noreturn));

/* irq.c: the 8259 PIC and the table of device interrupt handlers. */
typedef void (*irq_handler_t)(struct pt_regs *regs);
void pic_init(void);
void request_irq(int irq, irq_handler_t handler);
void do_irq(struct pt_regs *regs);

#endif /* __ASSEMBLER__ */
#endif
