/*
 * entry/: where control crosses between a program and the kernel, in C.
 * arch/entry.S saves the registers as a struct pt_regs (drawn in
 * arch/traps.h) and calls
 *
 *   trap_dispatch(regs)    for an exception or interrupt     (trap.c)
 *   syscall_dispatch(regs) for int 0x80                      (syscall.c)
 *   fork_return(regs)      in a forked child's first run     (return.c)
 *
 * and each of them ends in return_to_user(regs) (return.c): reschedule,
 * then deliver signals, then entry.S's iret.
 *
 * entry/ is the top of the kernel's layers but init/: it may call
 * anything below (the system-call handlers live in their own
 * subsystems; the table reaches them through include/syscall.h).
 */
#ifndef _ENTRY_ENTRY_H
#define _ENTRY_ENTRY_H

#include "include/types.h"

struct pt_regs;

void trap_dispatch(struct pt_regs *regs);
void syscall_dispatch(struct pt_regs *regs);
void fork_return(struct pt_regs *regs);
void return_to_user(struct pt_regs *regs);
void syscall_trace_init(void);  /* "strace" on the command line */

#endif
