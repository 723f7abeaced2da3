/* The fault injector (kernel/net/fault.c): the netfault= option's
   parsing, and what it does to frames, deterministic from the seed. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "net/net.h"
#include "net/netdev.h"
#include <sprout/errno.h>

volatile uint32_t jiffies;
struct net_device *dev_base;
static struct net_timer *armed;         /* the timer fault.c set, if any */
static struct net_device eth0 = { .name = "eth0" };
/* The frames passed on, in order, by their number (skb->len). */
static uint32_t passed[64];
static int npassed;

void net_timer_setup(struct net_timer *t, void (*fn)(struct net_timer *))
{
	t->function = fn;
	t->pending = false;
}

void net_timer_mod(struct net_timer *t, uint32_t expires)
{
	t->expires = expires;
	t->pending = true;
	armed = t;
}

void net_timer_del(struct net_timer *t)
{
	t->pending = false;
	if (armed == t)
		armed = NULL;
}

static struct sk_buff *frame(uint32_t n)
{
	struct sk_buff *skb = calloc(1, sizeof(*skb));

	skb->len = n;
	skb->dev = &eth0;
	return skb;
}

struct sk_buff *skb_copy(const struct sk_buff *skb)
{
	return frame(skb->len);
}

void kfree_skb(struct sk_buff *skb)
{
	free(skb);
}

static void pass(struct sk_buff *skb)
{
	if (npassed < 64)
		passed[npassed++] = skb->len;
	free(skb);
}

int printk(const char *fmt, ...)
{
	return 0;
}

void appendf(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	*len += vsnprintf(buf + *len, size - *len, fmt, ap);
	va_end(ap);
}

/* Send frames 1..n through, after a fresh setup. */
static void run(const char *spec, int n)
{
	npassed = 0;
	eth0.stats = (struct net_device_stats){ 0 };
	net_fault_setup(spec);
	for (int i = 1; i <= n; i++)
		net_fault(frame(i), false, pass);
}

int main(void)
{
	CASE("netfault: good options are accepted") {
		CHECK(net_fault_setup(NULL) == 0);
		CHECK(net_fault_setup("drop:10,dup:2,reorder:5,seed:7") == 0);
		CHECK(net_fault_setup("seed:3") == 0);
		CHECK(net_fault_setup("drop:100") == 0);
		CHECK(net_fault_setup("reorder:5,drop:0 init=/bin/sh") == 0);
	}
	CASE("netfault: bad options are refused") {
		const char *bad[] = { "", "drop", "drop:", "drop:101",
			"drop:60,dup:50", "bogus:1", "drop:10,", "drop:1x",
			"drop:-1", "seed:99999999999", "drop=10", ",drop:1" };
		for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
			CHECK(net_fault_setup(bad[i]) == -EINVAL);
	}
	CASE("netfault: a refused option leaves the frames alone") {
		run("drop:100", 0);
		CHECK(net_fault_setup("drop:100,dup:1") == -EINVAL);
		for (int i = 1; i <= 5; i++)
			net_fault(frame(i), true, pass);
		CHECK(npassed == 5 && passed[4] == 5);
	}
	CASE("netfault: drop:100 drops everything, and counts it") {
		run("drop:100", 10);
		CHECK(npassed == 0);
		CHECK(eth0.stats.fault_dropped == 10);
	}
	CASE("netfault: dup:100 sends every frame twice") {
		run("dup:100", 3);
		CHECK(npassed == 6 && passed[0] == 1 && passed[1] == 1 &&
		      passed[5] == 3);
		CHECK(eth0.stats.fault_duplicated == 3);
	}
	CASE("netfault: reorder:100 swaps each pair of frames") {
		run("reorder:100", 4);
		CHECK(npassed == 4 && passed[0] == 2 && passed[1] == 1 &&
		      passed[2] == 4 && passed[3] == 3);
		CHECK(eth0.stats.fault_reordered == 2);
	}
	CASE("netfault: a held frame goes when its timer runs") {
		run("reorder:100", 1);
		CHECK(npassed == 0 && armed);
		if (armed)
			armed->function(armed);
		CHECK(npassed == 1 && passed[0] == 1);
	}
	CASE("netfault: the same seed drops the same frames") {
		uint32_t first[64];
		int n;

		run("drop:50,seed:7", 60);
		n = npassed;
		memcpy(first, passed, sizeof(first));
		run("drop:50,seed:7", 60);
		CHECK(n == npassed && !memcmp(first, passed, n * sizeof(*first)));
		CHECK(n > 15 && n < 45);
		run("drop:50,seed:8", 60);
		CHECK(n != npassed || memcmp(first, passed, n * sizeof(*first)));
	}
	CASE("netfault: /proc/net/netfault shows settings and counters") {
		char buf[256];
		size_t len = 0;

		dev_base = &eth0;
		run("dup:100,seed:9", 2);
		fault_show(buf, sizeof(buf), &len);
		CHECK(!strcmp(buf, "drop 0 dup 100 reorder 0 seed 9\n"
			      "eth0 dropped 0 duplicated 2 reordered 0\n"));
	}
	return 0;
}
