/*
 * Sending a signal: kill(), tkill(), the tty's ^C, an alarm, a child's
 * exit (SIGCHLD), a CPU exception.
 *
 * Sending only marks the signal pending in the target (a bit in
 * t->signal, and what it carries for an SA_SIGINFO handler in
 * t->siginfo[]) and wakes the target if it sleeps interruptibly. What the
 * signal does is decided later, on the target's way back to user mode
 * (deliver.c). A standard signal is not queued: sent twice before it is
 * delivered, it is delivered once.
 *
 * Only job control acts at once: SIGKILL and SIGCONT continue a stopped
 * target, and a stop signal and SIGCONT cancel each other's pending
 * instance, so that the last one sent wins.
 */
#include "signal/action.h"
#include "sched/sched.h"
#include "arch/arch.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/siginfo.h>
#include <sprout/wait.h>

/* Is sig thrown away as it is sent? An ignored signal is, unless it is
   blocked: the action may change before it is unblocked (POSIX lets us
   choose; Linux keeps it). Process 1 throws away every signal it has no
   handler for, blocked or not, so that a stray kill(-1) or ^C cannot end
   the system (Linux protects its init the same way). */
static bool discarded(struct task_struct *t, int sig)
{
	if (t->pid == 1 && t->sigaction[sig - 1].handler == SIG_DFL)
		return true;
	return !(t->blocked & sigmask(sig)) && sig_ignored(t, sig);
}

/* Mark sig pending in t; wake t if it sleeps and does not block sig.
   Interrupts are off. */
static void make_pending(struct task_struct *t, int sig,
			 const struct siginfo_k *info)
{
	if (!(t->signal & sigmask(sig)))        /* not queued: first one wins */
		t->siginfo[sig - 1] = *info;
	t->signal |= sigmask(sig);
	if (t->state == TASK_INTERRUPTIBLE && !(t->blocked & sigmask(sig)))
		wake_up_state(t, TASK_INTERRUPTIBLE);
}

/* A stopped task runs again. If SIGCONT did it, waitpid(WCONTINUED) may
   report it, once; a task woken by SIGKILL will report its death instead. */
static void continue_task(struct task_struct *t, int sig)
{
	wake_up_state(t, TASK_STOPPED);
	if (sig == SIGCONT) {
		t->exit_code = CONTINUED_STATUS;
		notify_parent(t);
	}
}

/* May be called from interrupt handlers: the pending set is only
   changed with interrupts off. */
int send_sig_info(struct task_struct *t, int sig, const struct siginfo_k *info)
{
	uint32_t flags = irq_save();

	if (sig == SIGKILL || sig == SIGCONT) {
		if (t->state == TASK_STOPPED)
			continue_task(t, sig);
		t->signal &= ~STOP_SIGNALS;
	}
	if (default_action(sig) == ACT_STOP)
		t->signal &= ~sigmask(SIGCONT);
	if (!discarded(t, sig))
		make_pending(t, sig, info);
	irq_restore(flags);
	return 0;
}

int send_sig(struct task_struct *t, int sig)
{
	struct siginfo_k info = { .code = SI_KERNEL };

	return send_sig_info(t, sig, &info);
}

/* A signal t cannot refuse (Linux's force_sig_info): if t blocks or
   ignores it, it is unblocked and set back to SIG_DFL, whose action for
   the signals forced (a fault's, SIGKILL) ends the process. A fault
   while its own handler runs (sig blocked) therefore ends the process
   instead of looping. */
static void force_sig_info(struct task_struct *t, int sig,
			   const struct siginfo_k *info)
{
	uint32_t flags = irq_save();
	struct sigaction_k *ka = &t->sigaction[sig - 1];

	if (ka->handler == SIG_IGN || (t->blocked & sigmask(sig))) {
		ka->handler = SIG_DFL;
		t->blocked &= ~sigmask(sig);
	}
	make_pending(t, sig, info);
	irq_restore(flags);
}

void force_sig(struct task_struct *t, int sig)
{
	struct siginfo_k info = { .code = SI_KERNEL };

	force_sig_info(t, sig, &info);
}

/* The signal for a CPU exception in user mode (entry/trap.c): code says
   why (SEGV_MAPERR ...), addr is si_addr. */
void force_sig_fault(int sig, int code, uint32_t addr)
{
	struct siginfo_k info = { .code = code, .value = addr };

	force_sig_info(current, sig, &info);
}

/* What t's exit status or stop tells its parent in SIGCHLD's siginfo. */
static struct siginfo_k child_info(const struct task_struct *t)
{
	struct siginfo_k info = { .pid = t->pid };
	int status = t->exit_code;

	if (t->state == TASK_STOPPED) {
		info.code = CLD_STOPPED;
		info.value = status;            /* the stop signal */
	} else if (t->state != TASK_ZOMBIE) {
		info.code = CLD_CONTINUED;
		info.value = SIGCONT;
	} else if (WIFEXITED(status)) {
		info.code = CLD_EXITED;
		info.value = WEXITSTATUS(status);
	} else {
		info.code = WCOREDUMP(status) ? CLD_DUMPED : CLD_KILLED;
		info.value = WTERMSIG(status);
	}
	return info;
}

bool notify_parent(struct task_struct *t)
{
	struct task_struct *parent = t->parent;
	const struct sigaction_k *ka = &parent->sigaction[SIGCHLD - 1];
	struct siginfo_k info = child_info(t);

	if (t->state == TASK_ZOMBIE || !(ka->flags & SA_NOCLDSTOP))
		send_sig_info(parent, SIGCHLD, &info);
	wake_up(&parent->wait_child);
	return t->state == TASK_ZOMBIE &&
	       (ka->handler == SIG_IGN || (ka->flags & SA_NOCLDWAIT));
}

bool sig_ignored_or_blocked(struct task_struct *t, int sig)
{
	return (t->blocked & sigmask(sig)) || sig_ignored(t, sig);
}

/* kill()'s delivery to one target it found. A zombie still exists until
   it is reaped, so kill() finds it (as in Linux), but it has nothing left
   to receive the signal with. Everyone is root in Sprout, so the
   permission check of kill(2) always passes. */
static int kill_task(struct task_struct *t, int sig,
		     const struct siginfo_k *info)
{
	if (sig && t->state != TASK_ZOMBIE)
		send_sig_info(t, sig, info);
	return 0;
}

/* Send sig to every process of group pgrp; ESRCH if there is none. */
static int kill_pg_info(pid_t pgrp, int sig, const struct siginfo_k *info)
{
	struct task_struct *t;
	int found = 0;

	for_each_task(t) {
		if (t->pgrp == pgrp) {
			found = 1;
			kill_task(t, sig, info);
		}
	}
	return found ? 0 : -ESRCH;
}

int kill_pg(pid_t pgrp, int sig)
{
	struct siginfo_k info = { .code = SI_KERNEL };

	return kill_pg_info(pgrp, sig, &info);
}

/* kill(-1, sig): everyone but process 1 and the caller. */
static int kill_all(int sig, const struct siginfo_k *info)
{
	struct task_struct *t;
	int found = 0;

	for_each_task(t) {
		if (t->pid == 1 || t == current)
			continue;
		found = 1;
		kill_task(t, sig, info);
	}
	return found ? 0 : -ESRCH;
}

/* What a program's kill() or tkill() tells the handler: who sent it. */
static struct siginfo_k sender_info(int code)
{
	return (struct siginfo_k){ .code = code, .pid = current->pid };
}

/*
 * kill(pid, sig), as the course lists the cases:
 *   pid > 0   that process          pid == 0   my process group
 *   pid == -1 every process I may   pid < -1   process group -pid
 *   sig == 0  send nothing: only check that the target exists
 */
long sys_kill(pid_t pid, int sig)
{
	struct siginfo_k info = sender_info(SI_USER);
	struct task_struct *t;

	if (sig != 0 && !valid_signal(sig))
		return -EINVAL;
	if (pid == 0)
		return kill_pg_info(current->pgrp, sig, &info);
	if (pid == -1)
		return kill_all(sig, &info);
	if (pid < 0)
		return kill_pg_info(-pid, sig, &info);
	t = find_task(pid);
	return t ? kill_task(t, sig, &info) : -ESRCH;
}

/* tgkill(tgid, tid, sig): one thread, tid, of process tgid. A Sprout
   process is one thread whose tid is its pid; raise() uses this call,
   so its signal says SI_TKILL. */
long sys_tgkill(pid_t tgid, pid_t tid, int sig)
{
	struct siginfo_k info = sender_info(SI_TKILL);
	struct task_struct *t;

	if (tgid <= 0 || tid <= 0 || (sig != 0 && !valid_signal(sig)))
		return -EINVAL;
	t = find_task(tid);
	if (!t || t->pid != tgid)
		return -ESRCH;
	return kill_task(t, sig, &info);
}

/* tkill(tid, sig): the old tgkill without the process check. */
long sys_tkill(pid_t tid, int sig)
{
	return sys_tgkill(tid, tid, sig);
}
