/*
 * Sending and delivering signals.
 *
 * Sending (kill, a fault, the tty's ^C) only marks the signal pending and
 * wakes the target if it sleeps interruptibly. Delivery happens later, on
 * the target's next return from the kernel to user mode: the kernel
 * computes pending & ~blocked and acts on the lowest signal first.
 *
 * Until user handlers arrive (the signals issue), every signal takes its
 * default action: terminate, ignore, stop or continue.
 */
#include "signal/signal.h"
#include "sched/sched.h"
#include "arch/arch.h"
#include "include/syscall.h"
#include <sprout/errno.h>

enum action { TERMINATE, IGNORE, STOP, CONTINUE };

static enum action default_action(int sig)
{
	switch (sig) {
	case SIGCHLD: case SIGURG: case SIGWINCH:
		return IGNORE;
	case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
		return STOP;
	case SIGCONT:
		return CONTINUE;
	default:
		return TERMINATE;
	}
}

/* Is sig thrown away at once? SIGCONT's default work (continuing a
   stopped task) is done by send_sig itself, so like Linux it is then not
   kept pending: it must not interrupt a task that was not stopped. */
static bool ignored(struct task_struct *t, int sig)
{
	void (*h)(int) = t->sigaction[sig - 1].handler;

	return h == SIG_IGN || (h == SIG_DFL && (default_action(sig) == IGNORE ||
						 default_action(sig) == CONTINUE));
}

/* Would sig sent to t be held back or thrown away? Job control asks
   before it stops a background process with SIGTTIN or SIGTTOU. */
bool sig_ignored_or_blocked(struct task_struct *t, int sig)
{
	return (t->blocked & sigmask(sig)) ||
	       t->sigaction[sig - 1].handler == SIG_IGN;
}

/* Tell t's parent that t stopped, continued or exited: SIGCHLD, and a
   wake-up for a wait() in progress. */
void notify_parent(struct task_struct *t)
{
	send_sig(t->parent, SIGCHLD);
	wake_up(&t->parent->wait_child);
}

/* A stopped task runs again. If SIGCONT did it, waitpid(WCONTINUED) may
   report it, once; a task woken by SIGKILL will report its death instead. */
static void continue_task(struct task_struct *t, int sig)
{
	t->state = TASK_RUNNING;
	if (sig == SIGCONT) {
		t->exit_code = CONTINUED_STATUS;
		notify_parent(t);
	}
}

/* May be called from interrupt handlers (the tty's ^C): the pending set
   is only changed with interrupts off. */
int send_sig(struct task_struct *t, int sig)
{
	uint32_t flags = irq_save();

	if (sig == SIGKILL || sig == SIGCONT) {
		if (t->state == TASK_STOPPED)
			continue_task(t, sig);
		t->signal &= ~(sigmask(SIGSTOP) | sigmask(SIGTSTP) |
			       sigmask(SIGTTIN) | sigmask(SIGTTOU));
	}
	if (default_action(sig) == STOP)
		t->signal &= ~sigmask(SIGCONT);
	/* Process 1 gets only the signals it asked for (as in Linux). */
	if (!ignored(t, sig) && !(t->pid == 1 &&
				  t->sigaction[sig - 1].handler == SIG_DFL)) {
		t->signal |= sigmask(sig);
		if (t->state == TASK_INTERRUPTIBLE && signal_pending(t))
			t->state = TASK_RUNNING;
	}
	irq_restore(flags);
	return 0;
}

void force_sig(struct task_struct *t, int sig)
{
	uint32_t flags = irq_save();

	t->sigaction[sig - 1].handler = SIG_DFL;
	t->blocked &= ~sigmask(sig);
	t->signal |= sigmask(sig);
	irq_restore(flags);
}

/* Take the lowest deliverable signal off the pending set (0: none). */
static int dequeue_signal(void)
{
	uint32_t flags = irq_save();
	uint32_t ready = current->signal & ~current->blocked;
	int sig = ready ? __builtin_ctz(ready) + 1 : 0;

	if (sig)
		current->signal &= ~sigmask(sig);
	irq_restore(flags);
	return sig;
}

/* kill()'s delivery to one target it found. A zombie still exists until
   it is reaped, so kill() finds it (as in Linux), but it has nothing left
   to receive the signal with. */
static int kill_task(struct task_struct *t, int sig)
{
	if (sig && t->state != TASK_ZOMBIE)
		send_sig(t, sig);
	return 0;
}

/* Send sig to every process of group pgrp; ESRCH if there is none. */
int kill_pg(pid_t pgrp, int sig)
{
	struct task_struct *t;
	int found = 0;

	for_each_task(t) {
		if (t->pgrp == pgrp) {
			found = 1;
			kill_task(t, sig);
		}
	}
	return found ? 0 : -ESRCH;
}

/* kill(-1, sig): everyone but process 1 and the caller. */
static int kill_all(int sig)
{
	struct task_struct *t;
	int found = 0;

	for_each_task(t) {
		if (t->pid == 1 || t == current)
			continue;
		found = 1;
		kill_task(t, sig);
	}
	return found ? 0 : -ESRCH;
}

/*
 * kill(pid, sig), as the course lists the cases:
 *   pid > 0   that process          pid == 0   my process group
 *   pid == -1 every process I may   pid < -1   process group -pid
 *   sig == 0  send nothing: only check that the target exists
 */
long sys_kill(pid_t pid, int sig)
{
	struct task_struct *t;

	if (sig < 0 || sig >= NSIG)
		return -EINVAL;
	if (pid == 0)
		return kill_pg(current->pgrp, sig);
	if (pid == -1)
		return kill_all(sig);
	if (pid < 0)
		return kill_pg(-pid, sig);
	t = find_task(pid);
	return t ? kill_task(t, sig) : -ESRCH;
}

static void stop_current(int sig)
{
	current->state = TASK_STOPPED;
	current->exit_code = sig;       /* for waitpid(WUNTRACED) */
	notify_parent(current);
	schedule();
}

/* Called with the user's registers just before returning to user mode. */
int do_signal(struct pt_regs *regs)
{
	int sig;

	(void)regs;     /* handlers will rewrite the frame (signals issue) */
	while ((sig = dequeue_signal())) {              /* lowest first */
		if (current->sigaction[sig - 1].handler == SIG_IGN)
			continue;
		switch (default_action(sig)) {
		case TERMINATE:
			return sig;             /* wait status: killed by sig */
		case STOP:
			stop_current(sig);
			break;
		case IGNORE:
		case CONTINUE:
			break;
		}
	}
	return 0;
}
