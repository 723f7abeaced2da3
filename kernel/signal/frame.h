/*
 * frame.c's part for deliver.c: building a handler's frame.
 */
#ifndef _SIGNAL_FRAME_H
#define _SIGNAL_FRAME_H

#include "signal/action.h"

/* Push sig's frame on the user stack (or the alternate stack) and point
   regs at the handler. oldmask is the blocked mask sigreturn will put
   back. 0, or -EFAULT if the stack cannot be written. */
int setup_frame(int sig, const struct sigaction_k *ka,
		const struct siginfo_k *info, uint32_t oldmask,
		struct pt_regs *regs);

#endif
