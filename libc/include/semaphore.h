/*
 * POSIX unnamed semaphores: a counter that sem_wait takes one from,
 * sleeping while it is 0, and sem_post gives one back to (the
 * lecture's P and V). A futex word underneath (libc/semaphore.c).
 */
#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

#include <limits.h>             /* SEM_VALUE_MAX, where POSIX puts it */
#include <time.h>

typedef struct {
	volatile int value;
	volatile int waiters;           /* asleep in sem_wait */
	int shared;                     /* pshared: between processes */
} sem_t;

int sem_init(sem_t *sem, int pshared, unsigned int value);
int sem_destroy(sem_t *sem);
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_timedwait(sem_t *sem, const struct timespec *abstime);
int sem_post(sem_t *sem);
int sem_getvalue(sem_t *sem, int *value);

#endif
