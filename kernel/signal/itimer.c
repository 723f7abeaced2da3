/*
 * alarm(), setitimer() and getitimer(): SIGALRM after a while, once or
 * at every interval after that.
 *
 * Each process has one such timer, ITIMER_REAL: a kernel timer
 * (sched/timer_list.h) whose function, run from the timer interrupt,
 * sends SIGALRM and arms itself again for the next interval. alarm(s) is
 * setitimer(ITIMER_REAL) with s seconds and no interval. ITIMER_VIRTUAL
 * and ITIMER_PROF (user or all CPU time) are not in Sprout: EINVAL.
 *
 * Times are counted in ticks (HZ = 100, 10 ms), rounded up, so a timer
 * never fires early; the longest is about 124 days. The timer survives
 * exec, is not inherited by fork, and is stopped at exit.
 */
#include "signal/action.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include <sprout/errno.h>
#include <sprout/time.h>

#define USEC_PER_TICK (1000000 / HZ)
#define MAX_SECONDS   (0x3fffffff / HZ)    /* jiffies compare as int32 */

static void it_real_fn(struct timer_list *timer)
{
	struct task_struct *t = container_of(timer, struct task_struct,
					     real_timer);

	send_sig(t, SIGALRM);
	if (t->it_real_incr)
		mod_timer(timer, jiffies + t->it_real_incr);
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

static uint32_t timeval_to_ticks(const struct timeval *tv)
{
	if (tv->tv_sec >= MAX_SECONDS)
		return MAX_SECONDS * HZ;
	return tv->tv_sec * HZ + (tv->tv_usec + USEC_PER_TICK - 1) / USEC_PER_TICK;
}

static struct timeval ticks_to_timeval(uint32_t ticks)
{
	return (struct timeval){ ticks / HZ, ticks % HZ * USEC_PER_TICK };
}

/* The timer now: the time left (0: not armed) and the interval. */
static struct itimerval get_real_timer(void)
{
	struct task_struct *me = current;
	uint32_t flags = irq_save();
	struct itimerval v = {
		.it_interval = ticks_to_timeval(me->it_real_incr),
	};
	int32_t left = me->real_timer.expires - jiffies;

	if (me->real_timer.pending)
		v.it_value = ticks_to_timeval(left > 0 ? left : 1);
	irq_restore(flags);
	return v;
}

/* Arm (a non-zero it_value) or disarm the timer; *old gets what it was. */
static void set_real_timer(const struct itimerval *new, struct itimerval *old)
{
	struct task_struct *me = current;
	uint32_t value = timeval_to_ticks(&new->it_value);
	uint32_t flags = irq_save();    /* the timer's function reads these */

	*old = get_real_timer();
	del_timer(&me->real_timer);
	me->it_real_incr = timeval_to_ticks(&new->it_interval);
	if (value)
		mod_timer(&me->real_timer, jiffies + value);
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
		.it_value = { seconds < MAX_SECONDS ? seconds : MAX_SECONDS, 0 },
	}, old;
	struct timeval *left = &old.it_value;

	set_real_timer(&new, &old);
	if ((left->tv_sec == 0 && left->tv_usec) || left->tv_usec >= 500000)
		left->tv_sec++;
	return left->tv_sec;
}
