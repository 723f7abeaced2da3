/*
 * The sched lab's calls, then the shares of the CPU they give.
 *
 * Three children with 10, 20 and 30 tickets spin side by side for
 * RUN_TICKS timer ticks, first under the stride policy, then under the
 * default one. Each child's CPU time (in ticks, from times() once the
 * parent has waited for it) over their sum is its share:
 *
 *   stride      10/60, 20/60, 30/60  (0.17, 0.33, 0.50)
 *   counter     1/3 each: Linux 0.11's scheduler knows no tickets
 *
 * The run is measured in ticks, not seconds, so a slow or busy host
 * changes nothing: the tick that ends a run is the same tick that
 * charges a child its CPU time. Each share must be within TOLERANCE of
 * its target; the error of a correct kernel is a few ticks out of
 * RUN_TICKS (one time slice, 15 ticks, under the counter policy).
 */
#include "sched_lab.h"
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/times.h>
#include <sys/wait.h>

#define NCHILD     3
#define RUN_TICKS  450          /* 4.5 s of timer ticks */
#define TOLERANCE  0.06

static const int tickets[NCHILD] = { 10, 20, 30 };

static long now_ticks(void)
{
	struct tms t;

	return times(&t);
}

static long cpu_of_children(void)
{
	struct tms t;

	times(&t);
	return t.tms_cutime + t.tms_cstime;
}

/* A child: take its tickets, wait for the start (the go pipe's end of
   file), then spin until the tick `end`. */
static void child(int n, int go, long end)
{
	char c;

	if (settickets(n) < 0)
		_exit(1);
	read(go, &c, 1);
	while (now_ticks() < end)
		;
	_exit(0);
}

/* Run the three children; their CPU ticks into used[]. 0, or -1 after
   printing why not. */
static int measure(const char *name, long used[NCHILD])
{
	long end = now_ticks() + RUN_TICKS;
	pid_t pid[NCHILD];
	int go[2], status;

	if (pipe(go) < 0) {
		expect(name, 0, "pipe: %s", strerror(errno));
		return -1;
	}
	for (int i = 0; i < NCHILD; i++) {
		pid[i] = fork();
		if (pid[i] == 0) {
			close(go[1]);
			child(tickets[i], go[0], end);
		}
	}
	close(go[0]);
	close(go[1]);                   /* go: all start now */
	for (int i = 0; i < NCHILD; i++) {
		long before = cpu_of_children();

		if (pid[i] < 0 || waitpid(pid[i], &status, 0) != pid[i] ||
		    !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			expect(name, 0, "child %d (%d tickets) failed", i,
			       tickets[i]);
			return -1;
		}
		used[i] = cpu_of_children() - before;
	}
	return 0;
}

/* "0.17" without the maths library's printf: hundredths. */
static int hundredths(double x)
{
	return (int)(x * 100 + 0.5);
}

/* Measure under policy; each share must be near want(i)/wsum. */
static void shares(const char *name, int policy, const int want[NCHILD])
{
	long used[NCHILD], sum = 0;
	int wsum = 0, good = 1;

	if (setpolicy(policy) < 0) {
		expect(name, 0, "setpolicy(%d): %s", policy, strerror(errno));
		return;
	}
	if (measure(name, used) < 0)
		return;
	for (int i = 0; i < NCHILD; i++) {
		sum += used[i];
		wsum += want[i];
	}
	printf("%s:", name);
	for (int i = 0; i < NCHILD; i++) {
		double share = sum ? (double)used[i] / sum : 0;
		double target = (double)want[i] / wsum;

		printf("  %d tickets: %ld ticks (0.%02d, want 0.%02d)",
		       tickets[i], used[i], hundredths(share),
		       hundredths(target));
		if (share < target - TOLERANCE || share > target + TOLERANCE)
			good = 0;
	}
	printf("\n");
	expect(name, good, "a share is off its target by more than 0.%02d",
	       hundredths(TOLERANCE));
}

static void test_settickets(void)
{
	static const int bad[] = { 0, -1, MAX_TICKETS + 1 };
	const size_t nbad = sizeof(bad) / sizeof(bad[0]);
	size_t i;
	int r;

	r = settickets(MAX_TICKETS);
	expect("settickets", r == 0, "settickets(%d): %s", MAX_TICKETS,
	       strerror(errno));
	settickets(DEFAULT_TICKETS);
	for (i = 0; i < nbad; i++) {
		errno = 0;
		r = settickets(bad[i]);
		if (r != -1 || errno != EINVAL)
			break;
	}
	expect("settickets rejects bad counts", i == nbad,
	       "settickets(%d) gave %d (%s), not EINVAL",
	       bad[i < nbad ? i : 0], r, strerror(errno));
}

/* setpolicy returns the policy it replaces: at boot, the counter one. */
static void test_setpolicy(void)
{
	int first = setpolicy(SCHED_STRIDE), err = errno;
	int second = setpolicy(SCHED_COUNTER), bad;

	errno = 0;
	bad = setpolicy(7);
	if (first < 0)
		expect("setpolicy", 0, "setpolicy(SCHED_STRIDE): %s",
		       strerror(err));
	else
		expect("setpolicy", first == SCHED_COUNTER &&
		       second == SCHED_STRIDE && bad == -1 && errno == EINVAL,
		       "got %d, %d and %d (%s); want %d, %d and -1 (EINVAL)",
		       first, second, bad, strerror(errno), SCHED_COUNTER,
		       SCHED_STRIDE);
}

int main(void)
{
	static const int equal[NCHILD] = { 1, 1, 1 };

	alarm(120);             /* a kernel that hangs us: killed, not stuck */
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_settickets();
	test_setpolicy();
	shares("stride shares", SCHED_STRIDE, tickets);
	shares("counter shares", SCHED_COUNTER, equal);
	setpolicy(SCHED_COUNTER);
	return 0;
}
