/*
 * lock.c: the futex lock that libc's own locks (malloc's, each FILE's)
 * and pthread mutexes are made of. The word: 0 free, 1 held, 2 held and
 * someone may sleep on it.
 */
#ifndef _LIBC_LOCK_H
#define _LIBC_LOCK_H

#include <time.h>

void __lock(volatile int *l);
void __lock_contended(volatile int *l);    /* take it, marking it 2 */
int __lock_timed(volatile int *l, const struct timespec *abstime);
void __unlock(volatile int *l);

/* futex(2) on one of our words: private to this process. */
int __futex_wait(volatile int *word, int val, const struct timespec *abstime,
		 clockid_t clock);          /* 0, -EAGAIN, -ETIMEDOUT, -EINTR */
int __futex_wake(volatile int *word, int nr);

#endif
