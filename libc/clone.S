/*
 * int __clone_thread(unsigned long flags, void *stack, int *ptid,
 *                    struct user_desc *tls, int *ctid)
 *
 * clone(2) for pthread_create. It cannot be a C function: the new thread
 * comes back from the same int $0x80 as its parent, but on its own,
 * empty stack, where a C function's frame (its return address, its
 * saved registers) does not exist. So the child never returns: it finds
 * the thread's descriptor, which pthread_create left at the top of the
 * new stack, and calls __thread_start(self) (pthread_create.c), which
 * ends in pthread_exit. The parent returns the new thread's tid, or
 * -errno.
 */
	.text
	.globl __clone_thread
	.type __clone_thread, @function
__clone_thread:
	pushl %ebx
	pushl %esi
	pushl %edi
	movl 16(%esp), %ebx             /* flags */
	movl 20(%esp), %ecx             /* stack */
	movl 24(%esp), %edx             /* ptid */
	movl 28(%esp), %esi             /* tls */
	movl 32(%esp), %edi             /* ctid */
	movl $120, %eax                 /* SYS_clone */
	int $0x80
	testl %eax, %eax
	jz 1f
	popl %edi                       /* the parent */
	popl %esi
	popl %ebx
	ret
1:	xorl %ebp, %ebp                 /* the child: outermost frame */
	call __thread_start             /* its argument is at the stack top */
	hlt                             /* never comes back */
	.size __clone_thread, . - __clone_thread

	.section .note.GNU-stack, "", @progbits
