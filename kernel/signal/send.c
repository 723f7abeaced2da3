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
 *
 * A signal is sent to a process (kill, the terminal, the kernel's own)
 * or to one thread (tkill, tgkill, a CPU exception). A process's signal
 * is made pending in one of its threads that does not block it, the one
 * named if it can (docs/threads.md); job control acts on all its
 * threads.
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
	if (t->tgid == 1 && t->sighand->action[sig - 1].handler == SIG_DFL)
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
	if (sig == SIGKILL && t->vfork_waiting)   /* a killable sleep */
		wake_up_state(t, TASK_UNINTERRUPTIBLE);
}

/* The process's stopped threads run again. If SIGCONT did it,
   waitpid(WCONTINUED) may report it, once; a process woken by SIGKILL
   will report its death instead. */
static void continue_group(struct task_struct *leader, int sig)
{
	struct task_struct *t;
	bool stopped = false;

	for_each_thread(leader, t) {
		stopped |= t->state == TASK_STOPPED;
		t->group_stop = 0;
		wake_up_state(t, TASK_STOPPED);
	}
	if (stopped && sig == SIGCONT && leader->state != TASK_ZOMBIE) {
		leader->exit_code = CONTINUED_STATUS;
		notify_parent(leader);
	}
}

/* What a signal does to t's whole process as it is sent: SIGKILL and
   SIGCONT continue it and cancel the stops pending; a stop cancels a
   pending SIGCONT. */
static void prepare_signal(struct task_struct *t, int sig)
{
	struct task_struct *u;

	if (sig == SIGKILL || sig == SIGCONT)
		continue_group(t->group_leader, sig);
	for_each_thread(t, u) {
		if (sig == SIGKILL || sig == SIGCONT)
			u->signal &= ~STOP_SIGNALS;
		if (default_action(sig) == ACT_STOP)
			u->signal &= ~sigmask(SIGCONT);
	}
}

/* Could t take sig now? */
static bool wants_signal(const struct task_struct *t, int sig)
{
	return t->state != TASK_ZOMBIE && !(t->blocked & sigmask(sig));
}

/* The thread of t's process to give a process's signal to: t if it
   does not block it, else another that does not, else (all block it)
   t or any live thread, where it waits until unblocked. */
static struct task_struct *pick_thread(struct task_struct *t, int sig)
{
	struct task_struct *u, *live = t->state != TASK_ZOMBIE ? t : NULL;

	if (wants_signal(t, sig))
		return t;
	for_each_thread(t, u) {
		if (wants_signal(u, sig))
			return u;
		if (!live && u->state != TASK_ZOMBIE)
			live = u;
	}
	return live ? live : t;
}

/* May be called from interrupt handlers: the pending set is only
   changed with interrupts off. group: to t's process (else to t). */
static int do_send_sig(struct task_struct *t, int sig,
		       const struct siginfo_k *info, bool group)
{
	uint32_t flags = irq_save();

	prepare_signal(t, sig);
	if (group)
		t = pick_thread(t, sig);
	if (!discarded(t, sig))
		make_pending(t, sig, info);
	irq_restore(flags);
	return 0;
}

int send_sig_info(struct task_struct *t, int sig, const struct siginfo_k *info)
{
	return do_send_sig(t, sig, info, true);
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
	struct sigaction_k *ka = &t->sighand->action[sig - 1];

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

/* The other threads of current's process: SIGKILL, which no thread can
   refuse (not even process 1's), and out of any stop or sleep. */
void kill_other_threads(void)
{
	struct siginfo_k info = { .code = SI_KERNEL };
	struct task_struct *t;
	uint32_t flags = irq_save();

	for_each_thread(current, t) {
		if (t == current || t->state == TASK_ZOMBIE)
			continue;
		make_pending(t, SIGKILL, &info);
		t->group_stop = 0;
		wake_up_state(t, TASK_STOPPED);
	}
	irq_restore(flags);
}

void zap_other_threads(int status)
{
	struct task_struct *leader = current->group_leader;

	if (leader->group_exit || leader->group_exec_task)
		return;                 /* the group is ending already */
	leader->group_exit = true;
	leader->group_exit_code = status;
	kill_other_threads();
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

/* t is a process's leader: its parent is told with SIGCHLD of a stop or
   continue, with t's exit signal (clone's choice, 0: none) of its end.
   Only SIGCHLD can make the child free itself. */
bool notify_parent(struct task_struct *t)
{
	struct task_struct *parent = t->parent;
	const struct sigaction_k *ka = &parent->sighand->action[SIGCHLD - 1];
	struct siginfo_k info = child_info(t);
	bool dead = t->state == TASK_ZOMBIE;
	int sig = dead ? t->exit_signal : SIGCHLD;

	if (sig && (dead || !(ka->flags & SA_NOCLDSTOP)))
		send_sig_info(parent, sig, &info);
	wake_up(&parent->wait_child);
	return dead && sig == SIGCHLD &&
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
	if (sig && thread_count(t))
		send_sig_info(t, sig, info);
	return 0;
}

/* Send sig to every process of group pgrp; ESRCH if there is none. */
static int kill_pg_info(pid_t pgrp, int sig, const struct siginfo_k *info)
{
	struct task_struct *t;
	int found = 0;

	for_each_task(t) {
		if (t->pgrp == pgrp && thread_group_leader(t)) {
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

/* kill(-1, sig): every process but process 1 and the caller's. */
static int kill_all(int sig, const struct siginfo_k *info)
{
	struct task_struct *t;
	int found = 0;

	for_each_task(t) {
		if (t->tgid == 1 || t->tgid == current->tgid ||
		    !thread_group_leader(t))
			continue;
		found = 1;
		kill_task(t, sig, info);
	}
	return found ? 0 : -ESRCH;
}

/* What a program's kill() or tkill() tells the handler: who sent it. */
static struct siginfo_k sender_info(int code)
{
	return (struct siginfo_k){ .code = code, .pid = current->tgid };
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

/* One thread, tid, of process tgid (any process: -1). raise() and
   pthread_kill use this, so the signal says SI_TKILL. A zombie thread
   (a leader whose process lives on) is found but takes nothing. */
static long do_tkill(pid_t tgid, pid_t tid, int sig)
{
	struct siginfo_k info = sender_info(SI_TKILL);
	struct task_struct *t;

	if (tid <= 0 || (sig != 0 && !valid_signal(sig)))
		return -EINVAL;
	t = find_task(tid);
	if (!t || (tgid != -1 && t->tgid != tgid))
		return -ESRCH;
	if (sig && t->state != TASK_ZOMBIE)
		do_send_sig(t, sig, &info, false);
	return 0;
}

/* tgkill(tgid, tid, sig): thread tid, if it is of process tgid. */
long sys_tgkill(pid_t tgid, pid_t tid, int sig)
{
	return tgid <= 0 ? -EINVAL : do_tkill(tgid, tid, sig);
}

/* tkill(tid, sig): the old tgkill without the process check. */
long sys_tkill(pid_t tid, int sig)
{
	return do_tkill(-1, tid, sig);
}
