/*
 * Signals: a pending bit per signal in task->signal, a blocked mask in
 * task->blocked, and an action per signal in task->sigaction[]. Sending
 * sets the bit; delivery happens when the task is about to return to
 * user mode (do_signal). docs/signals.md walks through one delivery.
 *
 *   send.c       sending: kill, tkill, tgkill, the kernel's own signals,
 *                SIGCHLD to the parent
 *   sigaction.c  the calls that change actions, the mask, the
 *                alternate stack; what fork and exec do to them
 *   suspend.c    pause and sigsuspend: sleeping until a signal comes
 *   deliver.c    on the way to user mode: the default actions, restarting
 *                interrupted system calls, choosing a handler
 *   frame.c      the handler's frame on the user stack, and sigreturn
 *   itimer.c     alarm, setitimer, getitimer: SIGALRM from a timer
 *
 * signal/ sits above sched/ (it changes tasks' states and wakes them) and
 * below the drivers, files and processes that send signals.
 */
#ifndef _SIGNAL_SIGNAL_H
#define _SIGNAL_SIGNAL_H

#include "include/types.h"
#include <sprout/signal.h>

struct task_struct;
struct pt_regs;
struct siginfo_k;

#define sigmask(sig) (1u << ((sig) - 1))

#define CONTINUED_STATUS 0xffff /* wait status of a child continued by
				   SIGCONT (WIFCONTINUED) */

/* Sending. send_sig is the kernel's own (si_code SI_KERNEL). May be
   called from interrupt handlers (the tty's ^C, a timer). */
int send_sig(struct task_struct *t, int sig);
int send_sig_info(struct task_struct *t, int sig, const struct siginfo_k *info);
int kill_pg(pid_t pgrp, int sig);
/* Signals the target cannot refuse: unblocked and reset to SIG_DFL if it
   blocked or ignored them (a handler it installed still runs). */
void force_sig(struct task_struct *t, int sig);
void force_sig_fault(int sig, int code, uint32_t addr); /* to current */
/* SIGCHLD and a wake-up for t's parent: t exited, stopped or continued.
   true: the parent will not wait for t (it ignores SIGCHLD or set
   SA_NOCLDWAIT), so an exiting t must not stay a zombie. */
bool notify_parent(struct task_struct *t);
/* Would t throw sig away, or hold it back? (For job control's SIGTTIN
   and SIGTTOU: such a signal would not stop t.) */
bool sig_ignored_or_blocked(struct task_struct *t, int sig);

/* What fork, exec and exit do to a task's signals. */
void copy_signals(struct task_struct *child);   /* fork */
void flush_signal_handlers(struct task_struct *t);      /* exec */
void exit_itimers(struct task_struct *t);       /* exit: stop its alarm */

/* Act on current's deliverable signals on its way back to user mode.
   Returns a wait status "killed by signal" (with the core flag 0x80 for
   SIGSEGV and the like) when the action ends the process (the caller,
   entry/return.c, then calls do_exit), or 0. */
int do_signal(struct pt_regs *regs);

#endif
