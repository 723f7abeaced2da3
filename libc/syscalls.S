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
 * ebx, esi and edi belong to our caller (cdecl), so we save them; a
 * six-argument call (sendto, recvfrom) also passes ebp, saved the same way.
 */

/* The body of a stub: arguments from the caller's stack into registers.
   After the four pushes, the first argument is at 20(%esp). */
	.macro trap nr, nargs
	pushl %ebx
	pushl %esi
	pushl %edi
	pushl %ebp
	.if \nargs >= 1
	movl 20(%esp), %ebx
	.endif
	.if \nargs >= 2
	movl 24(%esp), %ecx
	.endif
	.if \nargs >= 3
	movl 28(%esp), %edx
	.endif
	.if \nargs >= 4
	movl 32(%esp), %esi
	.endif
	.if \nargs >= 5
	movl 36(%esp), %edi
	.endif
	.if \nargs >= 6
	movl 40(%esp), %ebp
	.endif
	movl $\nr, %eax
	int $0x80
	popl %ebp
	popl %edi
	popl %esi
	popl %ebx
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
	pushl %eax
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
