/*
 * Wait queues: how a task sleeps until something happens (a disk transfer
 * ends, a child exits, a key is typed), and how the event wakes it.
 *
 * A queue is a list of entries, each naming one sleeping task:
 *
 *   wq.head -> [task A|next] -> [task B|next] -> NULL
 *
 * Usually a task waits for one thing, and the entry is the one in its
 * own task_struct (task->wait), which prepare_to_wait() links in. poll()
 * and select() wait for any of several things: the poller gets one entry
 * per queue (fs/select.c allocates them), so one task hangs on many
 * queues at once and a wake_up() on any of them wakes it:
 *
 *   pipe's read_wait: head -> [poller|next] -> [task B|next] -> NULL
 *   tty's read_wait:  head -> [poller|next] -> NULL
 *
 * The sleeper never just "sleeps once": it loops until its condition is
 * true, because a wake-up only means "look again". The pattern, which
 * wait_event() packages:
 *
 *   prepare_to_wait(&wq, state);   join the queue, mark myself asleep
 *   if (!condition) schedule();    an interrupt that makes the condition
 *                                  true in between marks me runnable
 *                                  again, so no wake-up is lost
 *   finish_wait(&wq);              leave the queue, mark myself running
 *
 * wake_up() may be called from interrupt handlers, so the lists are
 * changed with interrupts off.
 *
 * Most waits are never needed: the lock is free, the data is there. So
 * the wait_event macros test the condition once before touching the
 * queue, and wake_up() on an empty queue returns at once: uncontended,
 * a lock costs a test and a store (Linux does the same). An entry knows
 * the queue it is on, so prepare_to_wait() does not search the queue on
 * every turn of the loop.
 */
#ifndef _SCHED_WAIT_H
#define _SCHED_WAIT_H

#include "include/types.h"

struct task_struct;

struct wait_queue;

struct wait_queue_entry {
	struct task_struct *task;       /* who to wake */
	struct wait_queue_entry *next;
	struct wait_queue *queue;       /* the queue it is on (NULL: none) */
	/* Set by wake_up(): for poll(), which must look at its files while
	   runnable and so cannot count on the task state alone to see a
	   wake-up that came while it looked (fs/select.c). */
	bool woken;
};

struct wait_queue {
	struct wait_queue_entry *head;
};

/* Link entry e (whose task is set) into wq, or take it out again. */
void add_wait_queue(struct wait_queue *wq, struct wait_queue_entry *e);
void remove_wait_queue(struct wait_queue *wq, struct wait_queue_entry *e);

/* The usual case, with current's own entry (current->wait). */
void prepare_to_wait(struct wait_queue *wq, long state);
void finish_wait(struct wait_queue *wq);
void __wake_up(struct wait_queue *wq);

/* Wake every task on wq. Reading the head with interrupts on is safe:
   only tasks join queues, and no other task runs while this one does
   (one CPU, no preemption in the kernel). */
static inline void wake_up(struct wait_queue *wq)
{
	if (wq->head)
		__wake_up(wq);
}

/* Sleep until cond holds; signals do not interrupt the sleep. Each
   macro tests cond first and touches the queue only if it must wait:
   the fast path. */
#define wait_event(wq, cond) do { \
	if (!(cond)) { \
		for (;;) { \
			prepare_to_wait(&(wq), TASK_UNINTERRUPTIBLE); \
			if (cond) \
				break; \
			schedule(); \
		} \
		finish_wait(&(wq)); \
	} \
} while (0)

/* Sleep until cond holds (0) or a signal arrives (-ERESTARTSYS: the
   system call returns it, and on the way out it becomes EINTR or a
   restart of the call, see signal/deliver.c). */
#define wait_event_interruptible(wq, cond) ({ \
	int __ret = 0; \
	if (!(cond)) { \
		for (;;) { \
			prepare_to_wait(&(wq), TASK_INTERRUPTIBLE); \
			if (cond) \
				break; \
			if (signal_pending(current)) { \
				__ret = -ERESTARTSYS; \
				break; \
			} \
			schedule(); \
		} \
		finish_wait(&(wq)); \
	} \
	__ret; \
})

#endif
