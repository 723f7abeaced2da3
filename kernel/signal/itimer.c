/*
 * alarm(), setitimer() and getitimer(): SIGALRM after a while, once or
 * at every interval after that.
 *
 * Each process has one such timer, ITIMER_REAL. Its time is kept on the
 * monotonic clock, in nanoseconds; a kernel timer (sched/timer_list.h)
 * is armed for the tick at or after it, and its function, run from the
 * timer interrupt, sends SIGALRM and arms itself for the next interval.
 * The ticks only wake it: under an emulator they can run ahead of the
 * clock, so the function looks at the clock and, if it is early, waits
 * some more (as sleepers do, see ticks_until()). A timer never fires
 * early. alarm(s) is setitimer(ITIMER_REAL) with s seconds, no interval.
 *
 * ITIMER_VIRTUAL and ITIMER_PROF (user or all CPU time) are not in
 * Sprout: EINVAL. The timer survives exec, is not inherited by fork, and
 * is stopped at exit.
 */
#include "signal/action.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/time.h>

#define NSEC_PER_USEC 1000ULL

/* Arm the kernel timer for the tick that ends t's wait. */
static void arm(struct task_struct *t)
{
	mod_timer(&t->real_timer, jiffies + ticks_until(t->it_real_expires));
}

static void it_real_fn(struct timer_list *timer)
{
	struct task_struct *t = container_of(timer, struct task_struct,
					     real_timer);
	uint64_t now = monotonic_ns();

	if (now < t->it_real_expires) {         /* the ticks ran ahead */
		arm(t);
		return;
	}
	send_sig(t, SIGALRM);
	if (!t->it_real_incr)
		return;
	/* The next period; any that passed meanwhile are skipped, as
	   standard signals do not queue anyway. One division, not a loop:
	   a 1 us interval must not cost thousands of steps per tick. */
	t->it_real_expires += ((now - t->it_real_expires) / t->it_real_incr + 1)
			      * t->it_real_incr;
	arm(t);
}

void init_itimer(struct task_struct *t)
{
	timer_setup(&t->real_timer, it_real_fn);
	t->it_real_incr = 0;
}

void exit_itimers(struct task_struct *t)
{
	del_timer(&t->real_timer);
}

static bool valid_timeval(const struct timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < 1000000;
}

static uint64_t timeval_to_ns(const struct timeval *tv)
{
	return tv->tv_sec * NSEC_PER_SEC + tv->tv_usec * NSEC_PER_USEC;
}

/* Rounded up to the microsecond: a timer still armed never reads 0. */
static struct timeval ns_to_timeval(uint64_t ns)
{
	uint64_t us = (ns + NSEC_PER_USEC - 1) / NSEC_PER_USEC;

	return (struct timeval){ us / 1000000, us % 1000000 };
}

/* The timer now: the time left (0: not armed) and the interval. */
static struct itimerval get_real_timer(void)
{
	struct task_struct *me = current;
	uint32_t flags = irq_save();    /* the timer's function changes these */
	uint64_t now = monotonic_ns();
	struct itimerval v = { .it_interval = ns_to_timeval(me->it_real_incr) };

	if (me->real_timer.pending)
		v.it_value = ns_to_timeval(me->it_real_expires > now ?
					   me->it_real_expires - now : 1);
	irq_restore(flags);
	return v;
}

/* Arm (a non-zero it_value) or disarm the timer; *old gets what it was. */
static void set_real_timer(const struct itimerval *new, struct itimerval *old)
{
	struct task_struct *me = current;
	uint64_t value = timeval_to_ns(&new->it_value);
	uint32_t flags = irq_save();

	*old = get_real_timer();
	del_timer(&me->real_timer);
	me->it_real_incr = timeval_to_ns(&new->it_interval);
	if (value) {
		me->it_real_expires = monotonic_ns() + value;
		arm(me);
	}
	irq_restore(flags);
}

long sys_setitimer(int which, const struct itimerval *unew,
		   struct itimerval *uold)
{
	struct itimerval new = { 0 }, old;

	/* A NULL new value disarms the timer, as Linux allows. */
	if (unew && copy_from_user(&new, unew, sizeof(new)))
		return -EFAULT;
	if (which != ITIMER_REAL)
		return -EINVAL;
	if (!valid_timeval(&new.it_value) || !valid_timeval(&new.it_interval))
		return -EINVAL;
	set_real_timer(&new, &old);
	if (uold && copy_to_user(uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_getitimer(int which, struct itimerval *uval)
{
	struct itimerval v;

	if (which != ITIMER_REAL)
		return -EINVAL;
	v = get_real_timer();
	if (copy_to_user(uval, &v, sizeof(v)))
		return -EFAULT;
	return 0;
}

/* alarm(s): SIGALRM in s seconds (0: cancel). Returns the seconds the
   previous alarm had left, rounded to the nearest, but never 0 for an
   alarm still pending (Linux's rule). */
long sys_alarm(unsigned int seconds)
{
	struct itimerval new = {
		.it_value = { seconds <= INT32_MAX ? seconds : INT32_MAX, 0 },
	}, old;
	struct timeval *left = &old.it_value;

	set_real_timer(&new, &old);
	if ((left->tv_sec == 0 && left->tv_usec) || left->tv_usec >= 500000)
		left->tv_sec++;
	return left->tv_sec;
}
