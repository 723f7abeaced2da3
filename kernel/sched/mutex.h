/*
 * A sleeping mutex: one owner at a time, the others sleep on a wait queue
 * (not spin: the owner may itself sleep for the disk, and the kernel is
 * not preemptive, so "test then take" cannot be interrupted by another
 * task). Never used from interrupt handlers.
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
