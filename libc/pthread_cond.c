/*
 * Condition variables. The variable is a futex word, seq, that every
 * signal and broadcast changes. A waiter reads seq while it still holds
 * the mutex, lets go of the mutex, and sleeps with FUTEX_WAIT(seq): if a
 * signal came in between, seq has changed and the kernel does not let it
 * sleep (EAGAIN). So no wake-up is lost between unlocking and sleeping,
 * the classic race a condition variable exists to close.
 *
 * signal wakes one sleeper. broadcast wakes one and, with
 * FUTEX_CMP_REQUEUE, moves the others from seq onto the mutex's word:
 * they would only fight over the mutex, so they sleep on it instead and
 * the mutex's unlocks wake them one at a time. Since sleepers may now
 * be on the mutex, a waiter takes it back marked "2: with sleepers"
 * (__lock_contended), so that its unlock wakes the next.
 *
 * A waiter may also wake for no reason (a signal at the wrong moment):
 * POSIX allows that, and callers loop on their predicate.
 */
#include <errno.h>
#include <limits.h>
#include "pthread_impl.h"
#include "syscall.h"

int pthread_condattr_init(pthread_condattr_t *attr)
{
	attr->clock = CLOCK_REALTIME;
	return 0;
}

int pthread_condattr_destroy(pthread_condattr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return EINVAL;
	attr->clock = clock;
	return 0;
}

int pthread_condattr_getclock(const pthread_condattr_t *attr, clockid_t *clock)
{
	*clock = attr->clock;
	return 0;
}

int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{
	*c = (pthread_cond_t){ 0, NULL, attr ? attr->clock : CLOCK_REALTIME };
	return 0;
}

int pthread_cond_destroy(pthread_cond_t *c)
{
	(void)c;
	return 0;
}

int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
			   const struct timespec *abstime)
{
	int seq = c->seq, count = m->count, r;

	if (abstime && (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000))
		return EINVAL;
	if (m->type != PTHREAD_MUTEX_NORMAL && m->owner != __pthread_self())
		return EPERM;
	c->mutex = m;
	m->owner = NULL;
	__unlock(&m->lock);
	r = __futex_wait(&c->seq, seq, abstime, c->clock);
	__lock_contended(&m->lock);
	m->owner = __pthread_self();
	m->count = count;
	return r == -ETIMEDOUT ? ETIMEDOUT : 0;
}

int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	return pthread_cond_timedwait(c, m, NULL);
}

int pthread_cond_signal(pthread_cond_t *c)
{
	__atomic_add_fetch(&c->seq, 1, __ATOMIC_SEQ_CST);
	__futex_wake(&c->seq, 1);
	return 0;
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	int seq = __atomic_add_fetch(&c->seq, 1, __ATOMIC_SEQ_CST);

	if (!c->mutex)                  /* nobody ever waited */
		return 0;
	/* If seq changed again meanwhile, the kernel refuses (EAGAIN):
	   then simply wake them all. */
	if (__sys_futex((uint32_t *)&c->seq,
			FUTEX_CMP_REQUEUE | FUTEX_PRIVATE_FLAG, 1,
			(const struct timespec *)INT_MAX,
			(uint32_t *)&c->mutex->lock, (uint32_t)seq) < 0)
		__futex_wake(&c->seq, INT_MAX);
	return 0;
}
