/*
 * Kernel timers (see timer_list.h). Few are ever armed at once (one per
 * process with an alarm at most), so they sit on one unsorted list that
 * every tick walks; Linux sorts them into a timer wheel to cope with
 * thousands.
 */
#include "sched/sched.h"
#include "arch/arch.h"

static struct timer_list *timers;

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *))
{
	*t = (struct timer_list){ .function = fn };
}

static void unlink_timer(struct timer_list *t)
{
	struct timer_list **pp = &timers;

	while (*pp != t)
		pp = &(*pp)->next;
	*pp = t->next;
	t->pending = false;
}

void mod_timer(struct timer_list *t, uint32_t expires)
{
	uint32_t flags = irq_save();

	if (!t->pending) {
		t->next = timers;
		timers = t;
		t->pending = true;
	}
	t->expires = expires;
	irq_restore(flags);
}

void del_timer(struct timer_list *t)
{
	uint32_t flags = irq_save();

	if (t->pending)
		unlink_timer(t);
	irq_restore(flags);
}

/* A timer is taken off the list before its function runs, so the
   function may arm it again (a periodic timer does, for a later jiffy);
   the walk starts over after each one, as the function may have changed
   the list. */
void run_timers(void)
{
	struct timer_list *t;

again:
	for (t = timers; t; t = t->next) {
		if ((int32_t)(jiffies - t->expires) >= 0) {
			unlink_timer(t);
			t->function(t);
			goto again;
		}
	}
}
