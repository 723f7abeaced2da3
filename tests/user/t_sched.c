/*
 * The scheduler (kernel/sched/sched.c, docs/processes.md): the run queue,
 * the ring of sleepers with a timeout, and the refills that reach a
 * sleeper when it wakes. What a program can see of them: who wakes when,
 * and in which order, with many tasks asleep around.
 */
#include "check.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/select.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <unistd.h>

#define ORDERED 5

/* Child i sleeps (ORDERED - i) * 30 ms, then writes its number: the
   youngest child has the soonest deadline, so the deadlines are the
   reverse of the order the sleeps began in. */
static void timeouts_in_order(void)
{
	int fds[2];
	char got[ORDERED + 1] = "", want[ORDERED + 1] = "";

	pipe(fds);
	for (int i = 0; i < ORDERED; i++) {
		if (fork() == 0) {
			char c = '0' + i;

			sleep_ms((ORDERED - i) * 30);
			write(fds[1], &c, 1);
			_exit(0);
		}
		want[ORDERED - 1 - i] = '0' + i;
	}
	close(fds[1]);
	for (int n = 0; n < ORDERED && read(fds[0], got + n, 1) == 1; n++)
		;
	close(fds[0]);
	while (wait(NULL) > 0)
		;
	expect("sleepers wake in the order of their deadlines",
	       strcmp(got, want) == 0, "woke %s, want %s", got, want);
}

static void on_usr1(int sig)
{
	(void)sig;
}

/* select() with a long timeout, ended early by a signal; then a short
   sleep must still end by its own timeout. Exits 0 if both did. */
static void interrupted_sleeper(int ready_fd)
{
	struct timeval tv = { .tv_sec = 60 };

	install_handler(SIGUSR1, on_usr1, 0);
	write(ready_fd, "", 1);
	int r = select(0, NULL, NULL, NULL, &tv);
	if (r != -1 || errno != EINTR)
		_exit(1);
	sleep_ms(20);
	_exit(0);
}

/* Is process pid asleep in the kernel (S in /proc/PID/stat)? */
static int sleeping(pid_t pid)
{
	char path[32], buf[128], *p;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (!(f = fopen(path, "r")))
		return 0;
	p = fgets(buf, sizeof(buf), f);
	fclose(f);
	return p && (p = strrchr(buf, ')')) && p[1] == ' ' && p[2] == 'S';
}

static void wait_until_asleep(pid_t pid)
{
	for (int i = 0; i < 1000 && !sleeping(pid); i++)
		sched_yield();
}

static void signal_ends_timed_sleep(void)
{
	int fds[2], status;
	char c;
	pid_t pid;

	pipe(fds);
	pid = fork();
	if (pid == 0)
		interrupted_sleeper(fds[1]);
	read(fds[0], &c, 1);
	wait_until_asleep(pid);
	kill(pid, SIGUSR1);
	waitpid(pid, &status, 0);
	close(fds[0]);
	close(fds[1]);
	expect("a signal ends a sleep with a timeout at once, and a later "
	       "timeout still fires", WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0, "%s", describe(status));
}

#define READERS 24
#define NAPPERS 8

/* Many tasks asleep, on a pipe and with timeouts, while one yields over
   and over: they stay asleep, and each wakes when its event comes. */
static void many_sleepers(void)
{
	int fds[2], status, woken = 0, still_asleep = 0;
	pid_t nappers[NAPPERS], pid;
	char c;

	pipe(fds);
	for (int i = 0; i < READERS; i++) {
		if (fork() == 0) {
			close(fds[1]);
			_exit(read(fds[0], &c, 1) == 1 ? 42 : 1);
		}
	}
	for (int i = 0; i < NAPPERS; i++) {
		if ((nappers[i] = fork()) == 0) {
			sleep_ms(60000 + i * 10);
			_exit(1);
		}
	}
	close(fds[0]);
	for (int i = 0; i < 2000; i++)
		sched_yield();
	for (int i = 0; i < NAPPERS; i++) {
		wait_until_asleep(nappers[i]);
		still_asleep += sleeping(nappers[i]);
	}
	expect("sleepers stay asleep while another task yields",
	       still_asleep == NAPPERS, "%d of %d asleep", still_asleep,
	       NAPPERS);
	for (int i = 0; i < READERS; i++)
		write(fds[1], "x", 1);
	for (int i = 0; i < NAPPERS; i++)
		kill(nappers[i], SIGKILL);
	while ((pid = wait(&status)) > 0)
		woken += WIFEXITED(status) && WEXITSTATUS(status) == 42;
	close(fds[1]);
	expect("each sleeper on a pipe wakes for its byte", woken == READERS,
	       "%d of %d", woken, READERS);
}

static long cpu_ticks(void)
{
	struct tms t;

	times(&t);
	return t.tms_utime + t.tms_stime;
}

/* utime + stime of process pid, in ticks, from /proc/PID/stat (fields
   14 and 15), or -1. */
static long ticks_of(pid_t pid)
{
	char path[32], buf[512], *p;
	unsigned long utime, stime;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (!(f = fopen(path, "r")))
		return -1;
	p = fgets(buf, sizeof(buf), f);
	fclose(f);
	if (!p || !(p = strrchr(buf, ')')) ||
	    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
		   &utime, &stime) != 2)
		return -1;
	return utime + stime;
}

/* Linux 0.11's refill, counter = counter / 2 + priority, reaches the
   sleepers too: a task that used most of its slice and then slept
   through several refills comes back with more than a full slice, more
   than a CPU hog can have, so it runs as soon as its sleep ends instead
   of waiting for the hog's slice to run out. Seen in the hog's CPU time:
   while we sleep 10 ticks, the hog gets those 10, and hardly more. */
static void sleeper_comes_back_first(void)
{
	pid_t hog;
	long before, after, start;

	if (!on_sprout()) {
		skip("a task back from a long sleep runs before a CPU hog",
		     "other schedulers favour sleepers differently");
		return;
	}
	hog = fork();
	if (hog == 0)
		for (;;)
			;
	start = cpu_ticks();
	while (cpu_ticks() < start + 12)        /* most of our slice */
		;
	sleep_ms(500);                          /* the hog's refills */
	before = ticks_of(hog);
	sleep_ms(100);
	after = ticks_of(hog);
	kill(hog, SIGKILL);
	waitpid(hog, NULL, 0);
	expect("a task back from a long sleep runs before a CPU hog",
	       before >= 0 && after - before <= 13,
	       "the hog ran %ld ticks during our 10-tick sleep",
	       after - before);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	if (is_init())                  /* for /proc/PID/stat */
		mount("proc", "/proc", "proc", 0, NULL);
	timeouts_in_order();
	signal_ends_timed_sleep();
	many_sleepers();
	sleeper_comes_back_first();
	return check_done();
}
