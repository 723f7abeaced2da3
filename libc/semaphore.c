/*
 * Semaphores on a futex: the value is the futex word. sem_wait takes
 * one with an atomic compare-and-swap while it is above 0, else counts
 * itself a waiter and sleeps with FUTEX_WAIT(value, 0): a post between
 * its look and its sleep makes the value 1, and the kernel then does
 * not let it sleep. sem_post adds one and wakes one sleeper if any may
 * be there. A semaphore shared between processes (pshared, in a
 * MAP_SHARED page) uses the futex's shared form, found by the physical
 * page; the private form is found by address in this process.
 */
#include <errno.h>
#include <semaphore.h>
#include <stdbool.h>
#include "syscall.h"

static int futex_op(const sem_t *sem, int op)
{
	return sem->shared ? op : op | FUTEX_PRIVATE_FLAG;
}

int sem_init(sem_t *sem, int pshared, unsigned int value)
{
	if (value > SEM_VALUE_MAX) {
		errno = EINVAL;
		return -1;
	}
	*sem = (sem_t){ (int)value, 0, pshared != 0 };
	return 0;
}

int sem_destroy(sem_t *sem)
{
	(void)sem;
	return 0;
}

/* Take one if the value is above 0. */
static bool take(sem_t *sem)
{
	int v = sem->value;

	while (v > 0)
		if (__atomic_compare_exchange_n(&sem->value, &v, v - 1, false,
						__ATOMIC_ACQUIRE,
						__ATOMIC_RELAXED))
			return true;
	return false;
}

int sem_trywait(sem_t *sem)
{
	if (take(sem))
		return 0;
	errno = EAGAIN;
	return -1;
}

/* Until abstime on CLOCK_REALTIME (NULL: for ever). A signal ends the
   wait with EINTR, as POSIX says of sem_wait. */
int sem_timedwait(sem_t *sem, const struct timespec *abstime)
{
	while (!take(sem)) {
		long r;

		if (abstime && (abstime->tv_nsec < 0 ||
				abstime->tv_nsec >= 1000000000)) {
			errno = EINVAL;
			return -1;
		}
		__atomic_add_fetch(&sem->waiters, 1, __ATOMIC_SEQ_CST);
		r = __sys_futex((uint32_t *)&sem->value,
				futex_op(sem, FUTEX_WAIT_BITSET |
					 FUTEX_CLOCK_REALTIME),
				0, abstime, NULL, FUTEX_BITSET_MATCH_ANY);
		__atomic_sub_fetch(&sem->waiters, 1, __ATOMIC_SEQ_CST);
		if (r == -ETIMEDOUT || r == -EINTR) {
			errno = -r;
			return -1;
		}
	}
	return 0;
}

int sem_wait(sem_t *sem)
{
	return sem_timedwait(sem, NULL);
}

int sem_post(sem_t *sem)
{
	if (sem->value == SEM_VALUE_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	__atomic_add_fetch(&sem->value, 1, __ATOMIC_SEQ_CST);
	if (sem->waiters)
		__sys_futex((uint32_t *)&sem->value, futex_op(sem, FUTEX_WAKE),
			    1, NULL, NULL, 0);
	return 0;
}

int sem_getvalue(sem_t *sem, int *value)
{
	*value = sem->value;
	return 0;
}
