/*
 * SIGCHLD: a parent hears of each child's exit, stop and continue. With
 * SA_NOCLDSTOP only of exits. A parent that sets SIGCHLD to SIG_IGN, or
 * SA_NOCLDWAIT, has said it will never wait: its children leave no
 * zombies (kill(pid, 0) finds nothing), and wait() fails with ECHILD
 * once they are all gone. With the default action, a child that exits
 * stays a zombie until waited for.
 */
#include "check.h"
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>

static volatile int hits;

static void count(int sig)
{
	(void)sig;
	hits++;
}

/* A child that waits for signals, stopped with SIGSTOP and waited for
   (WUNTRACED), with hits counted from zero and 50 ms left for a
   SIGCHLD to arrive. */
static pid_t stopped_child(void)
{
	int status;
	pid_t pid;

	hits = 0;
	pid = fork();
	if (pid == 0)
		for (;;)
			pause();
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	sleep_ms(50);
	return pid;
}

static void nocldstop(void)
{
	pid_t pid;
	int status, after_stop, after_cont;

	install_handler(SIGCHLD, count, SA_NOCLDSTOP);
	pid = stopped_child();
	after_stop = hits;
	kill(pid, SIGCONT);
	sleep_ms(50);
	after_cont = hits;
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	expect("SA_NOCLDSTOP: no SIGCHLD for a child's stop or continue",
	       after_stop == 0 && after_cont == 0, "%d after the stop, %d "
	       "after the continue", after_stop, after_cont);
	expect("SA_NOCLDSTOP: SIGCHLD still comes for its death", hits == 1,
	       "%d calls", hits);
	install_handler(SIGCHLD, count, 0);
	pid = stopped_child();
	after_stop = hits;
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	expect("without it, SIGCHLD comes for the stop too", after_stop == 1,
	       "%d calls", after_stop);
	signal(SIGCHLD, SIG_DFL);
}

/* Three children that exit at once; are they zombies before any wait?
   Returns how many still exist (kill(pid, 0) == 0) after 200 ms (a
   SIGCHLD handler cuts a sleep short: sleep until the time is up). */
static int leftovers(pid_t *pids)
{
	long long end = now_ns() + 200000000LL;
	int left = 0;

	for (int i = 0; i < 3; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(i);
	}
	while (now_ns() < end)
		sleep_ms(10);
	for (int i = 0; i < 3; i++)
		left += kill(pids[i], 0) == 0;
	return left;
}

/* In a child of ours, so that what it sets for SIGCHLD is its own. The
   exit status: 0 all as expected; 1 zombies left; 2 wait did not fail
   with ECHILD; 3 the handler was not called. */
static void no_zombies(int how)
{
	pid_t pids[3], r;
	int err;

	if (how == 0) {
		signal(SIGCHLD, SIG_IGN);
	} else {
		install_handler(SIGCHLD, count, SA_NOCLDWAIT);
		hits = 0;
	}
	if (leftovers(pids))
		_exit(1);
	r = wait(NULL);
	err = errno;
	if (r != -1 || err != ECHILD)
		_exit(2);
	_exit(how && hits == 0 ? 3 : 0);
}

static void ignore_child(void)
{
	no_zombies(0);
}

static void nocldwait_child(void)
{
	no_zombies(1);
}

/* wait() blocks while children live, then fails with ECHILD when the
   last one has reaped itself. */
static void blocked_wait_child(void)
{
	pid_t pid, r;
	long long t;

	signal(SIGCHLD, SIG_IGN);
	pid = fork();
	if (pid == 0) {
		sleep_ms(300);
		_exit(0);
	}
	t = now_ns();
	r = wait(NULL);
	t = (now_ns() - t) / 1000000;
	_exit(r == -1 && errno == ECHILD && t >= 250 ? 0 : 1);
}

static void autoreap(void)
{
	pid_t pids[3];
	int status, left;

	status = run_child(ignore_child);
	expect("SIGCHLD set to SIG_IGN: exited children leave no zombies, "
	       "wait fails with ECHILD", WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0, "%s (1: zombies, 2: wait)",
	       describe(status));
	status = run_child(nocldwait_child);
	expect("SA_NOCLDWAIT: no zombies, ECHILD, and the handler still runs",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "%s (1: zombies, 2: wait, 3: no handler call)",
	       describe(status));
	status = run_child(blocked_wait_child);
	expect("with SIGCHLD ignored, wait sleeps until the last child has "
	       "gone, then fails with ECHILD", WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0, "%s", describe(status));
	left = leftovers(pids);
	expect("with SIGCHLD's default action, exited children are zombies "
	       "until waited for", left == 3, "%d of 3 found", left);
	for (int i = 0; i < 3; i++)
		waitpid(pids[i], &status, 0);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	nocldstop();
	autoreap();
	return check_done();
}
