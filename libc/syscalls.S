/*
 * The system-call stubs, generated from the kernel's table
 * <sprout/syscalls.h> (one SYSCALLn(nr, name, libc, ret, args...) line per
 * call).
 *
 * A system call on Sprout, as on Linux i386: the number in eax, the
 * arguments in ebx, ecx, edx, esi, edi, then `int $0x80`. The result comes
 * back in eax; -4095..-1 means failure with that -errno.
 *
 * For each line we emit
 *   __sys_<name>   returns the raw result (-errno on failure), for the
 *                  hand-written wrappers in this folder;
 *   <name>         unless the libc column is 0: the POSIX function, which
 *                  sets errno and returns -1 on failure (its prototype is
 *                  in the header that column names).
 * ebx, esi, edi and ebp belong to our caller (cdecl), so a stub saves
 * those it loads and no others: getpid's is five instructions (movl, int,
 * cmpl, jae, ret), not the seventeen a save-everything stub took.
 */

/* The body of a stub: save the caller's registers that this call's
   arguments need, then load the arguments from the caller's stack into
   registers. The first argument is just above the return address and
   the saved registers. */
	.macro trap nr, nargs
	.if \nargs >= 1
	pushl %ebx
	.endif
	.if \nargs >= 4
	pushl %esi
	.endif
	.if \nargs >= 5
	pushl %edi
	.endif
	.if \nargs >= 6
	pushl %ebp
	.endif
	/* how many were saved: ebx for 1 or more arguments, then one more
	   for each argument past three */
	.if \nargs >= 4
	saved = \nargs - 2
	.elseif \nargs >= 1
	saved = 1
	.else
	saved = 0
	.endif
	.if \nargs >= 1
	movl 4*saved+4(%esp), %ebx
	.endif
	.if \nargs >= 2
	movl 4*saved+8(%esp), %ecx
	.endif
	.if \nargs >= 3
	movl 4*saved+12(%esp), %edx
	.endif
	.if \nargs >= 4
	movl 4*saved+16(%esp), %esi
	.endif
	.if \nargs >= 5
	movl 4*saved+20(%esp), %edi
	.endif
	.if \nargs >= 6
	movl 4*saved+24(%esp), %ebp
	.endif
	movl $\nr, %eax
	int $0x80
	.if \nargs >= 6
	popl %ebp
	.endif
	.if \nargs >= 5
	popl %edi
	.endif
	.if \nargs >= 4
	popl %esi
	.endif
	.if \nargs >= 1
	popl %ebx
	.endif
	.endm

	.macro stub nr, name, nargs, libc
	.globl __sys_\name
	.type __sys_\name, @function
__sys_\name:
	trap \nr, \nargs
	ret
	.size __sys_\name, . - __sys_\name
	.ifnc \libc,0
	.globl \name
	.type \name, @function
\name:
	trap \nr, \nargs
	cmpl $-4095, %eax               /* -4095..-1: -errno */
	jae 1f
	ret
1:	pushl %eax
	call __syscall_ret              /* errno.c */
	addl $4, %esp
	ret
	.size \name, . - \name
	.endif
	.endm

	.text
#define SYSCALL(nr, name, libc, ret, nargs, ...) stub nr, name, nargs, libc
#include <sprout/syscalls.h>

/*
 * long syscall(long nr, ...): any call by number, with up to six
 * arguments, the sixth in ebp (as glibc's syscall(2) on i386: mmap2 and
 * fallocate need it); errno and -1 on failure. Here the number is the
 * first argument, so the arguments start one word further up.
 */
	.globl syscall
	.type syscall, @function
syscall:
	pushl %ebp
	pushl %ebx
	pushl %esi
	pushl %edi
	movl 20(%esp), %eax
	movl 24(%esp), %ebx
	movl 28(%esp), %ecx
	movl 32(%esp), %edx
	movl 36(%esp), %esi
	movl 40(%esp), %edi
	movl 44(%esp), %ebp
	int $0x80
	popl %edi
	popl %esi
	popl %ebx
	popl %ebp
	pushl %eax
	call __syscall_ret
	addl $4, %esp
	ret
	.size syscall, . - syscall

	.section .note.GNU-stack, "", @progbits
