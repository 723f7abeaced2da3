/*
 * The time system calls: clock_gettime, clock_getres, gettimeofday, time,
 * nanosleep.
 * The clocks themselves (TSC, CMOS) are arch/'s: see kernel/arch/clock.c.
 */
#include "proc/proc.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/time.h>

static struct timespec ns_to_timespec(uint64_t ns)
{
	return (struct timespec){ (long)(ns / NSEC_PER_SEC),
				  (long)(ns % NSEC_PER_SEC) };
}

/*
 * The clocks: what each reads now, and how fine its steps are (*res, in
 * ns). One clock underneath the wall-clock ones: the coarse, raw and
 * boot-time variants Linux offers are the same here (nothing adjusts or
 * suspends it), and it counts in nanoseconds (the TSC). The CPU-time
 * clocks count the ticks charged to the process (resource.c), so they
 * step by 1/HZ, as Linux says of its tick-based clocks.
 */
static int read_clock(int clock, uint64_t *ns, uint64_t *res)
{
	*res = 1;
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = realtime_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = monotonic_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:   /* one thread per process */
		*res = NSEC_PER_SEC / HZ;
		*ns = (uint64_t)(current->utime + current->stime) * *res;
		return 0;
	default:
		return -EINVAL;
	}
}

static long put_clock(int err, uint64_t ns, struct timespec *uts)
{
	struct timespec ts = ns_to_timespec(ns);

	if (err)
		return err;
	return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
}

long sys_clock_gettime(int clock, struct timespec *uts)
{
	uint64_t ns, res;
	int err = read_clock(clock, &ns, &res);

	return put_clock(err, ns, uts);
}

/* A NULL res only asks whether the clock exists. */
long sys_clock_getres(int clock, struct timespec *ures)
{
	uint64_t ns, res;
	int err = read_clock(clock, &ns, &res);

	return ures ? put_clock(err, res, ures) : err;
}

long sys_gettimeofday(struct timeval *utv, struct timezone *utz)
{
	uint64_t ns = realtime_ns();
	struct timeval tv = { (long)(ns / NSEC_PER_SEC),
			      (long)(ns % NSEC_PER_SEC / 1000) };
	struct timezone tz = { 0, 0 };

	if (utv && copy_to_user(utv, &tv, sizeof(tv)))
		return -EFAULT;
	if (utz && copy_to_user(utz, &tz, sizeof(tz)))
		return -EFAULT;
	return 0;
}

long sys_time(time_t *utloc)
{
	uint32_t now = get_seconds();

	if (utloc && copy_to_user(utloc, &now, sizeof(now)))
		return -EFAULT;
	return now;
}

/* Sleep until monotonic time `deadline` (ns); a signal ends it early. */
static int sleep_until(uint64_t deadline)
{
	uint32_t ticks;

	while ((ticks = ticks_until(deadline))) {
		schedule_timeout(ticks);
		if (signal_pending(current))
			return -EINTR;
	}
	return 0;
}

/*
 * Sleep for *ureq (or, with TIMER_ABSTIME, until the clock reads *ureq):
 * every clock that can wait becomes a deadline on the monotonic one. A
 * signal ends the sleep early with EINTR, and a relative sleep then says
 * in *urem how much was left.
 */
static long do_nanosleep(int clock, int flags, const struct timespec *ureq,
			 struct timespec *urem)
{
	struct timespec req, rem;
	uint64_t now, res, deadline, want;
	int err;

	if (clock == CLOCK_PROCESS_CPUTIME_ID || clock == CLOCK_THREAD_CPUTIME_ID)
		return -EINVAL;         /* CPU-time sleeps: not yet */
	err = read_clock(clock, &now, &res);
	if (err)
		return err;
	if (copy_from_user(&req, ureq, sizeof(req)))
		return -EFAULT;
	if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	want = (uint64_t)req.tv_sec * NSEC_PER_SEC + (uint64_t)req.tv_nsec;
	if (flags & TIMER_ABSTIME)
		want = want > now ? want - now : 0;
	deadline = monotonic_ns() + want;
	if (sleep_until(deadline) == 0)
		return 0;
	rem = ns_to_timespec(deadline > monotonic_ns() ?
			     deadline - monotonic_ns() : 0);
	if (!(flags & TIMER_ABSTIME) && urem &&
	    copy_to_user(urem, &rem, sizeof(rem)))
		return -EFAULT;
	return -EINTR;
}

long sys_nanosleep(const struct timespec *ureq, struct timespec *urem)
{
	return do_nanosleep(CLOCK_MONOTONIC, 0, ureq, urem);
}

/* glibc's nanosleep and sleep call this one. */
long sys_clock_nanosleep(int clock, int flags, const struct timespec *ureq,
			 struct timespec *urem)
{
	return do_nanosleep(clock, flags, ureq, urem);
}
