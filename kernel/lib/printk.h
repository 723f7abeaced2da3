#ifndef _LIB_PRINTK_H
#define _LIB_PRINTK_H

#include "include/types.h"

struct pt_regs;

int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void panic(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));
/* Report a fatal trap: the message, the registers and a backtrace. */
void die(const char *msg, const struct pt_regs *regs) __attribute__((noreturn));
void show_regs(const struct pt_regs *regs);
void backtrace(uint32_t ebp);

#endif
