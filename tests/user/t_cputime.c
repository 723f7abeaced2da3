/*
 * CPU time: times(), getrusage(), clock(), and the CPU-time clocks. The
 * tick charges each 10 ms to the task it interrupts, so after enough
 * busy work every one of them must have moved; a child's time reaches
 * its parent's tms_cutime/RUSAGE_CHILDREN when the parent waits for it,
 * and not the parent's own time.
 */
#include "check.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BAD ((void *)0x1000)            /* user space, never mapped */
#define BUSY_TICKS 20                   /* 200 ms of CPU */

static long cpu_ticks(void)
{
	struct tms t;

	times(&t);
	return t.tms_utime + t.tms_stime;
}

/* Spin until this process has used n more ticks of CPU; give up after
   a generous while of real time (then the checks below fail). */
static void busy(long n)
{
	long start = cpu_ticks();
	long long deadline = now_ns() + 20000000000LL;
	volatile unsigned long x = 0;

	while (cpu_ticks() - start < n && now_ns() < deadline)
		for (int i = 0; i < 100000; i++)
			x += i;
}

static long long tv_us(struct timeval tv)
{
	return tv.tv_sec * 1000000LL + tv.tv_usec;
}

static void own_time(void)
{
	struct tms t0, t1;
	struct rusage ru;
	struct timespec c0, c1, res;
	clock_t k0, k1;
	clock_t r0, r1;

	r0 = times(&t0);
	k0 = clock();
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
	busy(BUSY_TICKS);
	r1 = times(&t1);
	k1 = clock();
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
	long used = t1.tms_utime + t1.tms_stime - t0.tms_utime - t0.tms_stime;

	expect("times() counts the ticks of busy work",
	       used >= BUSY_TICKS && t1.tms_utime > t0.tms_utime,
	       "%ld ticks, utime %ld -> %ld", used, t0.tms_utime,
	       t1.tms_utime);
	expect("times() returns a clock that moved at least as much",
	       r1 - r0 >= used, "returned %ld then %ld", (long)r0, (long)r1);
	expect("clock() counts CPU time in microseconds",
	       k1 - k0 >= BUSY_TICKS * 10000L, "%ld -> %ld", (long)k0,
	       (long)k1);
	long long cns = (c1.tv_sec - c0.tv_sec) * 1000000000LL +
			c1.tv_nsec - c0.tv_nsec;
	expect("CLOCK_PROCESS_CPUTIME_ID counts it too",
	       cns >= BUSY_TICKS * 10000000LL, "%lld ns", cns);
	expect("getrusage(RUSAGE_SELF) agrees with times()",
	       getrusage(RUSAGE_SELF, &ru) == 0 &&
	       tv_us(ru.ru_utime) + tv_us(ru.ru_stime) >=
	       (t1.tms_utime + t1.tms_stime) * 10000LL,
	       "user %lld us, system %lld us", tv_us(ru.ru_utime),
	       tv_us(ru.ru_stime));
	expect("CLOCK_THREAD_CPUTIME_ID reads", clock_gettime(
	       CLOCK_THREAD_CPUTIME_ID, &c0) == 0 && c0.tv_sec >= 0,
	       "errno %d", errno);
	expect("clock_getres of the CPU clock: a step of at most a tick",
	       clock_getres(CLOCK_PROCESS_CPUTIME_ID, &res) == 0 &&
	       res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 10000000,
	       "%ld.%09ld", (long)res.tv_sec, res.tv_nsec);
	expect("clock_getres(CLOCK_MONOTONIC, NULL) is allowed",
	       clock_getres(CLOCK_MONOTONIC, NULL) == 0, "errno %d", errno);
	errno = 0;
	expect("clock_getres of no clock is EINVAL",
	       clock_getres(99, &res) == -1 && errno == EINVAL, "errno %d",
	       errno);
	expect("sysconf(_SC_CLK_TCK) is 100", sysconf(_SC_CLK_TCK) == 100,
	       "%ld", sysconf(_SC_CLK_TCK));
}

static void busy_child(void)
{
	busy(BUSY_TICKS);
}

static void children_time(void)
{
	struct tms t0, t1;
	struct rusage ru;
	int status;

	times(&t0);
	status = run_child(busy_child);
	times(&t1);
	long child = t1.tms_cutime + t1.tms_cstime - t0.tms_cutime -
		     t0.tms_cstime;
	long own = t1.tms_utime + t1.tms_stime - t0.tms_utime - t0.tms_stime;
	expect("a waited-for child's ticks go to tms_cutime + tms_cstime",
	       status == 0 && child >= BUSY_TICKS, "%ld ticks (%s)", child,
	       describe(status));
	expect("and not to the parent's own", own < BUSY_TICKS,
	       "own time grew by %ld ticks", own);
	int r = getrusage(RUSAGE_CHILDREN, &ru);
	long long us = tv_us(ru.ru_utime) + tv_us(ru.ru_stime);
	long long want = (t1.tms_cutime + t1.tms_cstime) * 10000LL;
	expect("getrusage(RUSAGE_CHILDREN) agrees, to a tick",
	       r == 0 && us > want - 10000 && us < want + 10000,
	       "%lld us, times() says %lld", us, want);
}

static void bad_arguments(void)
{
	struct rusage ru;

	errno = 0;
	expect("getrusage of an unknown who is EINVAL",
	       getrusage(5, &ru) == -1 && errno == EINVAL, "errno %d", errno);
	errno = 0;
	if (!libc_converts("getrusage into a bad pointer is EFAULT"))
		expect("getrusage into a bad pointer is EFAULT",
		       getrusage(RUSAGE_SELF, BAD) == -1 && errno == EFAULT,
		       "errno %d", errno);
	errno = 0;
	if (!libc_converts("times into a bad pointer is EFAULT"))
		expect("times into a bad pointer is EFAULT",
		       times(BAD) == (clock_t)-1 && errno == EFAULT,
		       "errno %d", errno);
	expect("times(NULL) only returns the clock", times(NULL) != -1,
	       "errno %d", errno);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	own_time();
	children_time();
	bad_arguments();
	return check_done();
}
