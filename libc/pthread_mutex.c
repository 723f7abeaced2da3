/*
 * Mutexes: lock.c's futex lock, plus, for the recursive and
 * error-checking kinds, the owner (its descriptor) and how many times
 * it holds the lock. A normal mutex relocked by its owner deadlocks, as
 * POSIX allows; an error-checking one says EDEADLK, and EPERM to an
 * unlock by a thread that does not hold it.
 */
#include <errno.h>
#include "pthread_impl.h"

int pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
	attr->type = PTHREAD_MUTEX_DEFAULT;
	return 0;
}

int pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
	(void)attr;
	return 0;
}

int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
	if (type < PTHREAD_MUTEX_NORMAL || type > PTHREAD_MUTEX_ERRORCHECK)
		return EINVAL;
	attr->type = type;
	return 0;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type)
{
	*type = attr->type;
	return 0;
}

int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{
	*m = (pthread_mutex_t){ 0, attr ? attr->type : PTHREAD_MUTEX_DEFAULT,
				NULL, 0 };
	return 0;
}

int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return m->lock ? EBUSY : 0;
}

/* Before taking the lock: does the caller hold it already? Then the
   answer (0 for a recursive mutex, counted), else -1: go and take it. */
static int held_by_me(pthread_mutex_t *m)
{
	if (m->type == PTHREAD_MUTEX_NORMAL || m->owner != __pthread_self())
		return -1;
	if (m->type == PTHREAD_MUTEX_ERRORCHECK)
		return EDEADLK;
	m->count++;
	return 0;
}

static int taken(pthread_mutex_t *m)
{
	m->owner = __pthread_self();
	m->count = 1;
	return 0;
}

int pthread_mutex_lock(pthread_mutex_t *m)
{
	int r = held_by_me(m);

	if (r >= 0)
		return r;
	__lock(&m->lock);
	return taken(m);
}

int pthread_mutex_trylock(pthread_mutex_t *m)
{
	int free = 0, r = held_by_me(m);

	if (r >= 0)
		return r == EDEADLK ? EBUSY : r;
	if (!__atomic_compare_exchange_n(&m->lock, &free, 1, false,
					 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return EBUSY;
	return taken(m);
}

int pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abstime)
{
	int free = 0, r = held_by_me(m);

	if (r >= 0)
		return r;
	if (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000)
		return EINVAL;
	if (!__atomic_compare_exchange_n(&m->lock, &free, 1, false,
					 __ATOMIC_ACQUIRE, __ATOMIC_RELAXED) &&
	    __lock_timed(&m->lock, abstime))
		return ETIMEDOUT;
	return taken(m);
}

int pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (m->type != PTHREAD_MUTEX_NORMAL) {
		if (m->owner != __pthread_self() || !m->lock)
			return EPERM;
		if (--m->count)
			return 0;       /* recursive, still held */
	}
	m->owner = NULL;
	__unlock(&m->lock);
	return 0;
}
