/*
 * entry/: where control crosses between a program and the kernel, in C.
 * arch/entry.S saves the registers on the task's kernel stack as a
 * struct pt_regs (defined in arch/traps.h), the trap frame:
 *
 *   higher addresses
 *   +-----------+
 *   | ss        |  pushed by the CPU, only when coming from user mode
 *   | esp       |  (ring 3 -> ring 0 switches to the stack in the TSS)
 *   | eflags    |  pushed by the CPU
 *   | cs        |
 *   | eip       |
 *   | err       |  CPU error code (or 0); for int 0x80, the call number
 *   | trapno    |  the vector: 0-31 exceptions, 32-47 IRQs, 0x80 syscall
 *   | gs fs es ds |  pushed by entry.S
 *   | eax ecx edx ebx |  pushed by entry.S's one pushal, which also
 *   | esp       |  saves the kernel's esp (unused: popal skips it)
 *   | ebp esi   |
 *   | edi       |  <- struct pt_regs *regs points here
 *   +-----------+
 *   lower addresses
 *
 * A system call reads its arguments from ebx, ecx, edx, esi, edi and puts
 * its result in eax; a signal handler's frame is built from this one
 * (signal/frame.c); iret hands it all back to the program. Then it calls
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
