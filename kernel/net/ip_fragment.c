/*
 * Putting fragments back together (RFC 791, RFC 815). A datagram larger
 * than a link's MTU travels in pieces; each piece carries the datagram's
 * id and its payload's offset (in 8-byte units), and all but the last
 * have "more fragments" (MF) set:
 *
 *   a 3008-byte UDP datagram over Ethernet (1500: 1480 bytes of payload
 *   per piece):   [hdr|0..1479 MF]  [hdr|1480..2959 MF]  [hdr|2960..3007]
 *
 * The pieces may come in any order, twice, or never. Each datagram being
 * put together has an entry in ipqs[], found by (source, destination,
 * id, protocol). Its bytes are copied straight to their place in one
 * buffer, and a bitmap notes which 8-byte blocks arrived; the datagram
 * is whole when the last piece told its length and every block up to it
 * is there. An entry waits IPFRAG_TIME for its missing pieces (Linux's
 * net.ipv4.ipfrag_time), then it is dropped.
 *
 * A datagram must fit one buffer, a page: at most REASM_MAX bytes of
 * payload (lo's MTU, less the header). A larger one is dropped, where
 * Linux would take up to 64 KiB.
 */
#include "net/inet.h"
#include "lib/lib.h"

#define IPQ_MAX      8                  /* datagrams put together at once */
#define IPFRAG_TIME  (30 * HZ)
#define REASM_MAX    (SKB_MAX_SIZE - MAX_HEADER - sizeof(struct iphdr))
#define REASM_BLOCKS ((REASM_MAX + 7) / 8)

struct ipq {
	bool used;
	uint32_t saddr, daddr;
	uint16_t id;
	uint8_t protocol;
	struct sk_buff *skb;    /* data: a plain IP header, then the payload */
	uint32_t len;           /* the payload's length; 0 until the last
				   piece came */
	uint8_t have[(REASM_BLOCKS + 7) / 8];   /* which blocks arrived */
	uint32_t expires;
};

static struct ipq ipqs[IPQ_MAX];

static void ipq_free(struct ipq *q)
{
	kfree_skb(q->skb);
	q->used = false;
}

/* Every second while datagrams wait: drop those whose time is up. */
static void ipq_tick(struct net_timer *t)
{
	bool again = false;

	for (int i = 0; i < IPQ_MAX; i++) {
		struct ipq *q = &ipqs[i];

		if (q->used && (int32_t)(jiffies - q->expires) >= 0) {
			ipq_free(q);
			ip_stats.reasm_timeout++;
			ip_stats.reasm_fails++;
		}
		again |= q->used;
	}
	if (again)
		net_timer_mod(t, jiffies + HZ);
}

static struct net_timer ipq_timer = { .function = ipq_tick };

static struct ipq *ipq_find(const struct iphdr *iph)
{
	for (int i = 0; i < IPQ_MAX; i++) {
		struct ipq *q = &ipqs[i];

		if (q->used && q->saddr == iph->saddr &&
		    q->daddr == iph->daddr && q->id == iph->id &&
		    q->protocol == iph->protocol)
			return q;
	}
	return NULL;
}

/* A new entry, its buffer headed by a copy of this piece's header
   without options. NULL when all are taken or memory is short. */
static struct ipq *ipq_new(const struct sk_buff *frag)
{
	const struct iphdr *iph = (const struct iphdr *)frag->data;
	struct ipq *q = NULL;

	for (int i = 0; i < IPQ_MAX && !q; i++)
		if (!ipqs[i].used)
			q = &ipqs[i];
	if (!q || !(q->skb = alloc_skb(SKB_MAX_SIZE)))
		return NULL;
	skb_reserve(q->skb, MAX_HEADER);
	memcpy(q->skb->data, iph, sizeof(*iph));
	q->skb->dev = frag->dev;
	q->used = true;
	q->saddr = iph->saddr;
	q->daddr = iph->daddr;
	q->id = iph->id;
	q->protocol = iph->protocol;
	q->len = 0;
	memset(q->have, 0, sizeof(q->have));
	q->expires = jiffies + IPFRAG_TIME;
	if (!ipq_timer.pending)
		net_timer_mod(&ipq_timer, jiffies + HZ);
	return q;
}

static void mark_blocks(struct ipq *q, uint32_t first, uint32_t end)
{
	for (uint32_t b = first; b < end; b++)
		q->have[b / 8] |= 1 << (b % 8);
}

static bool all_blocks(const struct ipq *q)
{
	for (uint32_t b = 0; b < (q->len + 7) / 8; b++)
		if (!(q->have[b / 8] & (1 << (b % 8))))
			return false;
	return true;
}

/* The datagram is whole: its header says so, and it leaves ipqs[]. */
static struct sk_buff *ipq_finish(struct ipq *q)
{
	struct sk_buff *skb = q->skb;
	struct iphdr *iph = (struct iphdr *)skb_put(skb, sizeof(*iph) + q->len);

	iph->ihl = sizeof(*iph) / 4;
	iph->tot_len = htons(sizeof(*iph) + q->len);
	iph->frag_off = 0;
	iph->check = 0;
	iph->check = ip_checksum(iph, sizeof(*iph), 0);
	q->skb = NULL;
	q->used = false;
	ip_stats.reasm_oks++;
	return skb;
}

struct sk_buff *ip_defrag(struct sk_buff *skb)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	uint32_t hlen = iph->ihl * 4, n = skb->len - hlen;
	uint32_t off = (ntohs(iph->frag_off) & IP_OFFSET) * 8;
	bool more = ntohs(iph->frag_off) & IP_MF;
	struct ipq *q = ipq_find(iph);

	ip_stats.reasm_reqds++;
	/* Every piece but the last is a whole number of blocks; all of
	   them must fit the buffer; the last one must agree with the
	   length already known. */
	if ((more && n % 8) || off + n > REASM_MAX ||
	    (q && q->len && off + n > q->len) || (!more && q && q->len &&
						 off + n != q->len)) {
		if (q)
			ipq_free(q);
		ip_stats.reasm_fails++;
		kfree_skb(skb);
		return NULL;
	}
	if (!q && !(q = ipq_new(skb))) {
		ip_stats.reasm_fails++;
		kfree_skb(skb);
		return NULL;
	}
	memcpy(q->skb->data + sizeof(*iph) + off, skb->data + hlen, n);
	mark_blocks(q, off / 8, (off + n + 7) / 8);
	if (!more)
		q->len = off + n;
	kfree_skb(skb);
	return q->len && all_blocks(q) ? ipq_finish(q) : NULL;
}
