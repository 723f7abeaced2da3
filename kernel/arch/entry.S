/*
 * kernel/arch/entry.S - every way into the kernel and back out.
 *
 * Each interrupt vector has a tiny stub that makes the stack look the
 * same for all of them (an error code, the vector number), then jumps to
 * trap_common, which saves the registers as a struct pt_regs (drawn in
 * kernel/arch/traps.h), calls trap_dispatch(regs) in C, and on the way
 * out restores the registers and returns with iret.
 */
#include "arch/segment.h"
#include "arch/traps.h"

/* Vectors where the CPU pushes an error code itself (Intel SDM 6.13). */
#define HAS_ERROR(n) ((n) == T_DBLFLT || ((n) >= T_TSS && (n) <= T_PGFLT) || \
		      (n) == T_ALIGN || (n) == T_CTRLPROT)

/*
 * One stub per vector below NR_TRAP_STUBS (the 32 exceptions and 16
 * IRQs), and beside each, in .rodata, its address: the table
 * trap_stubs[] that idt_init() reads.
 */
	.section .rodata
	.align 4
	.globl trap_stubs
trap_stubs:

	.text
	vector = 0
	.rept NR_TRAP_STUBS
	.align 8
1:	.if !HAS_ERROR(vector)
	pushl $0                        /* a dummy error code */
	.endif
	pushl $vector                   /* trapno */
	jmp trap_common
	.pushsection .rodata
	.long 1b
	.popsection
	vector = vector + 1
	.endr

/* Save the registers in struct pt_regs order and load kernel segments.
   pushal pushes eax, ecx, edx, ebx, esp, ebp, esi, edi in one
   instruction (popal takes them back, skipping esp): the frame costs 5
   instructions instead of 11 on every way in, and as many on the way
   out. */
.macro SAVE_ALL
	pushl %gs
	pushl %fs
	pushl %es
	pushl %ds
	pushal
	movl $KERNEL_DS, %edx           /* the kernel's own data segment */
	movl %edx, %ds
	movl %edx, %es
	/* The C compiler takes the direction flag to be clear (its inline
	   rep movs copy upwards); a user program may have set it with std.
	   iret gives the program its own flag back. */
	cld
.endm

	.text
trap_common:
	SAVE_ALL
	pushl %esp                      /* argument: struct pt_regs * */
	call trap_dispatch
	addl $4, %esp
	jmp ret_from_trap

/*
 * int 0x80: a system call. The number is in eax, the arguments in ebx,
 * ecx, edx, esi, edi. The frame is the same as for any trap (trapno 0x80,
 * err = the call number), so that fork can copy it and signals can
 * rewrite it. syscall_dispatch() puts the result in regs->eax.
 */
	.globl system_call
system_call:
	pushl %eax                      /* err: the call number */
	pushl $T_SYSCALL                /* trapno */
	SAVE_ALL
	pushl %esp
	call syscall_dispatch
	addl $4, %esp
	/* fall through */

/* Back to whoever was interrupted: restore the registers, then iret. */
	.globl ret_from_trap
ret_from_trap:
	popal
	popl %ds
	popl %es
	popl %fs
	popl %gs
	addl $8, %esp                   /* drop trapno and err */
	iret

/*
 * A forked child's first instructions: switch_to() "returns" here on the
 * child's kernel stack, right below a copy of the parent's trap frame
 * (with eax = 0), so the child leaves the kernel as if from fork().
 */
	.globl ret_from_fork
ret_from_fork:
	pushl %esp                      /* the child's struct pt_regs */
	call fork_return
	addl $4, %esp
	jmp ret_from_trap

/*
 * A kernel thread's first instructions: the function to run is on the
 * stack. If it returns to user mode (process 1 after exec), it does so by
 * calling start_user(regs).
 */
	.globl kernel_thread_start
kernel_thread_start:
	call schedule_tail
	popl %eax
	sti
	call *%eax
1:	hlt
	jmp 1b

/* void start_user(struct pt_regs *regs): leave the kernel through regs. */
	.globl start_user
start_user:
	movl 4(%esp), %esp
	jmp ret_from_trap

	.section .note.GNU-stack, "", @progbits
