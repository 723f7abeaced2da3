/*
 * Niceness: nice(), getpriority(), setpriority(). The value is kept per
 * process, inherited by fork, clamped to -20..19, and on Sprout it is the
 * time slice (kernel/sched/sched.c set_nice()): a nice 19 process gets
 * far less CPU than a nice 0 one while both want it.
 */
#include "check.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <unistd.h>

static void expect_nice(const char *name, int want)
{
	errno = 0;
	int got = getpriority(PRIO_PROCESS, 0);

	expect(name, got == want && errno == 0, "getpriority %d (want %d), "
	       "errno %d", got, want, errno);
}

static void own_value(void)
{
	int r;

	expect_nice("a process starts at nice 0", 0);
	r = setpriority(PRIO_PROCESS, 0, 10);
	expect_nice("setpriority sets it", r == 0 ? 10 : -99);
	r = nice(3);
	expect("nice(3) adds 3 and returns the new value", r == 13,
	       "returned %d", r);
	r = nice(100);
	expect("nice() stops at 19", r == 19, "returned %d", r);
	r = setpriority(PRIO_PROCESS, getpid(), -100);
	expect_nice("setpriority stops at -20 (root may lower it)",
		    r == 0 ? -20 : -99);
	r = setpriority(PRIO_PGRP, 0, 7);
	expect_nice("PRIO_PGRP 0 names my group", r == 0 ? 7 : -99);
	errno = 0;
	r = getpriority(PRIO_USER, 0);
	expect("PRIO_USER 0: every process is root's; the least nice "
	       "answers", r <= 7 && errno == 0, "%d, errno %d", r, errno);
	errno = 0;
	expect("an unknown which is EINVAL", setpriority(3, 0, 0) == -1 &&
	       errno == EINVAL, "errno %d", errno);
	errno = 0;
	expect("no such process is ESRCH",
	       getpriority(PRIO_PROCESS, 30000) == -1 && errno == ESRCH,
	       "errno %d", errno);
}

/* The child exits with its nice value + 20. */
static void report_nice(void)
{
	_exit(getpriority(PRIO_PROCESS, 0) + 20);
}

static void children(void)
{
	int fds[2], status;
	char c;
	pid_t pid;

	setpriority(PRIO_PROCESS, 0, 5);
	pid = fork();
	if (pid == 0)
		report_nice();
	waitpid(pid, &status, 0);
	expect("fork's child inherits the nice value",
	       WIFEXITED(status) && WEXITSTATUS(status) == 25, "%s",
	       describe(status));

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		read(fds[0], &c, 1);
		report_nice();
	}
	int r = setpriority(PRIO_PROCESS, pid, -3);
	write(fds[1], "", 1);
	waitpid(pid, &status, 0);
	expect("setpriority reaches another process by pid",
	       r == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 17,
	       "%s", describe(status));
	close(fds[0]);
	close(fds[1]);
	setpriority(PRIO_PROCESS, 0, 0);
}

static long cpu_ticks(void)
{
	struct tms t;

	times(&t);
	return t.tms_utime + t.tms_stime;
}

static void spin(long ticks)
{
	while (cpu_ticks() < ticks)
		;
}

static void spin_forever(void)
{
	setpriority(PRIO_PROCESS, 0, 19);
	for (;;)
		;
}

/* A nice 0 process and a nice 19 one both spin; when the first has had
   60 ticks, the second has had a few (a 15-tick slice against 1). */
static void scheduling(void)
{
	struct tms t0, t1;
	pid_t nicer, greedy;
	int status;

	if (!on_sprout()) {
		skip("a nice 19 process gets a small share of the CPU",
		     "other CPUs and schedulers share differently");
		return;
	}
	times(&t0);
	nicer = fork();
	if (nicer == 0)
		spin_forever();
	greedy = fork();
	if (greedy == 0) {
		spin(60);
		_exit(0);
	}
	waitpid(greedy, &status, 0);
	kill(nicer, SIGKILL);
	waitpid(nicer, &status, 0);
	times(&t1);
	long both = t1.tms_cutime + t1.tms_cstime - t0.tms_cutime -
		    t0.tms_cstime;
	long nicer_ticks = both - 60;
	expect("a nice 19 process gets a small share of the CPU",
	       nicer_ticks >= 0 && nicer_ticks * 4 < 60,
	       "the nice 19 one had %ld ticks while the other had 60",
	       nicer_ticks);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	own_value();
	children();
	scheduling();
	return check_done();
}
