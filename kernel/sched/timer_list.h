/*
 * Kernel timers: "call this function at that jiffy". The function runs
 * in the timer interrupt (do_timer), with interrupts off, so it must not
 * sleep. This is how a higher layer gets work done at a tick without
 * sched/ calling up into it: signal/'s alarm() arms one whose function
 * sends SIGALRM (Linux's it_real_fn works the same way).
 *
 *   timer_setup(&t, fn);          once: what to call
 *   mod_timer(&t, jiffies + n);   arm it (or move it) n ticks from now
 *   del_timer(&t);                disarm it, if armed
 */
#ifndef _SCHED_TIMER_LIST_H
#define _SCHED_TIMER_LIST_H

#include "include/types.h"

struct timer_list {
	uint32_t expires;               /* the jiffy it fires at */
	void (*function)(struct timer_list *t);
	bool pending;                   /* armed, on the list */
	struct timer_list *next;
};

void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *));
void mod_timer(struct timer_list *t, uint32_t expires);
void del_timer(struct timer_list *t);
void run_timers(void);          /* do_timer: fire the ones that are due */

#endif
