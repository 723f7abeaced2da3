/*
 * The restorers: where a signal handler returns (libc's sigaction()
 * passes one with SA_RESTORER). The kernel put the handler's frame on the
 * stack; these ask it to take the frame down again and resume the
 * interrupted code (kernel/signal/frame.c).
 *
 * The instructions are exactly the kernel's own retcode and glibc's, so
 * that gdb recognizes a return into them and shows the frame below a
 * handler as <signal handler called>.
 */
	.text
/* A handler(sig) frame: the handler's ret popped the return address;
   pop sig too, then sigreturn (119). */
	.globl __restore
	.type __restore, @function
__restore:
	popl %eax
	movl $119, %eax
	int $0x80
	.size __restore, . - __restore

/* A handler(sig, info, uc) frame (SA_SIGINFO): rt_sigreturn (173). */
	.globl __restore_rt
	.type __restore_rt, @function
__restore_rt:
	movl $173, %eax
	int $0x80
	.size __restore_rt, . - __restore_rt

	.section .note.GNU-stack, "", @progbits
