/*
 * netd: the network's kernel thread, its "bottom half". Everything that
 * arrives from outside a system call happens here, in process context,
 * one thing at a time:
 *
 *   - the cards that an interrupt marked (netif_schedule) are polled:
 *     their received frames go to netif_rx;
 *   - the frames netif_rx queued (from a card, or from lo's xmit) run up
 *     the stack: eth_rcv -> ip_rcv / arp_rcv -> icmp, udp, tcp ...;
 *   - the net_timers that are due run (retransmission, ARP, DHCP).
 *
 * It starts the card's DHCP exchange first (dhcp.c).
 *
 * Then it sleeps until the next timer is due or netd_wake() is called.
 */
#include "net/inet.h"
#include "sched/sched.h"
#include "arch/arch.h"
#include "lib/lib.h"

static struct task_struct *netd_task;
static struct net_timer *timers;        /* the pending ones, unordered */

void net_timer_setup(struct net_timer *t, void (*fn)(struct net_timer *))
{
	t->function = fn;
	t->pending = false;
	t->next = NULL;
}

void net_timer_mod(struct net_timer *t, uint32_t expires)
{
	t->expires = expires;
	if (!t->pending) {
		t->pending = true;
		t->next = timers;
		timers = t;
	}
	netd_wake();            /* it may now be the first one due */
}

void net_timer_del(struct net_timer *t)
{
	struct net_timer **p;

	if (!t->pending)
		return;
	for (p = &timers; *p != t; p = &(*p)->next)
		;
	*p = t->next;
	t->pending = false;
}

static bool due(uint32_t when)
{
	return (int32_t)(jiffies - when) >= 0;
}

/* Run one due timer: true if there was one. A timer's function may set
   or delete any timer, so the list is searched afresh each time. */
static bool run_one_timer(void)
{
	struct net_timer *t;

	for (t = timers; t; t = t->next)
		if (due(t->expires)) {
			net_timer_del(t);
			t->function(t);
			return true;
		}
	return false;
}

/* The jiffy when netd must wake for the first timer; 0 (no timeout)
   if none is pending. */
static uint32_t next_timeout(void)
{
	uint32_t next;

	if (!timers)
		return 0;
	next = timers->expires;
	for (struct net_timer *t = timers->next; t; t = t->next)
		if ((int32_t)(t->expires - next) < 0)
			next = t->expires;
	return next ? next : 1;
}

/* Called from interrupt handlers too: it only makes netd runnable. */
void netd_wake(void)
{
	if (netd_task)
		wake_up_process(netd_task);
}

static bool poll_devices(void)
{
	struct net_device *dev;
	bool any = false;

	for_each_netdev(dev)
		if (dev->poll_pending) {
			dev->poll_pending = false;
			dev->poll(dev);
			any = true;
		}
	return any;
}

/* One piece of work, if there is any: true if some was done. */
static bool netd_work(void)
{
	struct sk_buff *skb;

	if (poll_devices())
		return true;
	if ((skb = skb_dequeue(&netif_rx_queue))) {
		eth_rcv(skb);
		return true;
	}
	return run_one_timer();
}

/* Is there work, without doing it? (A card marked, a frame queued, a
   timer due.) */
static bool netd_has_work(void)
{
	struct net_device *dev;

	for_each_netdev(dev)
		if (dev->poll_pending)
			return true;
	if (netif_rx_queue.head)
		return true;
	for (struct net_timer *t = timers; t; t = t->next)
		if (due(t->expires))
			return true;
	return false;
}

void netd(void)
{
	strlcpy(current->comm, "netd", sizeof(current->comm));
	/* As bdflush: a kernel thread never takes signals. */
	current->blocked = ~0u;
	netd_task = current;
	ip_config_start();
	for (;;) {
		if (netd_work()) {
			if (need_resched)       /* a flood must not starve */
				schedule();     /* the processes */
			continue;
		}
		/* Asleep before the last look, so that a wake-up between
		   the look and schedule() is not lost (wait.h). */
		current->state = TASK_INTERRUPTIBLE;
		if (netd_has_work()) {
			current->state = TASK_RUNNING;
			continue;
		}
		current->timeout = next_timeout();
		schedule();
		current->timeout = 0;
	}
}
