/*
 * void switch_to(struct task_struct *prev, struct task_struct *next)
 *
 * The heart of multitasking, in thirteen instructions. Every task that is
 * not running sits inside this function, its stack holding the registers
 * that C expects a call to preserve (ebp, ebx, esi, edi) and the return
 * address into schedule(). Switching tasks is switching stacks:
 *
 *   prev's kernel stack            next's kernel stack
 *   +------------------+           +------------------+
 *   | ret to schedule  |           | ret to schedule  |  (or ret_from_fork
 *   | ebp ebx esi edi  |           | ebp ebx esi edi  |   for a new child)
 *   +------------------+ <- saved  +------------------+ <- next->kernel_esp
 *                         in prev->kernel_esp
 *
 * Linux 0.11 switched with a far jump to the next task's TSS, letting the
 * CPU save everything; switching in software is faster and shows the idea.
 */
#define KERNEL_ESP 12           /* offsetof(struct task_struct, kernel_esp) */

	.text
	.globl switch_to
switch_to:
	movl 4(%esp), %eax              /* prev */
	movl 8(%esp), %edx              /* next */
	pushl %ebp
	pushl %ebx
	pushl %esi
	pushl %edi
	movl %esp, KERNEL_ESP(%eax)
	movl KERNEL_ESP(%edx), %esp
	popl %edi
	popl %esi
	popl %ebx
	popl %ebp
	ret

	.section .note.GNU-stack, "", @progbits
