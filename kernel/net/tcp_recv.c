/*
 * Arriving data (RFC 9293 3.10.7.4, seventh and eighth: the segment
 * text and the FIN). Segments are kept as they came, their headers
 * pulled off; rcv_nxt is the next byte wanted:
 *
 *            read by the user | rcv_queue (in order) |  hole  | ofo_queue
 *   -------------------------|----------------------|--------|----------->
 *                                                rcv_nxt
 *                                                  |<---- receive window -->|
 *
 * A segment at rcv_nxt goes on rcv_queue, and so then does everything in
 * ofo_queue it makes contiguous; a later one waits in ofo_queue (sorted
 * by sequence number), and a duplicate ACK tells the sender of the
 * hole. A FIN is taken when it is next in order: the reader then sees
 * the end.
 *
 * In-order data is acknowledged at every second full segment, or within
 * TCP_DELACK_TICKS (the delayed ACK: RFC 9293 3.8.6.3, RFC 1122
 * 4.2.3.2), so that a bulk transfer sends half the ACKs and an answer
 * can carry the ACK of its question; any segment we send carries it
 * (tcp_output.c). Out of order, filling a hole, or a FIN: at once
 * (RFC 5681 4.2), the sender is waiting to hear of it.
 */
#include "net/tcp.h"
#include "lib/lib.h"

void tcp_rcv_purge(struct tcp_sock *tp)
{
	skb_queue_purge(&tp->rcv_queue);
	skb_queue_purge(&tp->ofo_queue);
	tp->rcv_bytes = 0;
	tp->rmem = 0;
}

/* Cut what was received already off the front: false if nothing new. */
static bool trim_front(struct sk_buff *skb, uint32_t rcv_nxt)
{
	if (!after(skb->end_seq, rcv_nxt))
		return false;
	if (before(skb->seq, rcv_nxt)) {
		skb_pull(skb, rcv_nxt - skb->seq);
		skb->seq = rcv_nxt;
	}
	return true;
}

/* Cut what lies past the window off the end (and with it a FIN). */
static void trim_back(struct sk_buff *skb, uint32_t right)
{
	if (!after(skb->end_seq, right))
		return;
	skb_trim(skb, right - skb->seq);
	skb->end_seq = right;
	skb->tcp_flags &= ~TCPH_FIN;
}

/* The peer has no more to send (its FIN is next in order). */
static void tcp_fin(struct tcp_sock *tp)
{
	tp->rcv_nxt++;
	tp->done = true;
	tp->inet.sk.shutdown |= RCV_SHUTDOWN;
	switch (tp->state) {
	case TCP_SYN_RECV:
	case TCP_ESTABLISHED:
		tcp_set_state(tp, TCP_CLOSE_WAIT);
		break;
	case TCP_FIN_WAIT1:     /* ours is not acked yet: both closing */
		tcp_set_state(tp, TCP_CLOSING);
		break;
	case TCP_FIN_WAIT2:
		tcp_set_state(tp, TCP_TIME_WAIT);
		break;
	default:
		break;
	}
	wake_up(&tp->inet.sk.wq);
}

/* skb starts at rcv_nxt: its bytes to the reader, its FIN taken. */
static void queue_in_order(struct tcp_sock *tp, struct sk_buff *skb)
{
	bool fin = skb->tcp_flags & TCPH_FIN;

	tp->rcv_nxt = skb->end_seq - fin;
	if (skb->len) {
		skb_queue_tail(&tp->rcv_queue, skb);
		tp->rcv_bytes += skb->len;
		tp->rmem += skb_truesize(skb);
	} else {
		kfree_skb(skb);
	}
	if (fin)
		tcp_fin(tp);
}

/* Into ofo_queue, sorted; one that brings nothing new is dropped. */
static void ofo_insert(struct tcp_sock *tp, struct sk_buff *skb)
{
	struct sk_buff **p = &tp->ofo_queue.head, *prev = NULL;

	while (*p && before((*p)->seq, skb->seq)) {
		prev = *p;
		p = &(*p)->next;
	}
	if ((*p && (*p)->seq == skb->seq &&
	     !after(skb->end_seq, (*p)->end_seq)) ||
	    (prev && !after(skb->end_seq, prev->end_seq))) {
		kfree_skb(skb);
		return;
	}
	skb->next = *p;
	*p = skb;
	if (!skb->next)
		tp->ofo_queue.tail = skb;
	tp->ofo_queue.qlen++;
	tp->rmem += skb_truesize(skb);
}

/* What the hole hid, now in order. */
static void ofo_drain(struct tcp_sock *tp)
{
	struct sk_buff *skb;

	while ((skb = tp->ofo_queue.head) && !after(skb->seq, tp->rcv_nxt)) {
		skb_dequeue(&tp->ofo_queue);
		tp->rmem -= skb_truesize(skb);
		if (trim_front(skb, tp->rcv_nxt) && !tp->done)
			queue_in_order(tp, skb);
		else
			kfree_skb(skb);
	}
}

/* The ACK of in-order data: now, or delayed (above). */
static void ack_data(struct tcp_sock *tp, bool now)
{
	if (now || tp->rcv_nxt - tp->rcv_acked >= 2u * tp->mss)
		tcp_send_ack(tp);
	else if (!tp->delack.pending)
		net_timer_mod(&tp->delack, jiffies + TCP_DELACK_TICKS);
}

/* A segment with data or a FIN, in the window; skb taken. The states
   after the peer's FIN (CLOSE_WAIT, CLOSING, LAST_ACK, TIME_WAIT)
   expect nothing more: a repeated FIN is only acknowledged. */
void tcp_data_queue(struct tcp_sock *tp, struct sk_buff *skb)
{
	bool accepting = tp->state == TCP_ESTABLISHED ||
			 tp->state == TCP_FIN_WAIT1 ||
			 tp->state == TCP_FIN_WAIT2;

	/* Buffers far beyond what the window allows (tiny segments): drop,
	   the sender will send them again. */
	if (!accepting || !trim_front(skb, tp->rcv_nxt) ||
	    tp->rmem > 2 * tp->inet.sk.rcvbuf) {
		kfree_skb(skb);
		tcp_send_ack(tp);
		return;
	}
	trim_back(skb, tp->rcv_nxt + tcp_space(tp));
	if (skb->seq == tp->rcv_nxt) {
		bool hole = tp->ofo_queue.head;
		queue_in_order(tp, skb);
		ofo_drain(tp);
		wake_up(&tp->inet.sk.wq);
		ack_data(tp, hole || tp->done);
	} else {
		ofo_insert(tp, skb);
		tcp_send_ack(tp);       /* a duplicate ACK */
	}
}
