/*
 * pthread_once: run fn exactly once, however many threads ask at the
 * same time. The once word goes 0 (not yet) -> 1 (running: the others
 * sleep on the word) -> 2 (done: every later call returns at once).
 */
#include <limits.h>
#include "pthread_impl.h"

#define ONCE_RUNNING 1
#define ONCE_DONE    2

int pthread_once(pthread_once_t *once, void (*fn)(void))
{
	volatile int *w = once;
	int state = 0;

	if (__atomic_load_n(w, __ATOMIC_ACQUIRE) == ONCE_DONE)
		return 0;
	if (__atomic_compare_exchange_n(w, &state, ONCE_RUNNING, false,
					__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		fn();
		__atomic_store_n(w, ONCE_DONE, __ATOMIC_RELEASE);
		__futex_wake(w, INT_MAX);
		return 0;
	}
	while ((state = __atomic_load_n(w, __ATOMIC_ACQUIRE)) == ONCE_RUNNING)
		__futex_wait(w, ONCE_RUNNING, NULL, CLOCK_MONOTONIC);
	return 0;
}
