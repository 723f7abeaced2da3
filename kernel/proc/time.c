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

/* clock_gettime and clock_getres, in either layout. A NULL buffer for
   the resolution only asks whether the clock exists. */
static long get_clock(int clock, void *ubuf, bool resolution, bool time64)
{
	uint64_t ns = 0, res = 0;     /* read_clock fills them unless it fails */
	int err = read_clock(clock, &ns, &res);

	if (err || (resolution && !ubuf))
		return err;
	return put_user_timespec(ubuf, time64, resolution ? res : ns);
}

long sys_clock_gettime(int clock, struct timespec *uts)
{
	return get_clock(clock, uts, false, false);
}

long sys_clock_getres(int clock, struct timespec *ures)
{
	return get_clock(clock, ures, true, false);
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
 * Sleep for *req (or, with TIMER_ABSTIME, until the clock reads that): every clock that can wait becomes a deadline on the monotonic
 * one. A signal ends the sleep early with EINTR, *left saying how many
 * ns were still to go; a relative sleep hands that back (remains()).
 */
static long sleep_for(int clock, int flags, const struct __kernel_timespec *req,
		      uint64_t *left)
{
	uint64_t now, res, deadline, want;
	int err;

	if (clock == CLOCK_PROCESS_CPUTIME_ID || clock == CLOCK_THREAD_CPUTIME_ID)
		return -EINVAL;         /* CPU-time sleeps: not yet */
	err = read_clock(clock, &now, &res);
	if (err)
		return err;
	if (!timespec_valid(req))
		return -EINVAL;
	want = timespec_ns(req);
	if (flags & TIMER_ABSTIME)
		want = want > now ? want - now : 0;
	deadline = monotonic_ns() + want;
	if (sleep_until(deadline) == 0)
		return 0;
	now = monotonic_ns();
	*left = deadline > now ? deadline - now : 0;
	return -EINTR;
}

/* Is there a remainder to copy out to urem after sleep_for's err? */
static bool remains(long err, int flags, const void *urem)
{
	return err == -EINTR && !(flags & TIMER_ABSTIME) && urem;
}

static long do_nanosleep(int clock, int flags, const void *ureq, void *urem,
			 bool time64)
{
	struct __kernel_timespec req;
	uint64_t left;
	long err;

	if (get_user_timespec(ureq, time64, &req))
		return -EFAULT;
	err = sleep_for(clock, flags, &req, &left);
	if (!remains(err, flags, urem))
		return err;
	return put_user_timespec(urem, time64, left) ? -EFAULT : err;
}

long sys_nanosleep(const struct timespec *ureq, struct timespec *urem)
{
	return do_nanosleep(CLOCK_MONOTONIC, 0, ureq, urem, false);
}

/* glibc's nanosleep and sleep call this one. */
long sys_clock_nanosleep(int clock, int flags, const struct timespec *ureq,
			 struct timespec *urem)
{
	return do_nanosleep(clock, flags, ureq, urem, false);
}

/* The time64 calls: the same, with 64-bit seconds. glibc tries these
   first and falls back to the 32-bit ones on ENOSYS. */
long sys_clock_gettime64(int clock, struct __kernel_timespec *uts)
{
	return get_clock(clock, uts, false, true);
}

long sys_clock_getres_time64(int clock, struct __kernel_timespec *ures)
{
	return get_clock(clock, ures, true, true);
}

long sys_clock_nanosleep_time64(int clock, int flags,
				const struct __kernel_timespec *ureq,
				struct __kernel_timespec *urem)
{
	return do_nanosleep(clock, flags, ureq, urem, true);
}
