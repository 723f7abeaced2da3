/*
 * Non-local jumps. setjmp(env) remembers where it was called (the
 * callee-saved registers, the stack pointer, the return address);
 * longjmp(env, v) goes back there, and setjmp returns a second time, with
 * v (1 if v is 0). sigsetjmp(env, 1) also remembers the signal mask, and
 * the jump back puts it back: the way out of a signal handler, whose own
 * signal is blocked while it runs. setjmp does not save the mask (as
 * glibc's does not); longjmp and siglongjmp are the same function.
 */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <signal.h>

struct __jmp_buf_tag {
	unsigned long __regs[6];        /* ebx esi edi ebp esp eip */
	int __mask_was_saved;
	sigset_t __saved_mask;
};
typedef struct __jmp_buf_tag jmp_buf[1];
typedef struct __jmp_buf_tag sigjmp_buf[1];

int setjmp(jmp_buf env) __attribute__((returns_twice));
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((returns_twice));
void longjmp(jmp_buf env, int val) __attribute__((noreturn));
void siglongjmp(sigjmp_buf env, int val) __attribute__((noreturn));

#endif
