/*
 * Wait queues: joining one, leaving it, and waking everyone on it. The
 * sleeping side's loop is wait_event() in wait.h, which explains why a
 * wake-up means only "look again".
 */
#include "sched/sched.h"
#include "arch/arch.h"

void prepare_to_wait(struct wait_queue *wq, long state)
{
	uint32_t flags = irq_save();
	struct task_struct *t;

	for (t = wq->head; t && t != current; t = t->wait_next)
		;
	if (!t) {
		current->wait_next = wq->head;
		wq->head = current;
	}
	current->state = state;
	irq_restore(flags);
}

void finish_wait(struct wait_queue *wq)
{
	uint32_t flags = irq_save();
	struct task_struct **pp = &wq->head;

	current->state = TASK_RUNNING;
	while (*pp && *pp != current)
		pp = &(*pp)->wait_next;
	if (*pp)
		*pp = current->wait_next;
	current->wait_next = NULL;
	irq_restore(flags);
}

void wake_up(struct wait_queue *wq)
{
	uint32_t flags = irq_save();

	for (struct task_struct *t = wq->head; t; t = t->wait_next)
		wake_up_process(t);
	irq_restore(flags);
}
