/*
 * Time. The PIT ticks HZ times a second, too coarsely to time a system
 * call, so fine time comes from the CPU's time-stamp counter (TSC), which
 * counts cycles. At boot we count how many cycles pass in 10 ms of the
 * PIT's channel 2 (the one wired to the PC speaker gate); from then on
 *
 *     nanoseconds since boot = (rdtsc() - tsc_at_boot) / cycles per ns
 *
 * Wall-clock time is the battery-backed CMOS clock read once at boot,
 * plus the time since.
 */
#include "proc/time.h"
#include "proc/sched.h"
#include "mm/uaccess.h"
#include "arch/io.h"
#include "arch/timer.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/time.h>

#define NSEC_PER_SEC 1000000000ULL
#define PIT_FREQ     1193182
#define CALIBRATE_MS 10

static uint64_t tsc_hz, tsc_at_boot;
static uint32_t boot_seconds;           /* Unix time at tsc_at_boot */

static uint64_t measure_tsc_hz(void)
{
	uint16_t count = PIT_FREQ * CALIBRATE_MS / 1000;
	uint64_t t0, t1;

	outb(0x61, (inb(0x61) & ~0x02) | 0x01);  /* gate on, speaker off */
	outb(0x43, 0xB0);                       /* channel 2, mode 0 */
	outb(0x42, count & 0xFF);
	outb(0x42, count >> 8);
	t0 = rdtsc();
	while (!(inb(0x61) & 0x20))             /* OUT2 rises at zero */
		;
	t1 = rdtsc();
	return (t1 - t0) * (1000 / CALIBRATE_MS);
}

static uint8_t cmos(uint8_t reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static uint32_t bcd(uint8_t v, bool is_bcd)
{
	return is_bcd ? (v >> 4) * 10 + (v & 0xF) : v;
}

/* Days from 1970-01-01 to y-m-d (civil calendar, m 1..12). */
static uint32_t days_since_epoch(uint32_t y, uint32_t m, uint32_t d)
{
	static const uint16_t before[12] = { 0, 31, 59, 90, 120, 151, 181,
					     212, 243, 273, 304, 334 };
	uint32_t leaps = (y - 1969) / 4 - (y - 1901) / 100 + (y - 1601) / 400;

	if (m > 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		leaps++;
	return (y - 1970) * 365 + leaps + before[m - 1] + d - 1;
}

static uint32_t read_rtc(void)
{
	while (cmos(0x0A) & 0x80)               /* update in progress */
		;
	bool is_bcd = !(cmos(0x0B) & 0x04);
	uint32_t s = bcd(cmos(0x00), is_bcd), mi = bcd(cmos(0x02), is_bcd);
	uint32_t h = bcd(cmos(0x04), is_bcd), d = bcd(cmos(0x07), is_bcd);
	uint32_t mo = bcd(cmos(0x08), is_bcd), y = bcd(cmos(0x09), is_bcd);

	y += y < 70 ? 2000 : 1900;
	return days_since_epoch(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

void time_init(void)
{
	tsc_hz = measure_tsc_hz();
	boot_seconds = read_rtc();
	tsc_at_boot = rdtsc();
}

uint32_t tsc_mhz(void)
{
	return (uint32_t)(tsc_hz / 1000000);
}

uint64_t monotonic_ns(void)
{
	uint64_t cycles = rdtsc() - tsc_at_boot;

	/* Split so that cycles * 1e9 cannot overflow 64 bits. */
	return cycles / tsc_hz * NSEC_PER_SEC +
	       cycles % tsc_hz * NSEC_PER_SEC / tsc_hz;
}

uint32_t get_seconds(void)
{
	return boot_seconds + (uint32_t)(monotonic_ns() / NSEC_PER_SEC);
}

static struct timespec ns_to_timespec(uint64_t ns)
{
	return (struct timespec){ (long)(ns / NSEC_PER_SEC),
				  (long)(ns % NSEC_PER_SEC) };
}

long sys_clock_gettime(int clock, struct timespec *uts)
{
	uint64_t ns = monotonic_ns();
	struct timespec ts;

	/* One clock underneath: the coarse, raw and boot-time variants
	   Linux offers are the same here (nothing adjusts or suspends it). */
	switch (clock) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		ns += (uint64_t)boot_seconds * NSEC_PER_SEC;
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		break;
	default:
		return -EINVAL;
	}
	ts = ns_to_timespec(ns);
	return copy_to_user(uts, &ts, sizeof(ts));
}

long sys_gettimeofday(struct timeval *utv, struct timezone *utz)
{
	uint64_t ns = monotonic_ns() + (uint64_t)boot_seconds * NSEC_PER_SEC;
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

/* The most ticks one timeout may wait: timeouts are compared as signed
   32-bit differences (half the jiffies circle); a longer sleep wakes
   after this many and sleeps again. */
#define MAX_SLEEP_TICKS 0x3FFFFFFFu

/*
 * How many ticks to sleep to reach monotonic time `deadline` (ns). Time
 * limits are kept in nanoseconds of the TSC clock and only turned into
 * ticks for the scheduler: under an emulator the timer interrupts can
 * fall behind and then arrive in a burst, so a limit counted in ticks
 * could end early or late. A sleeper that wakes checks the clock again.
 */
uint32_t ticks_until(uint64_t deadline)
{
	uint64_t now = monotonic_ns(), ticks;

	if (now >= deadline)
		return 0;
	ticks = (deadline - now) / (NSEC_PER_SEC / HZ) + 1;
	return ticks < MAX_SLEEP_TICKS ? (uint32_t)ticks : MAX_SLEEP_TICKS;
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

long sys_nanosleep(const struct timespec *ureq, struct timespec *urem)
{
	struct timespec req, rem;
	uint64_t deadline;

	if (copy_from_user(&req, ureq, sizeof(req)))
		return -EFAULT;
	if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= (long)NSEC_PER_SEC)
		return -EINVAL;
	deadline = monotonic_ns() + (uint64_t)req.tv_sec * NSEC_PER_SEC +
		   (uint64_t)req.tv_nsec;
	if (sleep_until(deadline) == 0)
		return 0;
	rem = ns_to_timespec(deadline > monotonic_ns() ?
			     deadline - monotonic_ns() : 0);
	if (urem && copy_to_user(urem, &rem, sizeof(rem)))
		return -EFAULT;
	return -EINTR;
}
