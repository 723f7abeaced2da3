/*
 * Packet buffers: a cut-down Linux sk_buff, net/'s own header. One frame
 * on its way up or down the stack, in one buffer of at most a page, with
 * room kept in front so each layer going down can put its header before
 * the bytes of the layer above without copying them:
 *
 *   head          data                       tail           end
 *   |  headroom   | Ethernet | IP | TCP | payload |  tailroom  |
 *                 <------------- len ------------>
 *
 * Going down, a layer calls skb_push() for its header; going up, it reads
 * its header at data and calls skb_pull() to hand the rest up, after
 * noting where its header was (network_header, transport_header).
 *
 * Several sk_buffs may share one data buffer (skb_clone): TCP keeps a
 * sent segment to send again, and the clone that goes down the stack
 * carries the same bytes without a copy. The buffer's last bytes count
 * its users (Linux's skb_shared_info); the last kfree_skb frees it:
 *
 *   sk_buff A ---+--> | headroom | payload ... | dataref = 2 |
 *   sk_buff B ---+     head                     end
 *
 * A clone's pointers are its own, but the bytes are not: nobody writes
 * into a shared buffer (the headroom included) but its last user.
 *
 * All of net/ runs in process context (a system call, or the netd thread),
 * never in an interrupt handler, so these need no locks.
 */
#ifndef _NET_SKB_H
#define _NET_SKB_H

#include "include/types.h"

struct net_device;

/* Headroom every sender reserves: Ethernet (14) + IPv4 with options (60)
   + TCP with options (60), rounded up (so that a page's buffer keeps
   3936 bytes for the packet: lo's MTU). */
#define MAX_HEADER 156

struct skb_shared_info {
	uint32_t dataref;               /* sk_buffs pointing at the buffer */
};

/* The largest buffer alloc_skb() gives: one page, less the count. */
#define SKB_MAX_SIZE (4096 - sizeof(struct skb_shared_info))

struct sk_buff {
	struct sk_buff *next;           /* in an sk_buff_head */
	struct net_device *dev;         /* arrived on, or leaves by */
	uint8_t *head, *data, *tail, *end;
	uint32_t len;                   /* tail - data */
	uint16_t protocol;              /* ETH_P_IP, ETH_P_ARP (host order) */
	uint8_t *network_header;        /* the IP or ARP header */
	uint8_t *transport_header;      /* the TCP, UDP or ICMP header */
	/* Set by ip_rcv for the layers above (network order). */
	uint32_t saddr, daddr;
	/* The transport's own use while the buffer is queued (TCP: the
	   segment's first sequence number, its end, the flags). */
	uint32_t seq, end_seq;
	uint8_t tcp_flags;
	/* The transport checksum's state (Linux's names, below); going
	   down with CHECKSUM_PARTIAL, the field csum_offset bytes into
	   the transport header is still to be filled in. */
	uint8_t ip_summed;
	uint16_t csum_offset;
};

/* ip_summed. Going down: NONE, the sender summed it; PARTIAL, ip_output
   (or a device that does it itself) will. Coming up: NONE, to be
   verified; UNNECESSARY, the bytes never left this machine (lo). */
#define CHECKSUM_NONE 0
#define CHECKSUM_PARTIAL 1
#define CHECKSUM_UNNECESSARY 2

struct sk_buff_head {
	struct sk_buff *head, *tail;
	uint32_t qlen;
};

/* skb.c. NULL when out of memory (or size > SKB_MAX_SIZE). */
struct sk_buff *alloc_skb(uint32_t size);
void kfree_skb(struct sk_buff *skb);            /* NULL is fine */
struct sk_buff *skb_copy(const struct sk_buff *skb);   /* a full copy */
struct sk_buff *skb_clone(struct sk_buff *skb);        /* shares the bytes */
bool skb_cloned(const struct sk_buff *skb);            /* they are shared */
void skb_reserve(struct sk_buff *skb, uint32_t n);     /* headroom */
uint8_t *skb_put(struct sk_buff *skb, uint32_t n);     /* grow at tail */
void skb_trim(struct sk_buff *skb, uint32_t len);      /* cut to len */
uint32_t skb_tailroom(const struct sk_buff *skb);
void skb_under_panic(const struct sk_buff *skb, uint32_t n);

/* Every layer of every packet calls these two, so they are inline. */
static inline uint32_t skb_headroom(const struct sk_buff *skb)
{
	return skb->data - skb->head;
}

/* A header in front. The callers reserve the headroom, so running out
   of it is a kernel bug. */
static inline uint8_t *skb_push(struct sk_buff *skb, uint32_t n)
{
	if (n > skb_headroom(skb))
		skb_under_panic(skb, n);
	skb->data -= n;
	skb->len += n;
	return skb->data;
}

/* The front dropped: NULL when the buffer is shorter than n (a
   truncated packet). */
static inline uint8_t *skb_pull(struct sk_buff *skb, uint32_t n)
{
	if (n > skb->len)
		return NULL;
	skb->data += n;
	skb->len -= n;
	return skb->data;
}

void skb_queue_init(struct sk_buff_head *q);
void skb_queue_tail(struct sk_buff_head *q, struct sk_buff *skb);
struct sk_buff *skb_dequeue(struct sk_buff_head *q);   /* NULL: empty */
void skb_queue_purge(struct sk_buff_head *q);          /* free them all */

/* How many buffers exist now: the leak checks read it (/proc/net/...). */
extern uint32_t skb_count;

#endif
