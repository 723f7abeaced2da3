/*
 * ARP (RFC 826): which Ethernet address has this IP address? Before the
 * first packet to a neighbour (the gateway, or a host on the subnet)
 * leaves, arp_output broadcasts "who has 10.0.2.2? tell 10.0.2.15"; the
 * owner answers to us alone, and the answer goes into the cache:
 *
 *   arp_cache[]   ip         mac                state       pending
 *                 10.0.2.2   52:55:0a:00:02:02  COMPLETE    -
 *                 10.0.2.7   -                  INCOMPLETE  skb -> skb
 *
 * Packets for an INCOMPLETE entry wait on it (a few: a new one pushes
 * out the oldest, as Linux) and leave when the reply comes. A request is sent again each second;
 * after ARP_TRIES unanswered ones the entry and its packets are dropped,
 * and their senders get ICMP "host unreachable".
 * A COMPLETE entry is forgotten after ARP_TIMEOUT, so a neighbour that
 * changed its card is asked again.
 */
#include "net/inet.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define ARP_CACHE_SIZE 16
#define ARP_TRIES      3
#define ARP_RETRY      HZ               /* between requests */
#define ARP_TIMEOUT    (60 * HZ)        /* a COMPLETE entry's life */
#define ARP_PENDING    3                /* packets that may wait */

#define ARPHRD_ETHER 1
#define ARPOP_REQUEST 1
#define ARPOP_REPLY   2
#define ATF_COM 0x02                    /* /proc/net/arp: "complete" */

struct arphdr {
	uint16_t ar_hrd, ar_pro;        /* ARPHRD_ETHER, ETH_P_IP */
	uint8_t ar_hln, ar_pln;         /* 6, 4 */
	uint16_t ar_op;
	uint8_t ar_sha[ETH_ALEN];       /* sender */
	uint32_t ar_sip;
	uint8_t ar_tha[ETH_ALEN];       /* target */
	uint32_t ar_tip;
} __attribute__((packed));

enum arp_state { ARP_FREE, ARP_INCOMPLETE, ARP_COMPLETE };

struct arp_entry {
	enum arp_state state;
	struct net_device *dev;
	uint32_t ip;
	uint8_t mac[ETH_ALEN];
	uint32_t expires;               /* next retry, or the end of life */
	int tries;                      /* requests sent */
	struct sk_buff_head pending;
};

static struct arp_entry arp_cache[ARP_CACHE_SIZE];

static struct arp_entry *arp_find(struct net_device *dev, uint32_t ip)
{
	for (int i = 0; i < ARP_CACHE_SIZE; i++)
		if (arp_cache[i].state != ARP_FREE &&
		    arp_cache[i].dev == dev && arp_cache[i].ip == ip)
			return &arp_cache[i];
	return NULL;
}

static void arp_free(struct arp_entry *e)
{
	skb_queue_purge(&e->pending);
	e->state = ARP_FREE;
}

/* A free entry; when all are taken, the COMPLETE one closest to its end
   (it can be asked for again). NULL if all are waiting for answers. */
static struct arp_entry *arp_alloc(void)
{
	struct arp_entry *victim = NULL;

	for (int i = 0; i < ARP_CACHE_SIZE; i++) {
		struct arp_entry *e = &arp_cache[i];

		if (e->state == ARP_FREE)
			return e;
		if (e->state == ARP_COMPLETE &&
		    (!victim || (int32_t)(e->expires - victim->expires) < 0))
			victim = e;
	}
	if (victim)
		arp_free(victim);
	return victim;
}

static void arp_send(struct net_device *dev, uint16_t op, uint32_t tip,
		     const uint8_t *tha)
{
	struct sk_buff *skb = alloc_skb(MAX_HEADER + sizeof(struct arphdr));
	struct arphdr *arp;

	if (!skb)
		return;
	skb_reserve(skb, MAX_HEADER);
	arp = (struct arphdr *)skb_put(skb, sizeof(*arp));
	arp->ar_hrd = htons(ARPHRD_ETHER);
	arp->ar_pro = htons(ETH_P_IP);
	arp->ar_hln = ETH_ALEN;
	arp->ar_pln = 4;
	arp->ar_op = htons(op);
	memcpy(arp->ar_sha, dev->hwaddr, ETH_ALEN);
	arp->ar_sip = dev->addr;
	memset(arp->ar_tha, 0, ETH_ALEN);
	if (tha)
		memcpy(arp->ar_tha, tha, ETH_ALEN);
	arp->ar_tip = tip;
	skb->dev = dev;
	eth_output(skb, tha, ETH_P_ARP);        /* a request: broadcast */
}

static void arp_request(struct arp_entry *e)
{
	e->tries++;
	e->expires = jiffies + ARP_RETRY;
	arp_send(e->dev, ARPOP_REQUEST, e->ip, NULL);
}

/* Nobody answered: each waiting packet's sender is told "host
   unreachable", as a router would tell it (a connected UDP socket's
   EHOSTUNREACH). */
static void arp_unreachable(struct arp_entry *e)
{
	for (struct sk_buff *skb = e->pending.head; skb; skb = skb->next)
		icmp_send(skb, ICMP_DEST_UNREACH, ICMP_HOST_UNREACH);
	arp_free(e);
}

/* Each second while there are entries: ask again, or give up; forget
   the old. */
static void arp_tick(struct net_timer *t)
{
	bool again = false;

	for (int i = 0; i < ARP_CACHE_SIZE; i++) {
		struct arp_entry *e = &arp_cache[i];

		if (e->state == ARP_FREE)
			continue;
		if ((int32_t)(jiffies - e->expires) >= 0) {
			if (e->state == ARP_COMPLETE)
				arp_free(e);
			else if (e->tries < ARP_TRIES)
				arp_request(e);
			else
				arp_unreachable(e);
		}
		again |= e->state != ARP_FREE;
	}
	if (again)
		net_timer_mod(t, jiffies + ARP_RETRY);
}

static struct net_timer arp_timer = { .function = arp_tick };

/* The cache's timer runs while it has entries. */
static void arp_timer_start(void)
{
	if (!arp_timer.pending)
		net_timer_mod(&arp_timer, jiffies + ARP_RETRY);
}

/* Learn ip -> mac; send what waited for it. */
static void arp_update(struct arp_entry *e, const uint8_t *mac)
{
	struct sk_buff *skb;

	memcpy(e->mac, mac, ETH_ALEN);
	e->state = ARP_COMPLETE;
	e->expires = jiffies + ARP_TIMEOUT;
	arp_timer_start();
	while ((skb = skb_dequeue(&e->pending)))
		eth_output(skb, e->mac, ETH_P_IP);
}

int arp_output(struct sk_buff *skb, struct net_device *dev, uint32_t nh)
{
	struct arp_entry *e = arp_find(dev, nh);

	if (e && e->state == ARP_COMPLETE)
		return eth_output(skb, e->mac, ETH_P_IP);
	if (!e) {
		if (!(e = arp_alloc())) {
			kfree_skb(skb);
			return -ENOBUFS;
		}
		e->state = ARP_INCOMPLETE;
		e->dev = dev;
		e->ip = nh;
		e->tries = 0;
		skb_queue_init(&e->pending);
		arp_request(e);
		arp_timer_start();
	}
	if (e->pending.qlen >= ARP_PENDING)
		kfree_skb(skb_dequeue(&e->pending));
	skb_queue_tail(&e->pending, skb);
	return 0;
}

void arp_rcv(struct sk_buff *skb)
{
	struct arphdr *arp = (struct arphdr *)skb->data;
	struct net_device *dev = skb->dev;
	struct arp_entry *e;

	if (skb->len < sizeof(*arp) || arp->ar_hrd != htons(ARPHRD_ETHER) ||
	    arp->ar_pro != htons(ETH_P_IP) || arp->ar_hln != ETH_ALEN ||
	    arp->ar_pln != 4 || !dev->addr)
		goto out;
	/* RFC 826's merge: a sender we know gets its entry refreshed; a
	   sender asking for us gets one made, since we shall talk to it. */
	e = arp_find(dev, arp->ar_sip);
	if (!e && arp->ar_tip == dev->addr && (e = arp_alloc())) {
		e->dev = dev;
		e->ip = arp->ar_sip;
		skb_queue_init(&e->pending);
	}
	if (e)
		arp_update(e, arp->ar_sha);
	if (arp->ar_op == htons(ARPOP_REQUEST) && arp->ar_tip == dev->addr)
		arp_send(dev, ARPOP_REPLY, arp->ar_sip, arp->ar_sha);
out:
	kfree_skb(skb);
}

/* /proc/net/arp, as Linux prints it. */
void arp_show(char *buf, size_t size, size_t *len)
{
	appendf(buf, size, len, "IP address       HW type     Flags       "
		"HW address            Mask     Device\n");
	for (int i = 0; i < ARP_CACHE_SIZE; i++) {
		struct arp_entry *e = &arp_cache[i];
		uint8_t *m = e->mac;
		char ip[16], mac[18];

		if (e->state == ARP_FREE)
			continue;
		if (e->state == ARP_INCOMPLETE)
			memset(m, 0, ETH_ALEN);
		snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x",
			 m[0], m[1], m[2], m[3], m[4], m[5]);
		appendf(buf, size, len, "%-16s 0x%-10x0x%-10x%-17s     %-8s %s\n",
			in_ntoa(e->ip, ip), ARPHRD_ETHER,
			e->state == ARP_COMPLETE ? ATF_COM : 0, mac, "*",
			e->dev->name);
	}
}
