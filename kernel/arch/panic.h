/*
 * When the kernel cannot go on (panic.c): print the message, the
 * registers and the chain of calls, then stop the machine.
 */
#ifndef _ARCH_PANIC_H
#define _ARCH_PANIC_H

#include "include/types.h"

struct pt_regs;

void panic(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));
/* Report a fatal trap: the message, the registers and a backtrace. */
void die(const char *msg, const struct pt_regs *regs) __attribute__((noreturn));
void show_regs(const struct pt_regs *regs);
void backtrace(uint32_t ebp);

#endif
