/*
 * Packet buffers (skb.h draws one). A buffer is two allocations: the
 * struct sk_buff, which says where the bytes are, and the bytes
 * themselves, at most a page (their count of users at the end). Layers
 * move data and tail inside the bytes instead of copying them: a header
 * going down is pushed in front, a header going up is pulled off.
 */
#include "net/skb.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"

uint32_t skb_count;

static struct skb_shared_info *skb_shinfo(const struct sk_buff *skb)
{
	return (struct skb_shared_info *)skb->end;
}

struct sk_buff *alloc_skb(uint32_t size)
{
	struct sk_buff *skb;

	uint8_t *head;

	size = (size + 3) & ~3u;        /* the count after it, aligned */
	if (size > SKB_MAX_SIZE || !(skb = kmalloc(sizeof(*skb))))
		return NULL;
	if (!(head = kmalloc(size + sizeof(struct skb_shared_info)))) {
		kfree(skb);
		return NULL;
	}
	*skb = (struct sk_buff){
		.head = head, .data = head, .tail = head, .end = head + size,
	};
	skb_shinfo(skb)->dataref = 1;
	skb_count++;
	return skb;
}

void kfree_skb(struct sk_buff *skb)
{
	if (!skb)
		return;
	if (--skb_shinfo(skb)->dataref == 0)
		kfree(skb->head);
	kfree(skb);
	skb_count--;
}

/* A second sk_buff for the same bytes: a new set of pointers, no copy. */
struct sk_buff *skb_clone(struct sk_buff *skb)
{
	struct sk_buff *n = kmalloc(sizeof(*n));

	if (!n)
		return NULL;
	*n = *skb;
	n->next = NULL;
	skb_shinfo(skb)->dataref++;
	skb_count++;
	return n;
}

bool skb_cloned(const struct sk_buff *skb)
{
	return skb_shinfo(skb)->dataref > 1;
}

/* The copy keeps the original's headroom, so the header offsets carry
   over: fault.c's duplicates and a queued TCP segment sent again. */
struct sk_buff *skb_copy(const struct sk_buff *skb)
{
	struct sk_buff *n = alloc_skb(skb->end - skb->head);

	if (!n)
		return NULL;
	memcpy(n->head, skb->head, skb->end - skb->head);
	n->dev = skb->dev;
	n->data = n->head + (skb->data - skb->head);
	n->tail = n->head + (skb->tail - skb->head);
	n->len = skb->len;
	n->protocol = skb->protocol;
	if (skb->network_header)
		n->network_header = n->head + (skb->network_header - skb->head);
	if (skb->transport_header)
		n->transport_header = n->head +
				      (skb->transport_header - skb->head);
	n->saddr = skb->saddr;
	n->daddr = skb->daddr;
	n->seq = skb->seq;
	n->end_seq = skb->end_seq;
	n->tcp_flags = skb->tcp_flags;
	n->ip_summed = skb->ip_summed;
	n->csum_offset = skb->csum_offset;
	return n;
}

/* Only on an empty buffer: room for the headers to come. */
void skb_reserve(struct sk_buff *skb, uint32_t n)
{
	skb->data += n;
	skb->tail += n;
}

/* The callers size their buffers (alloc_skb with headroom + the largest
   payload), so running out of room is a kernel bug, not bad input. */
uint8_t *skb_put(struct sk_buff *skb, uint32_t n)
{
	uint8_t *old = skb->tail;

	if (n > skb_tailroom(skb))
		panic("skb_put: %u bytes, %u of room", n, skb_tailroom(skb));
	skb->tail += n;
	skb->len += n;
	return old;
}

void skb_under_panic(const struct sk_buff *skb, uint32_t n)
{
	panic("skb_push: %u bytes, %u of room", n, skb_headroom(skb));
}

void skb_trim(struct sk_buff *skb, uint32_t len)
{
	if (len < skb->len) {
		skb->len = len;
		skb->tail = skb->data + len;
	}
}

uint32_t skb_tailroom(const struct sk_buff *skb)
{
	return skb->end - skb->tail;
}

/* ---- queues: singly linked, first in first out ---- */

void skb_queue_init(struct sk_buff_head *q)
{
	q->head = q->tail = NULL;
	q->qlen = 0;
}

void skb_queue_tail(struct sk_buff_head *q, struct sk_buff *skb)
{
	skb->next = NULL;
	if (q->tail)
		q->tail->next = skb;
	else
		q->head = skb;
	q->tail = skb;
	q->qlen++;
}

struct sk_buff *skb_dequeue(struct sk_buff_head *q)
{
	struct sk_buff *skb = q->head;

	if (!skb)
		return NULL;
	q->head = skb->next;
	if (!q->head)
		q->tail = NULL;
	q->qlen--;
	skb->next = NULL;
	return skb;
}

void skb_queue_purge(struct sk_buff_head *q)
{
	struct sk_buff *skb;

	while ((skb = skb_dequeue(q)))
		kfree_skb(skb);
}
