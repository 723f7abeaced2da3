/*
 * Wait queues: joining one, leaving it, and waking everyone on it. The
 * sleeping side's loop is wait_event() in wait.h, which explains why a
 * wake-up means only "look again", and draws the entries.
 */
#include "sched/sched.h"
#include "arch/arch.h"

static bool on_queue(struct wait_queue *wq, struct wait_queue_entry *e)
{
	struct wait_queue_entry *p;

	for (p = wq->head; p && p != e; p = p->next)
		;
	return p != NULL;
}

void add_wait_queue(struct wait_queue *wq, struct wait_queue_entry *e)
{
	uint32_t flags = irq_save();

	e->next = wq->head;
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
	irq_restore(flags);
}

/* A wait_event() loop calls this on every turn: current's entry goes in
   on the first only. */
void prepare_to_wait(struct wait_queue *wq, long state)
{
	uint32_t flags = irq_save();

	if (!on_queue(wq, &current->wait))
		add_wait_queue(wq, &current->wait);
	current->state = state;
	irq_restore(flags);
}

void finish_wait(struct wait_queue *wq)
{
	current->state = TASK_RUNNING;
	remove_wait_queue(wq, &current->wait);
}

void wake_up(struct wait_queue *wq)
{
	uint32_t flags = irq_save();

	for (struct wait_queue_entry *e = wq->head; e; e = e->next) {
		e->woken = true;
		wake_up_process(e->task);
	}
	irq_restore(flags);
}
