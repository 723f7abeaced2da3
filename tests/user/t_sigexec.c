/*
 * Signals across fork and exec. A forked child keeps its parent's
 * handlers, ignored signals and mask, but not its pending signals or its
 * alarm. exec keeps the mask, the pending signals, the alarm and what
 * is ignored, but caught signals go back to SIG_DFL (the handlers were
 * in the old program) and the alternate stack goes.
 *
 * The course's demonstration: a parent ignores SIGINT and forks; the
 * child execs another program; kill(child, SIGINT) does not end it.
 * That is how `nohup` and background jobs in a shell without job
 * control survive ^C.
 */
#include "check.h"
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <stdlib.h>
#include <sys/time.h>
#include <sys/wait.h>

#define SELF "/bin/tests/t_sigexec"

static volatile int hits;

static void count(int sig)
{
	(void)sig;
	hits++;
}

static void (*handler_of(int sig))(int)
{
	struct sigaction sa;

	sigaction(sig, NULL, &sa);
	return sa.sa_handler;
}

static int is_blocked(int sig)
{
	sigset_t s;

	sigprocmask(SIG_BLOCK, NULL, &s);
	return sigismember(&s, sig);
}

static int is_pending(int sig)
{
	sigset_t s;

	sigpending(&s);
	return sigismember(&s, sig);
}

/* What the exec'd program finds, one bit each (the exit status). */
#define R_CAUGHT_IS_DFL   0x01
#define R_IGNORED_KEPT    0x02
#define R_MASK_KEPT       0x04
#define R_PENDING_KEPT    0x08
#define R_NO_ALTSTACK     0x10
#define R_ALARM_KEPT      0x20
#define R_ALL             0x3f

static void report(void)
{
	struct itimerval it;
	stack_t ss;
	int r = 0;

	if (handler_of(SIGUSR1) == SIG_DFL)
		r |= R_CAUGHT_IS_DFL;
	if (handler_of(SIGINT) == SIG_IGN)
		r |= R_IGNORED_KEPT;
	if (is_blocked(SIGUSR2))
		r |= R_MASK_KEPT;
	if (is_pending(SIGUSR2))
		r |= R_PENDING_KEPT;
	if (sigaltstack(NULL, &ss) == 0 && ss.ss_flags == SS_DISABLE)
		r |= R_NO_ALTSTACK;
	if (getitimer(ITIMER_REAL, &it) == 0 && it.it_value.tv_sec > 0)
		r |= R_ALARM_KEPT;
	alarm(0);
	_exit(r);
}

static void exec_self(const char *mode)
{
	char *argv[] = { (char *)SELF, (char *)mode, NULL };

	execv(disk_path(SELF), argv);
	_exit(127);
}

static char altstack[8192];

static void exec_reporter(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	sigset_t usr2;

	install_handler(SIGUSR1, count, 0);
	signal(SIGINT, SIG_IGN);
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr2, NULL);
	install_handler(SIGUSR2, count, 0);
	raise(SIGUSR2);                 /* pending, as it is blocked */
	sigaltstack(&ss, NULL);
	alarm(100);
	exec_self("--report");
}

static void across_exec(void)
{
	int status = run_child(exec_reporter), r;

	r = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	expect("exec: a caught signal goes back to SIG_DFL",
	       r >= 0 && (r & R_CAUGHT_IS_DFL), "%s", describe(status));
	expect("exec: an ignored signal stays ignored",
	       r >= 0 && (r & R_IGNORED_KEPT), "%s", describe(status));
	expect("exec: the blocked mask is kept", r >= 0 && (r & R_MASK_KEPT),
	       "%s", describe(status));
	expect("exec: a pending signal is kept", r >= 0 && (r & R_PENDING_KEPT),
	       "%s", describe(status));
	expect("exec: the alternate stack is gone",
	       r >= 0 && (r & R_NO_ALTSTACK), "%s", describe(status));
	expect("exec: the alarm is kept", r >= 0 && (r & R_ALARM_KEPT), "%s",
	       describe(status));
}

static void fork_child(void)
{
	int r = 0;

	hits = 0;
	raise(SIGUSR1);
	if (hits == 1)
		r |= R_CAUGHT_IS_DFL;   /* here: the handler came along */
	if (handler_of(SIGINT) == SIG_IGN)
		r |= R_IGNORED_KEPT;
	if (is_blocked(SIGUSR2))
		r |= R_MASK_KEPT;
	if (!is_pending(SIGUSR2))
		r |= R_PENDING_KEPT;    /* here: NOT inherited */
	if (alarm(0) == 0)
		r |= R_ALARM_KEPT;      /* here: NOT inherited */
	_exit(r);
}

static void across_fork(void)
{
	sigset_t usr2, old;
	int status, r;

	install_handler(SIGUSR1, count, 0);
	signal(SIGINT, SIG_IGN);
	install_handler(SIGUSR2, count, 0);
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr2, &old);
	raise(SIGUSR2);
	alarm(100);
	status = run_child(fork_child);
	alarm(0);
	r = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	expect("fork: the child has the parent's handler",
	       r >= 0 && (r & R_CAUGHT_IS_DFL), "%s", describe(status));
	expect("fork: the child ignores what the parent ignores",
	       r >= 0 && (r & R_IGNORED_KEPT), "%s", describe(status));
	expect("fork: the child has the parent's mask",
	       r >= 0 && (r & R_MASK_KEPT), "%s", describe(status));
	expect("fork: the parent's pending signal is not the child's",
	       r >= 0 && (r & R_PENDING_KEPT), "%s", describe(status));
	expect("fork: the parent's alarm is not the child's",
	       r >= 0 && (r & R_ALARM_KEPT), "%s", describe(status));
	sigprocmask(SIG_SETMASK, &old, NULL);  /* the pending SIGUSR2 runs */
	signal(SIGINT, SIG_DFL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

static void sleeper(void)
{
	for (;;)
		pause();
}

/* The course's demonstration. */
static void ignored_sigint_survives_exec(void)
{
	pid_t pid, r;
	int status;

	signal(SIGINT, SIG_IGN);
	pid = fork();
	if (pid == 0)
		exec_self("--sleep");
	signal(SIGINT, SIG_DFL);
	sleep_ms(200);                  /* it has exec'd by now */
	kill(pid, SIGINT);
	sleep_ms(100);
	r = waitpid(pid, &status, WNOHANG);
	expect("parent ignores SIGINT, forks, child execs: kill(child, SIGINT) "
	       "does not end it", r == 0, "waitpid gave %d, %s", r,
	       describe(status));
	kill(pid, SIGTERM);
	r = waitpid(pid, &status, 0);
	expect("... but SIGTERM, not ignored, does",
	       r == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
	       "%s", describe(status));

	install_handler(SIGINT, count, 0);
	pid = fork();
	if (pid == 0)
		exec_self("--sleep");
	sleep_ms(200);
	kill(pid, SIGINT);
	r = waitpid(pid, &status, 0);
	expect("a caught SIGINT is SIG_DFL after exec: kill(child, SIGINT) "
	       "ends it", r == pid && WIFSIGNALED(status) &&
	       WTERMSIG(status) == SIGINT, "%s", describe(status));
	signal(SIGINT, SIG_DFL);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	if (argc == 2 && strcmp(argv[1], "--report") == 0)
		report();
	if (argc == 2 && strcmp(argv[1], "--sleep") == 0)
		sleeper();
	across_fork();
	across_exec();
	ignored_sigint_survives_exec();
	return check_done();
}
