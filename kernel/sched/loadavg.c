/*
 * The load average, as uptime and /proc/loadavg show it: how many tasks
 * wanted the CPU (running, runnable, or asleep for the disk, as Linux
 * counts them), averaged over the last 1, 5 and 15 minutes.
 *
 * Every 5 seconds each average moves towards the count n of the moment:
 *
 *     load = load * e + n * (1 - e),     e = exp(-5 s / 1, 5 or 15 min)
 *
 * an exponentially decaying average, so older moments weigh less and
 * less. No floating point in the kernel: the numbers are fixed point
 * with 11 bits after the binary point (Linux's FSHIFT), e as 1884/2048,
 * 2014/2048 and 2037/2048.
 */
#include "sched/sched.h"

#define LOAD_FREQ (5 * HZ + 1)          /* Linux's: 5 s and a tick */

uint32_t avenrun[3];                    /* FIXED_1 is a load of 1.0 */
static const uint32_t load_exp[3] = { 1884, 2014, 2037 };

/* Tasks that want the CPU now; the idle task is not one of them. */
static uint32_t nr_active(void)
{
	struct task_struct *t;
	uint32_t n = 0;

	for_each_task(t)
		n += t->state == TASK_RUNNING ||
		     t->state == TASK_UNINTERRUPTIBLE;
	return n;
}

/* Rounded up while the load rises, so that it can reach n. */
static uint32_t decay(uint32_t load, uint32_t e, uint32_t active)
{
	uint32_t next = load * e + active * (FIXED_1 - e);

	if (active >= load)
		next += FIXED_1 - 1;
	return next / FIXED_1;
}

/* Called at every tick; works every LOAD_FREQ ticks. */
void calc_load(void)
{
	static uint32_t count = LOAD_FREQ;
	uint32_t active;

	if (--count > 0)
		return;
	count = LOAD_FREQ;
	active = nr_active() * FIXED_1;
	for (int i = 0; i < 3; i++)
		avenrun[i] = decay(avenrun[i], load_exp[i], active);
}
