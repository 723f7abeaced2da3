/*
 * The futex lock, from which libc's mutexes, stdio's and malloc's locks
 * are made (U. Drepper, "Futexes Are Tricky", mutex 3). The lock is one
 * word:
 *
 *   0  free
 *   1  held, nobody waiting: unlocking needs no system call
 *   2  held, and someone may be asleep in the kernel on the word
 *
 * Taking a free lock is one atomic compare-and-swap, 0 -> 1, in user
 * space. A thread that finds it held sets it to 2 and sleeps with
 * FUTEX_WAIT(2): the kernel sleeps it only if the word still is 2, so a
 * release between our look and our sleep is never missed. The holder's
 * release swaps in 0; if the old value was 2, it wakes one sleeper,
 * which then takes the lock as 2 (others may still be sleeping).
 */
#include <errno.h>
#include "pthread_impl.h"
#include "syscall.h"

int __futex_wait(volatile int *word, int val, const struct timespec *abstime,
		 clockid_t clock)
{
	int op = FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG;

	if (clock == CLOCK_REALTIME)
		op |= FUTEX_CLOCK_REALTIME;
	return __sys_futex((uint32_t *)word, op, (uint32_t)val, abstime, NULL,
			   FUTEX_BITSET_MATCH_ANY);
}

int __futex_wake(volatile int *word, int nr)
{
	return __sys_futex((uint32_t *)word, FUTEX_WAKE_PRIVATE, (uint32_t)nr,
			   NULL, NULL, 0);
}

static int swap(volatile int *l, int v)
{
	return __atomic_exchange_n(l, v, __ATOMIC_ACQUIRE);
}

/* Until abstime (CLOCK_REALTIME; NULL: forever): 0 or ETIMEDOUT. */
int __lock_timed(volatile int *l, const struct timespec *abstime)
{
	while (swap(l, 2) != 0)
		if (__futex_wait(l, 2, abstime, CLOCK_REALTIME) == -ETIMEDOUT)
			return ETIMEDOUT;
	return 0;
}

void __lock_contended(volatile int *l)
{
	__lock_timed(l, NULL);
}

void __lock(volatile int *l)
{
	int free = 0;

	if (!__atomic_compare_exchange_n(l, &free, 1, false, __ATOMIC_ACQUIRE,
					 __ATOMIC_RELAXED))
		__lock_contended(l);
}

void __unlock(volatile int *l)
{
	if (__atomic_exchange_n(l, 0, __ATOMIC_RELEASE) == 2)
		__futex_wake(l, 1);
}
