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
#include "proc/sched.h"
#include "proc/process.h"
#include "arch/io.h"
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

static bool ignored(struct task_struct *t, int sig)
{
	void (*h)(int) = t->sigaction[sig - 1].handler;

	return h == SIG_IGN || (h == SIG_DFL && default_action(sig) == IGNORE);
}

bool signal_pending(struct task_struct *t)
{
	return (t->signal & ~t->blocked) != 0;
}

/* May be called from interrupt handlers (the tty's ^C): the pending set
   is only changed with interrupts off. */
int send_sig(struct task_struct *t, int sig)
{
	uint32_t flags = irq_save();

	if (sig == SIGKILL || sig == SIGCONT) {
		if (t->state == TASK_STOPPED)
			t->state = TASK_RUNNING;
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

/* Send sig to every process of group pgrp; ESRCH if there is none. */
int kill_pg(pid_t pgrp, int sig)
{
	int found = 0;

	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i].task;
		if (t->state != TASK_UNUSED && t->state != TASK_ZOMBIE &&
		    t->pgrp == pgrp) {
			found = 1;
			if (sig)
				send_sig(t, sig);
		}
	}
	return found ? 0 : -ESRCH;
}

/* kill(-1, sig): everyone but process 1 and the caller. */
static int kill_all(int sig)
{
	int found = 0;

	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i].task;
		if (t->state == TASK_UNUSED || t->state == TASK_ZOMBIE ||
		    t->pid == 1 || t == current)
			continue;
		found = 1;
		if (sig)
			send_sig(t, sig);
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
	if (!t || t->state == TASK_ZOMBIE)
		return -ESRCH;
	return sig ? send_sig(t, sig) : 0;
}

static void stop_current(int sig)
{
	current->state = TASK_STOPPED;
	current->exit_code = sig;       /* for waitpid(WUNTRACED) */
	send_sig(current->parent, SIGCHLD);
	wake_up(&current->parent->wait_child);
	schedule();
}

/* Called with the user's registers just before returning to user mode. */
void do_signal(struct pt_regs *regs)
{
	int sig;

	(void)regs;     /* handlers will rewrite the frame (signals issue) */
	while ((sig = dequeue_signal())) {              /* lowest first */
		if (current->sigaction[sig - 1].handler == SIG_IGN)
			continue;
		switch (default_action(sig)) {
		case TERMINATE:
			do_exit(sig);           /* wait status: killed by sig */
		case STOP:
			stop_current(sig);
			break;
		case IGNORE:
		case CONTINUE:
			break;
		}
	}
}
