/*
 * _start: where every Sprout program begins (the ELF entry point).
 *
 * exec leaves the new program's stack as the i386 System V ABI says:
 *
 *   esp ->  argc
 *           argv[0] ... argv[argc-1], NULL
 *           envp[0] ... NULL
 *           auxv pairs (type, value) ... AT_NULL
 *           the strings themselves, higher up
 *
 * We only find argv and envp, remember envp in `environ` and argv[0] in
 * `program_invocation_name` (err.h's messages start with it), and call
 * __libc_start_main(argc, argv, envp) (tls.c), which gives the main
 * thread its TLS block and calls main; returning from main is the same
 * as exit().
 */
	.text
	.globl _start
	.type _start, @function
_start:
	xorl %ebp, %ebp                 /* outermost frame: ends backtraces */
	movl (%esp), %eax               /* argc */
	leal 4(%esp), %ecx              /* argv */
	leal 8(%esp,%eax,4), %edx       /* envp = &argv[argc + 1] */
	movl %edx, environ
	movl (%ecx), %ebx
	movl %ebx, program_invocation_name  /* argv[0], for messages */
	andl $-16, %esp                 /* gcc expects a 16-byte aligned call */
	subl $4, %esp
	pushl %edx
	pushl %ecx
	pushl %eax
	call __libc_start_main          /* does not return */
	hlt                             /* privileged: faults if it ever does */
	.size _start, . - _start

	.section .note.GNU-stack, "", @progbits
