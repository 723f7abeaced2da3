/*
 * Signal handlers and masks: sigaction installs a handler, which runs on
 * the next return to user mode after the signal is sent; sigprocmask
 * holds signals back, and a held signal is delivered the moment it is
 * unblocked. A standard signal is not queued. While a handler runs, its
 * own signal and its sa_mask are blocked (unless SA_NODEFER); SA_RESETHAND
 * makes it run once. SIGKILL and SIGSTOP cannot be caught or blocked.
 */
#include "check.h"
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

static volatile sig_atomic_t hits, last_sig;
static sigset_t mask_in_handler;

static void count(int sig)
{
	hits++;
	last_sig = sig;
	sigprocmask(SIG_BLOCK, NULL, &mask_in_handler);
}

static int install(int sig, void (*fn)(int), int flags, const sigset_t *mask)
{
	struct sigaction sa = { .sa_flags = flags };

	sa.sa_handler = fn;
	if (mask)
		sa.sa_mask = *mask;
	else
		sigemptyset(&sa.sa_mask);
	return sigaction(sig, &sa, NULL);
}

static sigset_t blocked_now(void)
{
	sigset_t s;

	sigprocmask(SIG_BLOCK, NULL, &s);
	return s;
}

static void handler_runs(void)
{
	int r;

	hits = 0;
	install(SIGUSR1, count, 0, NULL);
	r = kill(getpid(), SIGUSR1);
	expect("kill(getpid(), SIGUSR1) runs the handler before kill returns",
	       r == 0 && hits == 1 && last_sig == SIGUSR1,
	       "kill gave %d, %d calls, last signal %d", r, hits, last_sig);
	hits = 0;
	install(SIGUSR2, count, 0, NULL);
	raise(SIGUSR2);
	expect("raise() runs the handler with the signal number as argument",
	       hits == 1 && last_sig == SIGUSR2, "%d calls, signal %d", hits,
	       last_sig);
}

static void spinner_child(void)
{
	install(SIGUSR1, count, 0, NULL);
	hits = 0;
	kill(getppid(), SIGUSR2);       /* "I am ready" */
	while (!hits)
		;                       /* no system call in the loop */
	_exit(7);
}

/* Nothing but the timer's interrupt brings a spinning process into the
   kernel: delivery must happen on that return to user mode too. */
static void spinning_process(void)
{
	sigset_t usr2, old;
	pid_t pid;
	int status = 0;

	install(SIGUSR2, count, 0, NULL);
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr2, &old);
	pid = fork();
	if (pid == 0)
		spinner_child();
	hits = 0;
	while (!hits)
		sigsuspend(&old);       /* wait for "ready" */
	sigprocmask(SIG_SETMASK, &old, NULL);
	sleep_ms(50);
	kill(pid, SIGUSR1);
	waitpid(pid, &status, 0);
	expect("a handler interrupts a process spinning in user mode "
	       "(delivered on the timer interrupt's return)",
	       WIFEXITED(status) && WEXITSTATUS(status) == 7, "%s",
	       describe(status));
}

/* The unblock is the moment: the handler has run when sigprocmask
   returns, before the next line. */
static void blocked_then_unblocked(void)
{
	sigset_t usr1, pending;
	int before, after;

	install(SIGUSR1, count, 0, NULL);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	hits = 0;
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	kill(getpid(), SIGUSR1);
	kill(getpid(), SIGUSR1);
	before = hits;
	sigpending(&pending);
	expect("a blocked signal waits: no handler call, sigpending shows it",
	       before == 0 && sigismember(&pending, SIGUSR1) == 1,
	       "%d calls, pending %d", before, sigismember(&pending, SIGUSR1));
	sigprocmask(SIG_UNBLOCK, &usr1, NULL);
	after = hits;
	expect("unblocking delivers it before sigprocmask returns",
	       after >= 1, "no call yet after sigprocmask");
	expect("two kills while blocked give one delivery (not queued)",
	       after == 1, "%d calls", after);
	sigpending(&pending);
	expect("then nothing is pending", sigismember(&pending, SIGUSR1) == 0,
	       "SIGUSR1 still pending");
}

static void handler_mask(void)
{
	sigset_t extra, now;

	sigemptyset(&extra);
	sigaddset(&extra, SIGTERM);
	install(SIGUSR1, count, 0, &extra);
	memset(&mask_in_handler, 0, sizeof(mask_in_handler));
	raise(SIGUSR1);
	expect("during the handler its own signal is blocked",
	       sigismember(&mask_in_handler, SIGUSR1) == 1, "it was not");
	expect("during the handler sa_mask (SIGTERM) is blocked",
	       sigismember(&mask_in_handler, SIGTERM) == 1, "it was not");
	now = blocked_now();
	expect("after the handler the mask is as before",
	       sigismember(&now, SIGUSR1) == 0 && sigismember(&now, SIGTERM) == 0,
	       "SIGUSR1 %d SIGTERM %d still blocked", sigismember(&now, SIGUSR1),
	       sigismember(&now, SIGTERM));
	install(SIGUSR1, count, SA_NODEFER, NULL);
	raise(SIGUSR1);
	expect("with SA_NODEFER its own signal is not blocked in the handler",
	       sigismember(&mask_in_handler, SIGUSR1) == 0, "it was");
}

static volatile int depth, max_depth, calls;

static void nested(int sig)
{
	calls++;
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	if (calls < 3)
		raise(sig);     /* again, from inside its own handler */
	depth--;
}

static void nesting(void)
{
	max_depth = calls = 0;
	install(SIGUSR1, nested, 0, NULL);
	raise(SIGUSR1);
	expect("without SA_NODEFER a signal raised in its handler waits for "
	       "it to return", max_depth == 1 && calls == 3,
	       "nested %d deep, %d calls", max_depth, calls);
	max_depth = calls = 0;
	install(SIGUSR1, nested, SA_NODEFER, NULL);
	raise(SIGUSR1);
	expect("with SA_NODEFER the handler nests (3 frames deep)",
	       max_depth == 3 && calls == 3, "nested %d deep, %d calls",
	       max_depth, calls);
}

static void resethand_child(void)
{
	install(SIGUSR1, count, SA_RESETHAND, NULL);
	hits = 0;
	raise(SIGUSR1);
	if (hits != 1)
		_exit(1);
	raise(SIGUSR1);         /* SIG_DFL now: ends us */
	_exit(2);
}

static void resethand(void)
{
	int status = run_child(resethand_child);

	expect("SA_RESETHAND: the handler runs once, then the default ends it",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1, "%s "
	       "(1: handler did not run)", describe(status));
}

static void unstoppable(void)
{
	struct sigaction sa = { .sa_handler = count }, old;
	sigset_t all, now;
	int r, err;

	sigemptyset(&sa.sa_mask);
	r = sigaction(SIGKILL, &sa, NULL);
	err = errno;
	expect("sigaction(SIGKILL, handler) fails with EINVAL",
	       r == -1 && err == EINVAL, "returned %d, errno %d", r, err);
	sa.sa_handler = SIG_IGN;
	r = sigaction(SIGSTOP, &sa, NULL);
	err = errno;
	expect("sigaction(SIGSTOP, SIG_IGN) fails with EINVAL",
	       r == -1 && err == EINVAL, "returned %d, errno %d", r, err);
	r = sigaction(SIGKILL, NULL, &old);
	expect("sigaction(SIGKILL, NULL, &old) may read it: SIG_DFL",
	       r == 0 && old.sa_handler == SIG_DFL, "returned %d", r);
	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	now = blocked_now();
	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);
	expect("blocking everything leaves SIGKILL and SIGSTOP out",
	       sigismember(&now, SIGKILL) == 0 && sigismember(&now, SIGSTOP) == 0
	       && sigismember(&now, SIGINT) == 1, "KILL %d STOP %d INT %d",
	       sigismember(&now, SIGKILL), sigismember(&now, SIGSTOP),
	       sigismember(&now, SIGINT));
}

static void bad_arguments(void)
{
	struct sigaction sa = { .sa_handler = count };
	sigset_t set;
	int r, err;

	r = sigaction(0, &sa, NULL);
	err = errno;
	expect("sigaction(0) fails with EINVAL", r == -1 && err == EINVAL,
	       "returned %d, errno %d", r, err);
	r = sigaction(65, &sa, NULL);
	err = errno;
	expect("sigaction(65) fails with EINVAL", r == -1 && err == EINVAL,
	       "returned %d, errno %d", r, err);
	r = syscall(174, SIGUSR1, (void *)1, NULL, 8);  /* rt_sigaction */
	err = errno;
	expect("sigaction with a bad act pointer fails with EFAULT",
	       r == -1 && err == EFAULT, "returned %d, errno %d", r, err);
	r = syscall(174, SIGUSR1, NULL, (void *)0xc0000000, 8);
	err = errno;
	expect("sigaction with a kernel oact pointer fails with EFAULT",
	       r == -1 && err == EFAULT, "returned %d, errno %d", r, err);
	if (!libc_converts("sigprocmask with a bad set pointer fails with "
			   "EFAULT")) {
		r = sigprocmask(SIG_BLOCK, (void *)1, NULL);
		err = errno;
		expect("sigprocmask with a bad set pointer fails with EFAULT",
		       r == -1 && err == EFAULT, "returned %d, errno %d", r,
		       err);
	}
	sigemptyset(&set);
	r = sigprocmask(99, &set, NULL);
	err = errno;
	expect("sigprocmask with a bad how fails with EINVAL",
	       r == -1 && err == EINVAL, "returned %d, errno %d", r, err);
	r = syscall(175, SIG_BLOCK, &set, NULL, 4);     /* rt_sigprocmask */
	err = errno;
	expect("rt_sigprocmask with sigsetsize 4 fails with EINVAL",
	       r == -1 && err == EINVAL, "returned %d, errno %d", r, err);
	r = syscall(174, SIGUSR1, NULL, NULL, 16);      /* rt_sigaction */
	err = errno;
	expect("rt_sigaction with sigsetsize 16 fails with EINVAL",
	       r == -1 && err == EINVAL, "returned %d, errno %d", r, err);
	r = sigpending((void *)1);
	err = errno;
	expect("sigpending with a bad pointer fails with EFAULT",
	       r == -1 && err == EFAULT, "returned %d, errno %d", r, err);
	r = sigaddset(&set, 0);
	err = errno;
	expect("sigaddset(0) fails with EINVAL", r == -1 && err == EINVAL,
	       "returned %d, errno %d", r, err);
	r = kill(getpid(), 65);
	err = errno;
	expect("kill with signal 65 fails with EINVAL", r == -1 && err == EINVAL,
	       "returned %d, errno %d", r, err);
}

/* The old calls (sigaction 67, sigprocmask 126, sigpending 73) use
   32-bit sets; they see the same actions and mask as the new ones. */
struct old_sa {
	void (*handler)(int);
	unsigned long mask, flags;
	void (*restorer)(void);
};

static void old_calls(void)
{
	struct old_sa old;
	unsigned long set = 1ul << (SIGUSR2 - 1), was = 0, pend = 0;
	sigset_t now;
	int r;

	install(SIGUSR1, count, SA_RESTART, NULL);
	r = syscall(67, SIGUSR1, NULL, &old);
	expect("old sigaction(67) reads what sigaction set",
	       r == 0 && old.handler == count && (old.flags & SA_RESTART),
	       "returned %d, handler %p flags %lx", r, (void *)old.handler,
	       old.flags);
	r = syscall(126, SIG_BLOCK, &set, &was);
	now = blocked_now();
	expect("old sigprocmask(126) blocks what the new one then reports",
	       r == 0 && sigismember(&now, SIGUSR2) == 1, "returned %d", r);
	raise(SIGUSR2);
	syscall(73, &pend);
	expect("old sigpending(73) shows the blocked SIGUSR2",
	       pend == set, "pending %lx", pend);
	signal(SIGUSR2, SIG_IGN);       /* throws the pending one away */
	syscall(126, SIG_SETMASK, &was, NULL);
	syscall(73, &pend);
	expect("setting SIG_IGN throws away a pending signal, blocked or not",
	       pend == 0, "pending %lx", pend);
}

static void signal_call(void)
{
	sighandler_t old;

	signal(SIGUSR1, SIG_DFL);
	old = signal(SIGUSR1, count);
	expect("signal() returns the previous handler (SIG_DFL)",
	       old == SIG_DFL, "got %p", (void *)old);
	old = signal(SIGUSR1, SIG_IGN);
	expect("signal() returns the previous handler (ours)",
	       old == count, "got %p", (void *)old);
	hits = 0;
	raise(SIGUSR1);
	expect("an ignored signal does nothing", hits == 0, "%d calls", hits);
	old = signal(SIGKILL, SIG_IGN);
	expect("signal(SIGKILL) gives SIG_ERR", old == SIG_ERR, "got %p",
	       (void *)old);
}

/* The kernel's own signal(48), System V style: the handler runs once and
   without the signal blocked, then the action is SIG_DFL again. */
static void old_signal_child(void)
{
	long prev;

	signal(SIGUSR1, SIG_DFL);       /* the parent's tests left SIG_IGN */
	prev = syscall(48, SIGUSR1, count);

	if (prev != (long)SIG_DFL)
		_exit(3);
	hits = 0;
	raise(SIGUSR1);
	if (hits != 1)
		_exit(1);
	if (sigismember(&mask_in_handler, SIGUSR1))
		_exit(4);       /* SA_NODEFER: not blocked in the handler */
	raise(SIGUSR1);         /* SIG_DFL again: ends us */
	_exit(2);
}

static void old_signal_call(void)
{
	int status = run_child(old_signal_child);

	expect("signal(48) runs the handler once, unblocked, then SIG_DFL",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGUSR1,
	       "%s (1: no handler, 3: bad old handler, 4: blocked)",
	       describe(status));
	long r = syscall(48, SIGKILL, SIG_IGN);
	int err = errno;

	expect("signal(48) refuses SIGKILL", r == -1 && err == EINVAL,
	       "returned %ld, errno %d", r, err);
}

static void tkill_calls(void)
{
	int r, err;

	install(SIGUSR1, count, 0, NULL);
	hits = 0;
	r = tgkill(getpid(), getpid(), SIGUSR1);
	expect("tgkill(me, me, SIGUSR1) runs the handler", r == 0 && hits == 1,
	       "returned %d, %d calls", r, hits);
	r = syscall(238, getpid(), SIGUSR1);            /* tkill */
	expect("tkill(me, SIGUSR1) runs the handler", r == 0 && hits == 2,
	       "returned %d, %d calls", r, hits);
	r = tgkill(getpid() + 1000, getpid(), SIGUSR1);
	err = errno;
	expect("tgkill with the wrong process fails with ESRCH",
	       r == -1 && err == ESRCH, "returned %d, errno %d", r, err);
	r = tgkill(0, getpid(), SIGUSR1);
	err = errno;
	expect("tgkill(0, ...) fails with EINVAL", r == -1 && err == EINVAL,
	       "returned %d, errno %d", r, err);
	r = tgkill(getpid(), getpid(), 0);
	expect("tgkill with signal 0 only checks", r == 0 && hits == 2,
	       "returned %d, %d calls", r, hits);
}

/* kill(0, ...) reaches the sender's process group, kill(-pgrp, ...)
   group pgrp, kill(-1, ...) everyone but the sender and process 1. The
   children here report by their exit status: 11 for one SIGUSR1. */
static void group_child(void)
{
	sigset_t usr1, old;

	install(SIGUSR1, count, 0, NULL);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, &old);
	hits = 0;
	kill(getppid(), SIGUSR2);       /* ready */
	while (!hits)
		sigsuspend(&old);
	_exit(10 + hits);
}

/* n children, in our group, or (own_group) in a new group led by the
   first, as a shell makes a job: child and parent both call setpgid, so
   it is done whichever runs first. */
static void start_group_children(pid_t *pids, int n, int own_group)
{
	sigset_t usr2, old;

	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	install(SIGUSR2, count, 0, NULL);
	sigprocmask(SIG_BLOCK, &usr2, &old);
	for (int i = 0; i < n; i++) {
		hits = 0;
		pids[i] = fork();
		if (pids[i] == 0) {
			if (own_group)
				setpgid(0, i ? pids[0] : 0);
			group_child();
		}
		if (own_group)
			setpgid(pids[i], pids[0]);
		while (!hits)
			sigsuspend(&old);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static int children_got_one(pid_t *pids, int n)
{
	int good = 0, status;

	for (int i = 0; i < n; i++)
		if (waitpid(pids[i], &status, 0) == pids[i] &&
		    WIFEXITED(status) && WEXITSTATUS(status) == 11)
			good++;
	return good;
}

static void group_kills(void)
{
	pid_t pids[3];
	int good;

	install(SIGUSR1, count, 0, NULL);
	start_group_children(pids, 3, 1);
	hits = 0;
	kill(-pids[0], SIGUSR1);
	good = children_got_one(pids, 3);
	expect("kill(-pgrp, SIGUSR1) reaches each process of that group, "
	       "and not the sender", good == 3 && hits == 0,
	       "%d of 3, the sender got %d", good, hits);
	if (!is_init()) {
		skip("kill(0, SIGUSR1) reaches each child in my group",
		     "would signal the shell's job too");
		skip("kill(-1, SIGUSR1) reaches everyone but me",
		     "would signal every process of the machine");
		return;
	}
	signal(SIGUSR1, SIG_IGN);       /* the sender is in the group too */
	start_group_children(pids, 3, 0);
	kill(0, SIGUSR1);
	good = children_got_one(pids, 3);
	expect("kill(0, SIGUSR1) reaches each child in my group",
	       good == 3, "%d of 3", good);
	start_group_children(pids, 3, 0);
	kill(-1, SIGUSR1);
	good = children_got_one(pids, 3);
	expect("kill(-1, SIGUSR1) reaches everyone but me",
	       good == 3, "%d of 3", good);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	handler_runs();
	spinning_process();
	blocked_then_unblocked();
	handler_mask();
	nesting();
	resethand();
	unstoppable();
	bad_arguments();
	old_calls();
	signal_call();
	old_signal_call();
	tkill_calls();
	group_kills();
	return check_done();
}
