/*
 * A sleeping mutex: one owner at a time, the others sleep on a wait queue
 * (not spin: the owner may itself sleep for the disk, and the kernel is
 * not preemptive, so "test then take" cannot be interrupted by another
 * task). Never used from interrupt handlers. Uncontended, taking and
 * releasing one is a test and a store each way: wait_event() tests first,
 * wake_up() returns at once when no one waits (wait.h).
 */
#ifndef _SCHED_MUTEX_H
#define _SCHED_MUTEX_H

#include "sched/sched.h"

struct mutex {
	bool locked;
	struct wait_queue wait;
};

static inline void mutex_lock(struct mutex *m)
{
	wait_event(m->wait, !m->locked);
	m->locked = true;
}

static inline void mutex_unlock(struct mutex *m)
{
	m->locked = false;
	wake_up(&m->wait);
}

#endif
