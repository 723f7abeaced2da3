/*
 * Delivering signals. Every return to user mode, after a system call, an
 * exception or an interrupt, passes return_to_user() (entry/return.c),
 * which calls do_signal() when there is work (signal_work(), signal.h).
 * That is why a signal reaches even a program that never makes a system
 * call: the next timer tick brings it through here.
 *
 *   1. pnb = pending & ~blocked; take its lowest signal off the pending set
 *   2. its action:
 *        SIG_IGN                 take the next one
 *        SIG_DFL                 the default (the table below): end the
 *                                process (its other threads get SIGKILL;
 *                                returned to entry/, which calls
 *                                do_exit), stop it here until SIGCONT
 *                                (not in an orphaned group, but for
 *                                SIGSTOP), or nothing
 *        a handler               build its frame on the user stack
 *                                (frame.c) and return: the iret that
 *                                follows lands in the handler
 *   3. finish a system call the signal cut short: EINTR, or a restart
 *
 * One frame per return: when several signals are pending, the lowest
 * one's handler starts, and the next signal is delivered at the next
 * return to user mode (the handler's first system call or interrupt at
 * the latest), its frame on top. (Linux builds the second frame before
 * leaving the kernel, so there the higher signal's handler runs first.)
 */
#include "signal/frame.h"
#include "sched/sched.h"
#include "arch/arch.h"
#include <sprout/errno.h>

#define CORE_FLAG 0x80          /* wait status: WCOREDUMP */

/* man 7 signal's table. ACT_CORE ends the process like ACT_TERM and sets
   the core flag in the wait status; Sprout writes no core file (the flag
   says "would have dumped"). */
static const uint8_t defaults[NSIG] = {
	[SIGHUP] = ACT_TERM,    [SIGINT] = ACT_TERM,    [SIGQUIT] = ACT_CORE,
	[SIGILL] = ACT_CORE,    [SIGTRAP] = ACT_CORE,   [SIGABRT] = ACT_CORE,
	[SIGBUS] = ACT_CORE,    [SIGFPE] = ACT_CORE,    [SIGKILL] = ACT_TERM,
	[SIGUSR1] = ACT_TERM,   [SIGSEGV] = ACT_CORE,   [SIGUSR2] = ACT_TERM,
	[SIGPIPE] = ACT_TERM,   [SIGALRM] = ACT_TERM,   [SIGTERM] = ACT_TERM,
	[SIGSTKFLT] = ACT_TERM, [SIGCHLD] = ACT_IGNORE, [SIGCONT] = ACT_CONT,
	[SIGSTOP] = ACT_STOP,   [SIGTSTP] = ACT_STOP,   [SIGTTIN] = ACT_STOP,
	[SIGTTOU] = ACT_STOP,   [SIGURG] = ACT_IGNORE,  [SIGXCPU] = ACT_CORE,
	[SIGXFSZ] = ACT_CORE,   [SIGVTALRM] = ACT_TERM, [SIGPROF] = ACT_TERM,
	[SIGWINCH] = ACT_IGNORE, [SIGIO] = ACT_TERM,    [SIGPWR] = ACT_TERM,
	[SIGSYS] = ACT_CORE,
};

enum sig_default default_action(int sig)
{
	return defaults[sig];
}

/* Take the lowest deliverable signal off the pending set (0: none). */
static int dequeue_signal(struct siginfo_k *info)
{
	uint32_t flags = irq_save();
	uint32_t ready = current->signal & ~current->blocked;
	int sig = ready ? __builtin_ctz(ready) + 1 : 0;

	if (sig) {
		current->signal &= ~sigmask(sig);
		*info = current->siginfo[sig - 1];
	}
	irq_restore(flags);
	return sig;
}

/* Has every thread of the process stopped (or ended)? */
static bool group_stopped(struct task_struct *leader)
{
	struct task_struct *t;

	for_each_thread(leader, t)
		if (t->state != TASK_STOPPED && t->state != TASK_ZOMBIE)
			return false;
	return true;
}

/* Stop current until SIGCONT or SIGKILL. The last thread of the process
   to stop tells the parent, for waitpid(WUNTRACED), through the leader. */
static void stop_current(int sig)
{
	struct task_struct *leader = current->group_leader;

	current->group_stop = 0;
	current->state = TASK_STOPPED;
	current->exit_code = sig;
	if (leader->state != TASK_ZOMBIE && group_stopped(leader)) {
		leader->exit_code = sig;
		notify_parent(leader);
	}
	schedule();
}

/* A stop signal stops the whole process: each other thread stops on its
   own way to user mode (do_signal sees its group_stop), woken for it if
   it sleeps. */
static void do_group_stop(int sig)
{
	struct task_struct *t;
	uint32_t flags = irq_save();

	for_each_thread(current, t) {
		if (t == current || t->state == TASK_ZOMBIE)
			continue;
		t->group_stop = sig;
		wake_up_state(t, TASK_INTERRUPTIBLE);
	}
	irq_restore(flags);
	stop_current(sig);
}

/* Make the program run the call again: back over the two bytes of
   `int $0x80`, with the number in eax once more (the arguments are still
   in ebx ... edi). */
static void restart_syscall(struct pt_regs *regs)
{
	regs->eax = regs->err;
	regs->eip -= 2;
}

/*
 * A blocking call that a signal cut short returns a kernel-only code;
 * here, knowing whether a handler runs (ka) or not (NULL), it becomes
 * what the program sees:
 *
 *                     handler, SA_RESTART   handler   no handler (stop,
 *                                                      ignored signal)
 *   -ERESTARTSYS      restart               EINTR     restart
 *   -ERESTARTNOHAND   EINTR                 EINTR     restart
 *
 * A restart under a handler happens when the handler returns: sigreturn
 * puts back the registers saved here, eip on the int $0x80.
 */
static void finish_syscall(struct pt_regs *regs, const struct sigaction_k *ka)
{
	if (!in_syscall(regs))
		return;
	switch ((int32_t)regs->eax) {
	case -ERESTARTSYS:
		if (ka && !(ka->flags & SA_RESTART))
			regs->eax = -EINTR;
		else
			restart_syscall(regs);
		break;
	case -ERESTARTNOHAND:
		if (ka)
			regs->eax = -EINTR;
		else
			restart_syscall(regs);
		break;
	}
}

/* The frame could not be written (the stack pointer points nowhere):
   the process gets SIGSEGV. If that was SIGSEGV's own frame, its handler
   cannot run either: back to SIG_DFL, which ends the process. */
static void bad_frame(int sig)
{
	if (sig == SIGSEGV)
		current->sighand->action[SIGSEGV - 1].handler = SIG_DFL;
	force_sig(current, SIGSEGV);
}

/*
 * Run ka's handler for sig. The frame keeps the mask to put back (the
 * caller's own, if this interrupts sigsuspend); while the handler runs,
 * sa_mask and sig itself (unless SA_NODEFER) are blocked too, so the
 * handler is not interrupted by another instance of its own signal.
 * false if the frame could not be written.
 */
static bool handle_signal(int sig, struct sigaction_k *ka,
			  const struct siginfo_k *info, struct pt_regs *regs)
{
	uint32_t oldmask = current->restore_blocked ? current->saved_blocked
						    : current->blocked;

	finish_syscall(regs, ka);
	if (setup_frame(sig, ka, info, oldmask, regs) < 0) {
		bad_frame(sig);
		return false;
	}
	current->restore_blocked = false;
	current->blocked |= ka->mask;
	if (!(ka->flags & SA_NODEFER))
		current->blocked |= sigmask(sig);
	if (ka->flags & SA_RESETHAND)
		ka->handler = SIG_DFL;
	return true;
}

/* A fatal signal ends the whole process: the other threads get
   SIGKILL, and the process's wait status says sig. */
static int group_fatal(int status)
{
	zap_other_threads(status);
	return status;
}

int do_signal(struct pt_regs *regs)
{
	struct siginfo_k info;
	int sig;

	if (current->group_stop)        /* another thread stopped the group */
		stop_current(current->group_stop);
	while ((sig = dequeue_signal(&info))) {         /* lowest first */
		struct sigaction_k *ka = &current->sighand->action[sig - 1];

		if (ka->handler == SIG_IGN)
			continue;
		if (ka->handler != SIG_DFL) {
			if (handle_signal(sig, ka, &info, regs))
				return 0;
			continue;               /* SIGSEGV is pending now */
		}
		switch (default_action(sig)) {
		case ACT_TERM:
			return group_fatal(sig);  /* wait status: killed by sig */
		case ACT_CORE:
			return group_fatal(sig | CORE_FLAG);
		case ACT_STOP:
			/* In an orphaned group no shell is left to send
			   SIGCONT: the stops a terminal or a job-control
			   signal would make are dropped (POSIX). SIGSTOP,
			   sent only on purpose, still stops. */
			if (sig != SIGSTOP && is_orphaned_pgrp(current->pgrp))
				break;
			do_group_stop(sig);
			break;
		case ACT_IGNORE:
		case ACT_CONT:
			break;
		}
	}
	finish_syscall(regs, NULL);             /* no handler runs */
	if (current->restore_blocked) {         /* sigsuspend, no handler */
		current->blocked = current->saved_blocked;
		current->restore_blocked = false;
	}
	return 0;
}
