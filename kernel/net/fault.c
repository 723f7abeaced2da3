/*
 * Fault injection: the netfault= kernel option makes the card's link
 * lossy, so that TCP's retransmission, duplicate-ACK and reordering code
 * runs in the tests, not only on a bad day.
 *
 *   netfault=drop:10,dup:2,reorder:5,seed:7
 *
 * Each frame eth0 sends or receives draws a number 0..99 from a
 * pseudo-random sequence that starts at the seed, and so does the same
 * thing on every run with the same traffic:
 *
 *   0        drop       drop+dup     drop+dup+reorder          100
 *   |  dropped  | duplicated |  held back  |   passed unchanged   |
 *
 * A frame held back goes after the next frame the same way (the two are
 * swapped), or after HOLD_JIFFIES if no other frame comes: it is late,
 * not lost. lo's frames never come here (dev.c).
 */
#include "net/net.h"
#include "net/netdev.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define HOLD_JIFFIES (HZ / 20)          /* 50 ms */

enum { DROP, DUP, REORDER, NR_FAULTS };
static const char *const fault_names[NR_FAULTS] = { "drop", "dup", "reorder" };
static uint32_t percent[NR_FAULTS];     /* all 0: faults off */
static uint32_t seed = 1, random_state;

/* Per direction (0: sent, 1: received): the frame held back. */
static struct held {
	struct sk_buff *skb;
	void (*pass)(struct sk_buff *);
	struct net_timer timer;
} held[2];

/* xorshift32 (Marsaglia, 2003): the next number of a sequence that
   repeats only after 2^32 - 1 steps, from three shifts and xors. */
static uint32_t next_random(void)
{
	uint32_t x = random_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return random_state = x;
}

/* Decimal digits at *p, below limit; false if none or too big. */
static bool parse_number(const char **p, uint32_t limit, uint32_t *v)
{
	const char *s = *p;
	uint64_t n = 0;

	for (; *s >= '0' && *s <= '9'; s++)
		if ((n = n * 10 + (*s - '0')) >= limit)
			return false;
	if (s == *p)
		return false;
	*v = n;
	*p = s;
	return true;
}

/* One "name:number" item: a percentage (0..100) or the seed. */
static bool parse_item(const char **p, uint32_t *pct, uint32_t *start)
{
	size_t n;

	if (!strncmp(*p, "seed:", 5)) {
		*p += 5;
		return parse_number(p, 0x80000000u, start);
	}
	for (int i = 0; i < NR_FAULTS; i++) {
		n = strlen(fault_names[i]);
		if (!strncmp(*p, fault_names[i], n) && (*p)[n] == ':') {
			*p += n + 1;
			return parse_number(p, 101, &pct[i]);
		}
	}
	return false;
}

static void release_held(struct net_timer *t)
{
	struct held *h = container_of(t, struct held, timer);
	struct sk_buff *skb = h->skb;

	h->skb = NULL;
	net_timer_del(&h->timer);
	if (skb)
		h->pass(skb);
}

/* The option's value runs to the end of its word (a space or NUL). A
   bad one turns faults off (net_init says so). */
int net_fault_setup(const char *spec)
{
	uint32_t pct[NR_FAULTS] = { 0 }, n = 1;
	const char *p = spec;
	bool ok;

	memset(percent, 0, sizeof(percent));
	for (int dir = 0; dir < 2; dir++)
		net_timer_setup(&held[dir].timer, release_held);
	if (!spec)
		return 0;
	while ((ok = parse_item(&p, pct, &n)) && *p == ',')
		p++;
	if (!ok || (*p && *p != ' ') || pct[DROP] + pct[DUP] + pct[REORDER] > 100)
		return -EINVAL;
	memcpy(percent, pct, sizeof(percent));
	seed = n;
	random_state = seed ? seed : 1;         /* 0 would stay 0 */
	printk("net: netfault drop %u%% dup %u%% reorder %u%% seed %u\n",
	       percent[DROP], percent[DUP], percent[REORDER], seed);
	return 0;
}

void net_fault(struct sk_buff *skb, bool rx, void (*pass)(struct sk_buff *))
{
	struct net_device_stats *st = &skb->dev->stats;
	struct held *h = &held[rx];
	uint32_t roll;

	if (!(percent[DROP] | percent[DUP] | percent[REORDER])) {
		pass(skb);
		return;
	}
	roll = next_random() % 100;
	if (roll < percent[DROP]) {
		st->fault_dropped++;
		kfree_skb(skb);
		return;
	}
	if (roll < percent[DROP] + percent[DUP]) {
		struct sk_buff *copy = skb_copy(skb);
		st->fault_duplicated++;
		if (copy)
			pass(copy);
	} else if (roll < percent[DROP] + percent[DUP] + percent[REORDER] &&
		   !h->skb) {
		st->fault_reordered++;
		h->skb = skb;
		h->pass = pass;
		net_timer_mod(&h->timer, jiffies + HOLD_JIFFIES);
		return;
	}
	pass(skb);
	release_held(&h->timer);
}

/* /proc/net/netfault: "drop 10 dup 0 reorder 5 seed 7", then a line per
   card: what was done to its frames. */
void fault_show(char *buf, size_t size, size_t *len)
{
	struct net_device *dev;

	appendf(buf, size, len, "drop %u dup %u reorder %u seed %u\n",
		percent[DROP], percent[DUP], percent[REORDER], seed);
	for_each_netdev(dev)
		if (!(dev->flags & IFF_LOOPBACK))
			appendf(buf, size, len, "%s dropped %u duplicated %u "
				"reordered %u\n", dev->name,
				dev->stats.fault_dropped,
				dev->stats.fault_duplicated,
				dev->stats.fault_reordered);
}
