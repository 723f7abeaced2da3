/*
 * The clocks. The PIT ticks HZ times a second (timer.c), too coarsely to
 * time a system call, so fine time comes from the CPU's time-stamp
 * counter (TSC), which counts cycles. At boot we count how many cycles
 * pass in 2 ms of the PIT's channel 2 (the one wired to the PC speaker
 * gate), several times, and keep the fewest; from then on
 *
 *     nanoseconds since boot = (rdtsc() - tsc_at_boot) / cycles per ns
 *
 * Wall-clock time is the battery-backed CMOS clock (cmos.c) read once at
 * boot, plus the time since.
 */
#include "arch/clock.h"
#include "arch/arch.h"

#define CALIBRATE_MS  2
#define CALIBRATE_TRIES 25
#define PIT_CH2       0x42
#define PIT_CMD       0x43
#define PIT_CH2_ONESHOT 0xB0    /* channel 2, lo/hi byte, mode 0 */
#define SPEAKER_PORT  0x61      /* bit 0: channel 2 gate, bit 1: speaker */
#define SPEAKER_GATE  0x01
#define SPEAKER_ON    0x02
#define PIT_CH2_OUT   0x20      /* bit 5: channel 2's output */

static uint64_t tsc_hz, tsc_at_boot;
static uint32_t boot_seconds;           /* Unix time at tsc_at_boot */

/* The cycles in one CALIBRATE_MS count-down of channel 2. */
static uint64_t cycles_in_window(void)
{
	uint16_t count = PIT_HZ * CALIBRATE_MS / 1000;
	uint64_t t0;

	outb(SPEAKER_PORT, (inb(SPEAKER_PORT) & ~SPEAKER_ON) | SPEAKER_GATE);
	outb(PIT_CMD, PIT_CH2_ONESHOT);
	outb(PIT_CH2, count & 0xFF);
	outb(PIT_CH2, count >> 8);
	t0 = rdtsc();
	while (!(inb(SPEAKER_PORT) & PIT_CH2_OUT))      /* rises at zero */
		;
	return rdtsc() - t0;
}

/*
 * Under an emulator the CPU itself can be paused mid-window (the host
 * runs something else) while the PIT, which follows the host's clock,
 * counts on: that window holds too many cycles, and the clock would run
 * slow ever after (on a busy host it once said 3935 MHz, not 2650). A
 * pause can only add cycles, so the fewest of several short windows is
 * the truest.
 */
static uint64_t measure_tsc_hz(void)
{
	uint64_t fewest = cycles_in_window(), cycles;

	for (int i = 1; i < CALIBRATE_TRIES; i++)
		if ((cycles = cycles_in_window()) < fewest)
			fewest = cycles;
	return fewest * (1000 / CALIBRATE_MS);
}

void clock_init(void)
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

uint64_t realtime_ns(void)
{
	return monotonic_ns() + (uint64_t)boot_seconds * NSEC_PER_SEC;
}

uint32_t get_seconds(void)
{
	return boot_seconds + (uint32_t)(monotonic_ns() / NSEC_PER_SEC);
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
