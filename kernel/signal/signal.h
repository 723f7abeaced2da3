/*
 * Signals: a pending bit per signal in task->signal, a blocked mask in
 * task->blocked, and an action per signal in task->sighand->action[]. Sending
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
 *   pgrp.c       process groups, as job control sees them
 *
 * signal/ sits above sched/ (it changes tasks' states and wakes them) and
 * below the drivers, files and processes that send signals.
 */
#ifndef _SIGNAL_SIGNAL_H
#define _SIGNAL_SIGNAL_H

#include "include/types.h"
#include "sched/sched.h"
#include "arch/arch.h"
#include <sprout/signal.h>
#include <sprout/sigaction.h>
#include <sprout/errno.h>

#define sigmask(sig) (1u << ((sig) - 1))

#define CONTINUED_STATUS 0xffff /* wait status of a child continued by
				   SIGCONT (WIFCONTINUED) */

/* Sending. send_sig is the kernel's own (si_code SI_KERNEL). May be
   called from interrupt handlers (the tty's ^C, a timer). */
int send_sig(struct task_struct *t, int sig);
int send_sig_info(struct task_struct *t, int sig, const struct siginfo_k *info);
int kill_pg(pid_t pgrp, int sig);
/* exit_group or a fatal signal in current: every other thread of its
   process gets SIGKILL, and status becomes the process's wait status
   (the first to ask wins). kill_other_threads is exec's: the same
   without ending the process. */
void zap_other_threads(int status);
void kill_other_threads(void);
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

/* pgrp.c: process groups, as job control sees them (docs/jobs.md). */
pid_t session_of_pgrp(pid_t pgrp);      /* 0: no such group */
bool is_orphaned_pgrp(pid_t pgrp);

/* suspend.c: waiting under a mask of the caller's choosing (ppoll,
   pselect). set_user_sigmask swaps in *umask: 0, or -EINVAL for a bad
   size, -EFAULT. The call then puts the old mask back with
   restore_saved_sigmask_unless(its result is -ERESTARTNOHAND): after an
   interruption, do_signal() puts it back once the handler has run, so
   the handler runs under the call's mask as well. */
int set_user_sigmask(const sigset_t *umask, size_t sigsetsize);
void restore_saved_sigmask_unless(bool interrupted);

/* What fork, exec and exit do to a task's signals. */
int copy_signals(struct task_struct *child, bool share_actions); /* fork */
void sighand_put(struct sighand_struct *sh);    /* a task is reaped */
int unshare_sighand(void);                      /* exec: 0, -ENOMEM */
void flush_signal_handlers(struct task_struct *t);      /* exec */
void exit_itimers(struct task_struct *t);       /* exit: stop its alarm */

/* Was the kernel entered by a system call (int 0x80)? Its number is then
   in regs->err. sigreturn sets err to -1, so that the registers it puts
   back are not taken for a call to finish off (Linux's orig_eax). */
static inline bool in_syscall(const struct pt_regs *regs)
{
	return regs->trapno == T_SYSCALL && (int32_t)regs->err >= 0;
}

/* Is there work for do_signal on current's way back to user mode? A
   signal it does not block, or a system call that one cut short: its
   kernel-only -ERESTART* result must never reach the program, even if
   the signal is gone by now (a SIGCONT cancels a pending SIGSTOP). */
static inline bool signal_work(const struct pt_regs *regs)
{
	int32_t ret = regs->eax;

	return signal_pending(current) ||
	       ((ret == -ERESTARTSYS || ret == -ERESTARTNOHAND) && in_syscall(regs));
}

/* Act on current's deliverable signals, and finish off a system call
   they cut short. Returns a wait status "killed by signal" (with the
   core flag 0x80 for SIGSEGV and the like) when the action ends the
   process (the caller, entry/return.c, then calls do_exit), or 0. */
int do_signal(struct pt_regs *regs);

#endif
