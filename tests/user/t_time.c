/*
 * Time and identity: sleeping, reading the clocks, and the small calls
 * that describe the system (uname, sysinfo, the user ids, sched_yield).
 */
#include "check.h"
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <sched.h>
#include <time.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <signal.h>

#define MS 1000000LL                    /* nanoseconds */
#define YEAR_2020 1577836800L

static void sleeping(void)
{
	struct timespec ts = { 0, 100 * MS }, zero = { 0, 0 };
	struct timespec bad_ns = { 0, 1000000000 }, neg = { -1, 0 };
	long long start = now_ns(), took;
	int r = nanosleep(&ts, NULL), err;

	took = now_ns() - start;
	expect("nanosleep(100 ms) returns 0 after at least 100 ms",
	       r == 0 && took >= 100 * MS, "returned %d after %lld us", r,
	       took / 1000);
	expect("nanosleep(100 ms) returns within a second", took < 1000 * MS,
	       "took %lld ms", took / MS);
	start = now_ns();
	r = nanosleep(&zero, NULL);
	err = errno;
	took = now_ns() - start;
	expect("nanosleep(0) returns at once", r == 0 && took < 50 * MS,
	       "returned %d after %lld us, errno %d", r, took / 1000, err);
	r = nanosleep(&bad_ns, NULL);
	err = errno;
	expect("nanosleep with tv_nsec of a whole second fails with EINVAL",
	       r == -1 && err == EINVAL, "errno %d", err);
	r = nanosleep(&neg, NULL);
	err = errno;
	expect("nanosleep with a negative time fails with EINVAL",
	       r == -1 && err == EINVAL, "errno %d", err);
}

/* A sleep of about a year (more than 2^31 ticks) must really sleep: the
   sleeper uses no CPU time. wait4's rusage says how much it used; it is
   read as longs (two timevals first) so that no header need define it. */
static void long_sleep(void)
{
	struct timespec year = { 30000000, 0 };        /* 347 days */
	long ru[18] = { 0 };
	long cpu_ms;
	int status = 0;
	pid_t r, pid = fork();

	if (pid == 0) {
		nanosleep(&year, NULL);
		_exit(1);
	}
	sleep_ms(300);
	kill(pid, SIGKILL);
	r = wait4(pid, &status, 0, (struct rusage *)ru);
	cpu_ms = ru[0] * 1000 + ru[1] / 1000 + ru[2] * 1000 + ru[3] / 1000;
	expect("a 347-day nanosleep sleeps: under 50 ms of CPU in 300 ms",
	       r == pid && WIFSIGNALED(status) && cpu_ms < 50,
	       "wait4 gave %d, %s, %ld ms of CPU", (int)r, describe(status),
	       cpu_ms);
}

static void monotonic(void)
{
	long long prev = now_ns(), t, min_step = -1, max_gap = 0;
	int backwards = 0;

	for (int i = 0; i < 20000; i++) {
		t = now_ns();
		backwards += t < prev;
		if (t - prev > max_gap)
			max_gap = t - prev;
		if (t > prev && (min_step < 0 || t - prev < min_step))
			min_step = t - prev;
		prev = t;
	}
	expect("CLOCK_MONOTONIC never goes backwards", backwards == 0,
	       "went back %d times", backwards);
	expect("two reads in a row differ by less than 1 ms",
	       min_step >= 0 && min_step < 1 * MS,
	       "smallest step %lld us", min_step / 1000);
	expect("the clock ticks finer than the 10 ms timer",
	       min_step > 0 && min_step < 5 * MS,
	       "smallest step %lld us (largest %lld us)", min_step / 1000,
	       max_gap / 1000);
}

/* Linux's other common clocks: MONOTONIC_RAW, the COARSE ones and
   BOOTTIME (numbers 4-7) read like the two main ones. */
static void other_clocks(time_t now)
{
	struct timespec mono, ts;
	int bad = 0;

	clock_gettime(CLOCK_MONOTONIC, &mono);
	for (int clock = 4; clock <= 7; clock++) {
		int r = clock_gettime(clock, &ts);
		long long base = clock == 5 ? (long long)now : mono.tv_sec;
		if (r != 0 || ts.tv_sec < base || ts.tv_sec - base > 2)
			bad = clock;
	}
	expect("MONOTONIC_RAW, REALTIME_COARSE, MONOTONIC_COARSE, BOOTTIME work",
	       bad == 0, "clock %d is off", bad);
}

static void wall_clock(void)
{
	struct timespec rt;
	struct timeval tv;
	time_t t = 0, t2 = time(&t);
	int r = clock_gettime(CLOCK_REALTIME, &rt), err;

	expect("time() is after 2020 and stores what it returns",
	       t2 > YEAR_2020 && t == t2, "time %ld, stored %ld", (long)t2,
	       (long)t);
	expect("CLOCK_REALTIME agrees with time()",
	       r == 0 && rt.tv_sec >= t2 && rt.tv_sec - t2 <= 2 &&
	       rt.tv_nsec >= 0 && rt.tv_nsec < 1000000000,
	       "%ld.%09ld vs %ld", rt.tv_sec, rt.tv_nsec, (long)t2);
	r = gettimeofday(&tv, NULL);
	expect("gettimeofday agrees with time()",
	       r == 0 && tv.tv_sec >= t2 && tv.tv_sec - t2 <= 2 &&
	       tv.tv_usec >= 0 && tv.tv_usec < 1000000,
	       "%ld.%06ld vs %ld", tv.tv_sec, tv.tv_usec, (long)t2);
	r = clock_gettime(99, &rt);
	err = errno;
	expect("clock_gettime of an unknown clock fails with EINVAL",
	       r == -1 && err == EINVAL, "errno %d", err);
	other_clocks(t2);
}

static void identity(void)
{
	struct utsname u;
	struct sysinfo si;
	int r = uname(&u), err = errno;

	expect("uname succeeds with terminated fields",
	       r == 0 && memchr(u.sysname, 0, sizeof(u.sysname)) &&
	       memchr(u.release, 0, sizeof(u.release)) &&
	       memchr(u.machine, 0, sizeof(u.machine)), "errno %d", err);
	if (r == 0 && strcmp(u.sysname, "Linux") == 0)
		skip("uname says sysname Sprout", "this is Linux");
	else
		expect("uname says sysname Sprout",
		       r == 0 && strcmp(u.sysname, "Sprout") == 0,
		       "sysname \"%s\"", u.sysname);
	r = sysinfo(&si);
	expect("sysinfo: 0 < freeram <= totalram, mem_unit and procs set",
	       r == 0 && si.freeram > 0 && si.freeram <= si.totalram &&
	       si.mem_unit >= 1 && si.procs >= 1 && si.uptime >= 0,
	       "r %d free %lu total %lu unit %u procs %u", r, si.freeram,
	       si.totalram, si.mem_unit, si.procs);
	expect("getuid, geteuid, getgid, getegid are all 0 (root)",
	       getuid() == 0 && geteuid() == 0 && getgid() == 0 &&
	       getegid() == 0, "uid %d euid %d gid %d egid %d", getuid(),
	       geteuid(), getgid(), getegid());
	r = sched_yield();
	err = errno;
	expect("sched_yield returns 0", r == 0, "errno %d", err);
	expect("uname and sysinfo into a bad pointer are EFAULT",
	       uname((void *)0x1000) == -1 && errno == EFAULT &&
	       sysinfo((void *)0x1000) == -1 && errno == EFAULT, "errno %d",
	       errno);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	sleeping();
	long_sleep();
	monotonic();
	wall_clock();
	identity();
	return check_done();
}
