/*
 * Signals and blocking calls. A call that sleeps (waitpid, read, pause)
 * wakes when a signal comes. If a handler runs, the call fails with
 * EINTR, or, with SA_RESTART, starts again as if nothing had happened.
 * If no handler runs (a SIGSTOP then SIGCONT), the call just goes on.
 * pause() and sigsuspend() always end with EINTR once a handler ran;
 * nanosleep() and sleep() say how much time was left. Timers: alarm(),
 * setitimer() and getitimer() (ITIMER_REAL: SIGALRM).
 */
#include "check.h"
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>

static volatile int hits;

static void count(int sig)
{
	(void)sig;
	hits++;
}

/* SIGALRM in ms milliseconds, once. */
static void alarm_ms(long ms)
{
	struct itimerval it = { { 0, 0 }, { ms / 1000, ms % 1000 * 1000 } };

	setitimer(ITIMER_REAL, &it, NULL);
}

static void sleep_then_exit(void)
{
	sleep_ms(400);
}

static void waitpid_interrupted(void)
{
	pid_t pid, r;
	int status, err;
	long long t;

	install_handler(SIGALRM, count, 0);
	hits = 0;
	pid = fork();
	if (pid == 0) {
		sleep_then_exit();
		_exit(3);
	}
	alarm_ms(100);
	r = waitpid(pid, &status, 0);
	err = errno;
	expect("waitpid interrupted by a handler without SA_RESTART: EINTR",
	       r == -1 && err == EINTR && hits == 1,
	       "returned %d, errno %d, %d handler calls", r, err, hits);
	waitpid(pid, &status, 0);

	install_handler(SIGALRM, count, SA_RESTART);
	hits = 0;
	pid = fork();
	if (pid == 0) {
		sleep_then_exit();
		_exit(3);
	}
	t = now_ns();
	alarm_ms(100);
	r = waitpid(pid, &status, 0);
	t = (now_ns() - t) / 1000000;
	expect("with SA_RESTART the handler runs and waitpid restarts, then "
	       "reaps the child", r == pid && hits == 1 && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 3 && t >= 300,
	       "returned %d (child %d), %d handler calls, %s, after %lld ms",
	       r, pid, hits, describe(status), t);
	signal(SIGALRM, SIG_DFL);
}

/* A child waits for its own child; we stop and continue it meanwhile.
   No handler runs, so its waitpid must go on and reap the grandchild:
   exit 0. EINTR: exit 1. */
static void waiting_parent(void)
{
	pid_t gc = fork(), r;
	int status;

	if (gc == 0) {
		sleep_ms(500);
		_exit(9);
	}
	r = waitpid(gc, &status, 0);
	_exit(r == gc && WIFEXITED(status) && WEXITSTATUS(status) == 9 ? 0 : 1);
}

static void stop_during_waitpid(void)
{
	pid_t pid = fork(), r;
	int status;

	if (pid == 0)
		waiting_parent();
	sleep_ms(100);
	kill(pid, SIGSTOP);
	r = waitpid(pid, &status, WUNTRACED);
	expect("SIGSTOP stops a process sleeping in waitpid",
	       r == pid && WIFSTOPPED(status), "%s", describe(status));
	sleep_ms(100);
	kill(pid, SIGCONT);
	kill(pid, SIGWINCH);    /* ignored by default: no interruption either */
	r = waitpid(pid, &status, 0);
	expect("after SIGCONT its waitpid goes on transparently (no EINTR)",
	       r == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "%s (1: waitpid failed in it)", describe(status));
}

static void pause_child(void)
{
	int r, err;

	install_handler(SIGUSR1, count, SA_RESTART);
	hits = 0;
	r = pause();
	err = errno;
	_exit(r == -1 && err == EINTR && hits == 1 ? 0 : 1);
}

static void pause_calls(void)
{
	long long t;
	int r, err;
	pid_t pid;
	int status;

	install_handler(SIGALRM, count, 0);
	hits = 0;
	t = now_ns();
	alarm(1);
	r = pause();
	err = errno;
	t = (now_ns() - t) / 1000000;
	expect("alarm(1) interrupts pause: EINTR after about a second",
	       r == -1 && err == EINTR && hits == 1 && t >= 900 && t < 2000,
	       "returned %d, errno %d, %d calls, after %lld ms", r, err, hits, t);

	pid = fork();
	if (pid == 0)
		pause_child();
	sleep_ms(50);
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	kill(pid, SIGCONT);
	sleep_ms(50);
	kill(pid, SIGUSR1);
	waitpid(pid, &status, 0);
	expect("pause goes on after a stop and continue, and returns EINTR "
	       "after a handler, even an SA_RESTART one",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s",
	       describe(status));
	signal(SIGALRM, SIG_DFL);
}

static sigset_t mask_in_handler;

static void note_mask(int sig)
{
	hits++;
	(void)sig;
	sigprocmask(SIG_BLOCK, NULL, &mask_in_handler);
}

static void suspend(void)
{
	sigset_t usr1, wait_mask, after;
	pid_t pid;
	int r, err, status;

	install_handler(SIGUSR1, note_mask, 0);
	install_handler(SIGUSR2, count, 0);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, NULL);
	hits = 0;
	pid = fork();
	if (pid == 0) {
		sleep_ms(100);
		kill(getppid(), SIGUSR2);       /* blocked during the wait */
		sleep_ms(100);
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	sigemptyset(&wait_mask);
	sigaddset(&wait_mask, SIGUSR2);
	r = sigsuspend(&wait_mask);
	err = errno;
	sigprocmask(SIG_BLOCK, NULL, &after);
	expect("sigsuspend waits with its mask (SIGUSR2 held back) until "
	       "SIGUSR1, then fails with EINTR", r == -1 && err == EINTR &&
	       hits >= 1, "returned %d, errno %d, %d calls", r, err, hits);
	expect("the handler ran with sigsuspend's mask plus its own signal",
	       sigismember(&mask_in_handler, SIGUSR2) == 1 &&
	       sigismember(&mask_in_handler, SIGUSR1) == 1, "USR1 %d USR2 %d",
	       sigismember(&mask_in_handler, SIGUSR1),
	       sigismember(&mask_in_handler, SIGUSR2));
	expect("afterwards the old mask is back: SIGUSR1 blocked, SIGUSR2 not",
	       sigismember(&after, SIGUSR1) == 1 &&
	       sigismember(&after, SIGUSR2) == 0, "USR1 %d USR2 %d",
	       sigismember(&after, SIGUSR1), sigismember(&after, SIGUSR2));
	expect("... and the SIGUSR2 it held back was delivered when the old "
	       "mask came back, before sigsuspend returned", hits == 2,
	       "%d calls", hits);
	waitpid(pid, &status, 0);
	sigprocmask(SIG_UNBLOCK, &usr1, NULL);
	r = sigsuspend((void *)1);
	err = errno;
	expect("sigsuspend with a bad pointer fails with EFAULT",
	       r == -1 && err == EFAULT, "returned %d, errno %d", r, err);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
}

static void sleeps(void)
{
	struct timespec req = { 1, 0 }, rem = { -1, -1 };
	long long left;
	unsigned int s;
	int r, err;

	install_handler(SIGALRM, count, SA_RESTART);
	hits = 0;
	alarm_ms(300);
	r = nanosleep(&req, &rem);
	err = errno;
	left = rem.tv_sec * 1000LL + rem.tv_nsec / 1000000;
	expect("nanosleep interrupted: EINTR (even with SA_RESTART) and the "
	       "time left in rem", r == -1 && err == EINTR && hits == 1 &&
	       left > 500 && left <= 710, "returned %d, errno %d, %d calls, "
	       "rem %lld ms", r, err, hits, left);
	alarm_ms(1200);
	s = sleep(3);
	expect("sleep(3) interrupted after 1.2 s returns 1 (whole seconds "
	       "left, as glibc)", s == 1, "returned %u", s);
	signal(SIGALRM, SIG_DFL);
}

static void timers(void)
{
	struct itimerval it = { { 0, 30000 }, { 2, 0 } }, now, old;
	unsigned int left;
	long long t;
	int r, err, ticks;

	r = setitimer(ITIMER_REAL, &it, NULL);
	getitimer(ITIMER_REAL, &now);
	expect("getitimer after setitimer: value at most what was set, "
	       "interval as set", r == 0 && now.it_value.tv_sec <= 2 &&
	       (now.it_value.tv_sec >= 1 || now.it_value.tv_usec > 900000) &&
	       now.it_interval.tv_sec == 0 && now.it_interval.tv_usec == 30000,
	       "returned %d, value %ld.%06ld interval %ld.%06ld", r,
	       now.it_value.tv_sec, now.it_value.tv_usec,
	       now.it_interval.tv_sec, now.it_interval.tv_usec);
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, &old);
	getitimer(ITIMER_REAL, &now);
	expect("setitimer(0) disarms it and gives the old value",
	       old.it_value.tv_sec <= 2 && old.it_interval.tv_usec == 30000 &&
	       now.it_value.tv_sec == 0 && now.it_value.tv_usec == 0,
	       "old %ld.%06ld, now %ld.%06ld", old.it_value.tv_sec,
	       old.it_value.tv_usec, now.it_value.tv_sec, now.it_value.tv_usec);

	alarm(5);
	left = alarm(0);
	expect("alarm(0) cancels and returns the seconds left (5)", left == 5,
	       "returned %u", left);
	left = alarm(0);
	expect("... and then there is no alarm (0)", left == 0, "returned %u",
	       left);

	install_handler(SIGALRM, count, SA_RESTART);
	hits = 0;
	it = (struct itimerval){ { 0, 20000 }, { 0, 20000 } };
	t = now_ns();
	setitimer(ITIMER_REAL, &it, NULL);
	while (hits < 5)
		pause();
	t = (now_ns() - t) / 1000000;
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, NULL);
	ticks = hits;
	expect("an interval timer of 20 ms fires again and again: 5 SIGALRMs "
	       "in about 100 ms", ticks == 5 && t >= 90 && t < 400,
	       "%d signals in %lld ms", ticks, t);
	signal(SIGALRM, SIG_DFL);

	it = (struct itimerval){ { 0, 0 }, { 0, 1000000 } };
	r = setitimer(ITIMER_REAL, &it, NULL);
	err = errno;
	expect("setitimer with tv_usec 1000000 fails with EINVAL",
	       r == -1 && err == EINVAL, "returned %d, errno %d", r, err);
	r = setitimer(99, &it, NULL);
	err = errno;
	expect("setitimer(99) fails with EINVAL", r == -1 && err == EINVAL,
	       "returned %d, errno %d", r, err);
	if (!libc_converts("getitimer with a bad pointer fails with EFAULT")) {
		r = getitimer(ITIMER_REAL, (void *)1);
		err = errno;
		expect("getitimer with a bad pointer fails with EFAULT",
		       r == -1 && err == EFAULT, "returned %d, errno %d", r,
		       err);
	}
	if (on_sprout()) {
		r = getitimer(ITIMER_VIRTUAL, &now);
		err = errno;
		expect("ITIMER_VIRTUAL is not in Sprout: EINVAL",
		       r == -1 && err == EINVAL, "returned %d, errno %d", r,
		       err);
	}
}

/* An alarm is not inherited by fork; it ends a process whose SIGALRM
   has its default action. */
static void alarm_child(void)
{
	if (alarm(0) != 0)
		_exit(1);       /* the parent's alarm came along */
	alarm(1);
	for (;;)
		pause();
}

static void alarm_kills(void)
{
	int status;

	alarm(10);
	status = run_child(alarm_child);
	alarm(0);
	expect("fork does not copy the alarm; SIGALRM's default ends the child",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM,
	       "%s (1: it had the parent's alarm)", describe(status));
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	waitpid_interrupted();
	stop_during_waitpid();
	pause_calls();
	suspend();
	sleeps();
	timers();
	alarm_kills();
	return check_done();
}
