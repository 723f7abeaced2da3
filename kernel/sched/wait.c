/*
 * Wait queues: joining one, leaving it, and waking everyone on it. The
 * sleeping side's loop is wait_event() in wait.h, which explains why a
 * wake-up means only "look again", and draws the entries.
 */
#include "sched/sched.h"
#include "arch/arch.h"

void add_wait_queue(struct wait_queue *wq, struct wait_queue_entry *e)
{
	uint32_t flags = irq_save();

	e->next = wq->head;
	e->queue = wq;
	wq->head = e;
	irq_restore(flags);
}

void remove_wait_queue(struct wait_queue *wq, struct wait_queue_entry *e)
{
	uint32_t flags = irq_save();
	struct wait_queue_entry **pp = &wq->head;

	while (*pp && *pp != e)
		pp = &(*pp)->next;
	if (*pp)
		*pp = e->next;
	e->next = NULL;
	e->queue = NULL;
	irq_restore(flags);
}

/* A wait_event() loop calls this on every turn: current's entry goes in
   on the first only, which the entry's queue field tells at once. */
void prepare_to_wait(struct wait_queue *wq, long state)
{
	uint32_t flags = irq_save();

	if (current->wait.queue != wq)
		add_wait_queue(wq, &current->wait);
	current->state = state;
	irq_restore(flags);
}

void finish_wait(struct wait_queue *wq)
{
	current->state = TASK_RUNNING;
	remove_wait_queue(wq, &current->wait);
}

/* wake_up(), once it has seen someone on the queue (wait.h). */
void __wake_up(struct wait_queue *wq)
{
	uint32_t flags = irq_save();

	for (struct wait_queue_entry *e = wq->head; e; e = e->next) {
		e->woken = true;
		try_to_wake_up(e->task);        /* interrupts are off */
	}
	irq_restore(flags);
}
