/*
 * wait(): a parent learns how its children ended. An exited child stays
 * a zombie until waited for; orphans are adopted by process 1; signals
 * end children that will not end by themselves.
 */
#include "check.h"
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <sched.h>
#include <sys/wait.h>

#define NCHILD 50

static void fifty_children(void)
{
	pid_t pids[NCHILD], r;
	int status, wrong = 0, reaped = 0, forked = 0, err;

	for (int i = 0; i < NCHILD; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			sleep_ms(100);          /* all alive at once */
			_exit(i + 1);
		}
		forked += pids[i] > 0;
	}
	expect("50 children fork while all are alive", forked == NCHILD,
	       "only %d forks succeeded, errno %d", forked, errno);
	/* The first half by pid, in order ... */
	for (int i = 0; i < NCHILD / 2; i++) {
		if (waitpid(pids[i], &status, 0) != pids[i])
			continue;
		reaped++;
		wrong += !WIFEXITED(status) || WEXITSTATUS(status) != i + 1;
	}
	/* ... the rest in whatever order they come. */
	for (pid_t pid; (pid = waitpid(-1, &status, 0)) > 0;) {
		int i = NCHILD / 2;

		while (i < NCHILD && pids[i] != pid)
			i++;
		reaped++;
		wrong += i == NCHILD || !WIFEXITED(status) ||
			 WEXITSTATUS(status) != i + 1;
	}
	expect("50 children reaped by waitpid(pid) and waitpid(-1), codes right",
	       reaped == NCHILD && wrong == 0,
	       "reaped %d, %d with a wrong pid or exit code", reaped, wrong);
	r = waitpid(-1, &status, 0);
	err = errno;
	expect("then waitpid(-1) fails with ECHILD", r == -1 && err == ECHILD,
	       "errno %d", err);
}

static void no_children(void)
{
	int r = waitpid(-2147483647 - 1, NULL, WNOHANG), err = errno;

	expect("waitpid(INT_MIN) fails with ESRCH, as on Linux",
	       r == -1 && err == ESRCH, "returned %d, errno %d", r, err);
	r = wait(NULL);
	err = errno;
	expect("wait with no children fails with ECHILD",
	       r == -1 && err == ECHILD, "errno %d", err);
	r = waitpid(99999, NULL, 0);
	err = errno;
	expect("waitpid for a pid that is not a child fails with ECHILD",
	       r == -1 && err == ECHILD, "errno %d", err);
	r = waitpid(-1, NULL, WNOHANG);
	err = errno;
	expect("waitpid with WNOHANG and no children fails with ECHILD",
	       r == -1 && err == ECHILD, "errno %d", err);
}

static void nohang(void)
{
	int status = 0, polls = 0;
	pid_t pid = fork(), r;

	if (pid == 0) {
		sleep_ms(200);
		_exit(7);
	}
	r = waitpid(pid, &status, WNOHANG);
	expect("WNOHANG returns 0 while the child runs", r == 0,
	       "returned %d, errno %d", r, errno);
	while ((r = waitpid(pid, &status, WNOHANG)) == 0 && polls++ < 400)
		sleep_ms(10);
	expect("WNOHANG returns the pid and status once the child has exited",
	       r == pid && WIFEXITED(status) && WEXITSTATUS(status) == 7,
	       "returned %d after %d polls, %s", r, polls, describe(status));
}

static void exit_codes(void)
{
	static const int codes[] = { 0, 1, 42, 255, 256, 257 };
	int wrong = 0;

	for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		int status;
		pid_t pid = fork();

		if (pid == 0)
			_exit(codes[i]);
		waitpid(pid, &status, 0);
		wrong += !WIFEXITED(status) ||
			 WEXITSTATUS(status) != (codes[i] & 0xff);
	}
	expect("exit codes 0, 1, 42, 255 arrive; 256 and 257 as 0 and 1",
	       wrong == 0, "%d codes came out wrong", wrong);
}

/* A child forks a grandchild and exits; the orphan must find a new
   parent, process 1, which here is this program. */
static void orphan(void)
{
	pid_t child = fork(), gc = 0;
	int status, waited = 0;

	if (child == 0) {
		pid_t parent = getpid();

		if (fork() == 0) {
			while (getppid() == parent && waited++ < 300)
				sleep_ms(10);
			_exit(getppid() == 1 ? 0 : 1);
		}
		_exit(0);
	}
	waitpid(child, &status, 0);
	if (!is_init()) {
		skip("an orphan is re-parented to process 1 and reaped by it",
		     "this program is not process 1");
		return;
	}
	gc = waitpid(-1, &status, 0);
	expect("an orphan is re-parented to process 1 and reaped by it",
	       gc > 0 && gc != child && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0,
	       "waitpid(-1) gave %d, %s (1: getppid was not 1)", gc,
	       describe(status));
}

static void kill_zero(void)
{
	pid_t pid = fork();
	int status, r, err;

	if (pid == 0) {
		sleep_ms(100);
		_exit(0);
	}
	r = kill(pid, 0);
	err = errno;
	expect("kill(pid, 0) succeeds for a live child", r == 0, "errno %d",
	       err);
	waitpid(pid, &status, 0);
	r = kill(pid, 0);
	err = errno;
	expect("kill(pid, 0) fails with ESRCH once the child is reaped",
	       r == -1 && err == ESRCH, "errno %d", err);
	r = kill(getpid(), 99);
	err = errno;
	expect("kill with signal 99 fails with EINVAL",
	       r == -1 && err == EINVAL, "errno %d", err);
}

/* A zombie still exists until it is reaped: kill() finds it (Linux
   answers 0), and a signal sent to it changes nothing. */
static void kill_zombie(void)
{
	pid_t r, pid = fork();
	int status = 0;

	if (pid == 0)
		_exit(3);
	sleep_ms(100);                  /* it is a zombie now */
	r = kill(pid, 0);
	expect("kill(zombie, 0) succeeds: the zombie is not reaped yet",
	       r == 0, "errno %d", errno);
	r = kill(pid, SIGTERM);
	expect("kill(zombie, SIGTERM) succeeds", r == 0, "errno %d", errno);
	r = waitpid(pid, &status, 0);
	expect("the zombie's status is still its exit code 3",
	       r == pid && WIFEXITED(status) && WEXITSTATUS(status) == 3,
	       "%s", describe(status));
}

static void spinning_child(void)
{
	pid_t pid = fork();
	long long start = now_ns(), took;
	volatile unsigned long work = 0;
	int status, r, err;

	if (pid == 0)
		for (;;)
			;
	/* Work while the child spins: a few sleeps and a busy loop. */
	for (int i = 0; i < 5; i++)
		sleep_ms(20);
	for (int i = 0; i < 1000000; i++)
		work++;
	took = (now_ns() - start) / 1000000;
	expect("a spinning child does not stop the parent from working",
	       work == 1000000 && took < 3000, "took %lld ms", took);
	r = kill(pid, SIGKILL);
	err = errno;
	expect("SIGKILL to the spinning child is delivered", r == 0,
	       "errno %d", err);
	r = waitpid(pid, &status, 0);
	expect("the killed child is reaped with WTERMSIG == SIGKILL",
	       r == pid && WIFSIGNALED(status) &&
	       WTERMSIG(status) == SIGKILL, "%s", describe(status));
}

static void sleeping_child(void)
{
	pid_t pid = fork(), r;
	int status;

	if (pid == 0) {
		for (;;)
			sleep_ms(1000);
	}
	sleep_ms(50);
	kill(pid, SIGTERM);
	r = waitpid(pid, &status, 0);
	expect("SIGTERM ends a sleeping child (default action)",
	       r == pid && WIFSIGNALED(status) &&
	       WTERMSIG(status) == SIGTERM, "%s", describe(status));
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	no_children();
	fifty_children();
	nohang();
	exit_codes();
	orphan();
	kill_zero();
	kill_zombie();
	spinning_child();
	sleeping_child();
	return check_done();
}
