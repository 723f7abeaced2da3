/*
 * setjmp, sigsetjmp and the jump back (see <setjmp.h>). The registers a
 * function must preserve (cdecl: ebx, esi, edi, ebp), the stack pointer
 * and the return address are all the caller's state that a jump must
 * bring back; eax, ecx and edx are scratch anyway.
 *
 * jmp_buf: 0 ebx, 4 esi, 8 edi, 12 ebp, 16 esp, 20 eip,
 *          24 __mask_was_saved, 28 __saved_mask
 */
#define JB_MASK_WAS_SAVED 24

/* Save the caller's registers into the jmp_buf at %ecx: esp as it will
   be once we have returned, eip the address we return to. */
	.macro save_caller
	movl %ebx, 0(%ecx)
	movl %esi, 4(%ecx)
	movl %edi, 8(%ecx)
	movl %ebp, 12(%ecx)
	leal 4(%esp), %edx
	movl %edx, 16(%ecx)
	movl (%esp), %edx
	movl %edx, 20(%ecx)
	.endm

	.text
/* int setjmp(jmp_buf env) */
	.globl setjmp
	.type setjmp, @function
setjmp:
	movl 4(%esp), %ecx
	save_caller
	movl $0, JB_MASK_WAS_SAVED(%ecx)
	xorl %eax, %eax
	ret
	.size setjmp, . - setjmp

/* int sigsetjmp(sigjmp_buf env, int savemask): the mask is saved in C,
   by a tail call that leaves our caller's frame as it is. */
	.globl sigsetjmp
	.type sigsetjmp, @function
sigsetjmp:
	movl 4(%esp), %ecx
	save_caller
	jmp __sigjmp_save               /* (env, savemask), returns 0 */
	.size sigsetjmp, . - sigsetjmp

/* void __longjmp(jmp_buf env, int val): back into setjmp's caller, with
   eax = val (longjmp in signal.c has made it non-zero). */
	.globl __longjmp
	.type __longjmp, @function
__longjmp:
	movl 4(%esp), %ecx
	movl 8(%esp), %eax
	movl 0(%ecx), %ebx
	movl 4(%ecx), %esi
	movl 8(%ecx), %edi
	movl 12(%ecx), %ebp
	movl 16(%ecx), %esp
	jmp *20(%ecx)
	.size __longjmp, . - __longjmp

	.section .note.GNU-stack, "", @progbits
