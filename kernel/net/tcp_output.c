/*
 * TCP's sending side: segments built and handed to IP, and the sliding
 * window that decides how much of the write queue may be in flight.
 *
 * A segment may leave when it fits in both windows, counted from
 * snd_una: the peer's receive window (flow control: what its buffer
 * has room for, from the last ACK) and our congestion window (what the
 * network seems to carry, tcp_timer.c):
 *
 *   snd_una          snd_nxt                       snd_una + window
 *      |--- in flight ---|--- may be sent now ---------|--- must wait ...
 *
 * Queued segments stay in the write queue until acknowledged; sending
 * one sends a clone (the same bytes, skb.h), so the original is there
 * to be sent again. Nagle's
 * rule (RFC 9293 3.7.4, off with TCP_NODELAY) holds back a small last
 * segment while anything is unacknowledged, so that a writer of small
 * pieces sends full segments. When the peer's window is zero, the timer
 * probes it (tcp_timer.c) until an ACK opens it.
 */
#include "net/tcp.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* ---- buffers ---- */

uint32_t skb_truesize(const struct sk_buff *skb)
{
	return skb->end - skb->head;
}

/* A buffer for up to size bytes of payload, with room for the headers. */
struct sk_buff *tcp_alloc_skb(uint32_t size)
{
	struct sk_buff *skb = alloc_skb(MAX_HEADER + size);

	if (skb)
		skb_reserve(skb, MAX_HEADER);
	return skb;
}

/* On the write queue's tail, to be sent. */
void tcp_queue_skb(struct tcp_sock *tp, struct sk_buff *skb)
{
	skb_queue_tail(&tp->write_queue, skb);
	tp->wmem += skb_truesize(skb);
	if (!tp->send_head)
		tp->send_head = skb;
}

/* A SYN or a FIN: a segment of its own, one sequence number long. */
void tcp_queue_ctl(struct tcp_sock *tp, uint8_t flags)
{
	struct sk_buff *skb = tcp_alloc_skb(0);

	if (!skb)
		return;                 /* the timer cannot resend it: rare */
	skb->seq = tp->write_seq++;
	skb->end_seq = tp->write_seq;
	skb->tcp_flags = flags;
	tcp_queue_skb(tp, skb);
}

void tcp_write_purge(struct tcp_sock *tp)
{
	skb_queue_purge(&tp->write_queue);
	tp->send_head = NULL;
	tp->wmem = 0;
}

/* ---- the connection's start ---- */

/* The largest segment the interface with address saddr carries: its
   MTU less the IP and TCP headers (RFC 9293 3.7.1). */
uint16_t tcp_route_mss(uint32_t saddr)
{
	struct net_device *dev;
	uint32_t mtu = TCP_MSS_DEFAULT + 40;

	for_each_netdev(dev)
		if (dev->addr == saddr ||
		    (!saddr && (dev->flags & IFF_LOOPBACK)))
			mtu = dev->mtu;
	if (mtu > SKB_MAX_SIZE - MAX_HEADER)
		mtu = SKB_MAX_SIZE - MAX_HEADER;
	return mtu - 40;
}

/* The sending side's start, for connect() and for a listener's child:
   our initial sequence number, the MSS, the RTO and congestion window's
   first values. */
void tcp_connect_init(struct tcp_sock *tp)
{
	struct inet_sock *isk = &tp->inet;

	tp->iss = tcp_isn(isk->saddr, isk->sport, isk->daddr, isk->dport);
	tp->snd_una = tp->snd_nxt = tp->write_seq = tp->iss;
	tp->mss = tcp_route_mss(isk->saddr);
	if (tp->user_mss && tp->user_mss < tp->mss)
		tp->mss = tp->user_mss;
	tp->rto = TCP_RTO_INIT_MS;
	tp->rtt_sampled = tp->rtt_timing = false;
	tp->backoff = tp->dupacks = 0;
	tp->cwnd = TCP_INIT_CWND * tp->mss;
	tp->ssthresh = TCP_MAX_WINDOW;
	tp->ca_state = TCP_CA_OPEN;
	tp->done = false;       /* connect() again after a failed one */
}

/* ---- building segments ---- */

static void put_header(struct sk_buff *skb, const struct inet_sock *isk,
		       uint32_t seq, uint32_t ack, uint8_t flags,
		       uint16_t window, uint16_t mss)
{
	uint32_t hlen = TCP_HLEN + (mss ? 4 : 0);
	struct tcphdr *th = (struct tcphdr *)skb_push(skb, hlen);

	skb->transport_header = (uint8_t *)th;
	th->source = isk->sport;
	th->dest = isk->dport;
	th->seq = htonl(seq);
	th->ack_seq = htonl(flags & TCPH_ACK ? ack : 0);
	th->doff = (hlen / 4) << 4;
	th->flags = flags;
	th->window = htons(window);
	th->urg_ptr = 0;
	if (mss) {              /* the MSS option, in a SYN only */
		uint8_t *opt = (uint8_t *)(th + 1);
		opt[0] = TCPOPT_MSS;
		opt[1] = 4;
		opt[2] = mss >> 8;
		opt[3] = mss & 0xff;
	}
	/* ip_output sums it, or lo needs none */
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_offset = offsetof(struct tcphdr, check);
}

/* The window we offer: the receive buffer's room. Past the zero
   window's probe, it is what the sequence check accepts. While a hole
   is open (out-of-order segments wait), each ACK repeats the last
   window: the sender counts an ACK as a duplicate only if its window is
   the same (RFC 5681, section 2), and three duplicates make it resend
   the missing segment at once instead of waiting for its timer. The
   right edge stays where it was, so the window never shrinks. */
uint32_t tcp_select_window(struct tcp_sock *tp)
{
	if (!tp->ofo_queue.head)
		tp->rcv_wnd = tcp_space(tp);
	return tp->rcv_wnd;
}

/* Send skb (data at its payload; taken) as a segment of tp's. Every
   segment but the first SYN acknowledges what arrived. */
static void tcp_xmit(struct tcp_sock *tp, struct sk_buff *skb, uint32_t seq,
		     uint8_t flags)
{
	uint16_t mss = flags & TCPH_SYN ? tcp_route_mss(tp->inet.saddr) : 0;

	if (tp->state != TCP_SYN_SENT) {
		flags |= TCPH_ACK;
		tp->rcv_acked = tp->rcv_nxt;    /* no ACK is owed now */
		net_timer_del(&tp->delack);
	}
	put_header(skb, &tp->inet, seq, tp->rcv_nxt, flags,
		   tcp_select_window(tp), mss);
	ip_output(skb, tp->inet.saddr, tp->inet.daddr, IPPROTO_TCP,
		  tp->inet.ttl);
}

/* A segment of the write queue, sent (again): a clone goes, sharing
   its bytes, and the headers go into the shared headroom. Sent again
   while the last clone still lives (on lo, in the peer's receive
   queue), it goes as a copy: new headers would overwrite bytes that
   clone may still show - after a partial ACK, even payload. */
void tcp_transmit_skb(struct tcp_sock *tp, struct sk_buff *skb)
{
	struct sk_buff *out = skb_cloned(skb) ? skb_copy(skb) : skb_clone(skb);

	if (out)
		tcp_xmit(tp, out, skb->seq, skb->tcp_flags);
}

/* A segment with no data, at seq: an ACK, a RST, a probe. */
static void send_empty(struct tcp_sock *tp, uint32_t seq, uint8_t flags)
{
	struct sk_buff *skb = tcp_alloc_skb(0);

	if (skb)
		tcp_xmit(tp, skb, seq, flags);
}

void tcp_send_ack(struct tcp_sock *tp)
{
	send_empty(tp, tp->snd_nxt, 0);
}

/* The zero-window probe: an old sequence number (already acked), which
   the peer must answer with an ACK carrying its window. */
void tcp_send_probe(struct tcp_sock *tp)
{
	send_empty(tp, tp->snd_una - 1, 0);
}

/* We abort the connection: RST (RFC 9293 3.10.4, ABORT). */
void tcp_send_active_reset(struct tcp_sock *tp)
{
	send_empty(tp, tp->snd_nxt, TCPH_RST);
}

/* The answer to a segment that has no connection (RFC 9293 3.10.7.1):
   a RST the sender accepts - at its ACK's number, or acknowledging it. */
void tcp_send_reset(struct sk_buff *in)
{
	struct tcphdr *th = tcp_hdr(in);
	struct inet_sock to = {
		.saddr = in->daddr, .daddr = in->saddr,
		.sport = th->dest, .dport = th->source,
	};
	struct sk_buff *skb;

	if (in->tcp_flags & TCPH_RST || !(skb = tcp_alloc_skb(0)))
		return;
	if (in->tcp_flags & TCPH_ACK)
		put_header(skb, &to, ntohl(th->ack_seq), 0, TCPH_RST, 0, 0);
	else
		put_header(skb, &to, 0, in->end_seq, TCPH_RST | TCPH_ACK, 0, 0);
	ip_output(skb, to.saddr, to.daddr, IPPROTO_TCP, IP_DEFAULT_TTL);
}

/* The reader made room: tell the peer when the window grew by enough
   to matter (two segments, or half the buffer: RFC 9293 3.8.6.2.2, the
   receiver's side of silly-window avoidance). And a delayed ACK waits
   no longer once the reader has taken everything (as Linux's
   tcp_cleanup_rbuf): the sender may be waiting for it to send more. */
void tcp_window_update(struct tcp_sock *tp)
{
	uint32_t space = tcp_space(tp), step = 2 * tp->mss;

	if (tp->state != TCP_ESTABLISHED && tp->state != TCP_FIN_WAIT1 &&
	    tp->state != TCP_FIN_WAIT2)
		return;
	if (tp->ofo_queue.head)
		return;         /* a hole: the window waits (tcp_select_window) */
	if (step > space / 2)
		step = space / 2;
	if ((space >= tp->rcv_wnd + step && space > tp->rcv_wnd) ||
	    (tp->delack.pending && !tp->rcv_queue.head))
		tcp_send_ack(tp);
}

/* ---- the sliding window ---- */

/* Cut skb after len bytes: the rest becomes the next segment. */
static int split(struct tcp_sock *tp, struct sk_buff *skb, uint32_t len)
{
	struct sk_buff *rest = tcp_alloc_skb(tp->mss);  /* sendmsg may fill it */

	if (!rest)
		return -ENOMEM;
	memcpy(skb_put(rest, skb->len - len), skb->data + len, skb->len - len);
	rest->seq = skb->seq + len;
	rest->end_seq = skb->end_seq;
	rest->tcp_flags = skb->tcp_flags;
	skb_trim(skb, len);
	skb->end_seq = rest->seq;
	rest->next = skb->next;
	skb->next = rest;
	if (tp->write_queue.tail == skb)
		tp->write_queue.tail = rest;
	tp->write_queue.qlen++;
	tp->wmem += skb_truesize(rest);
	return 0;
}

/* May skb go now? A SYN or FIN always may (they take no room); data
   when it fits in the window, except that a small last segment waits
   for the ACKs of what is in flight (Nagle). When nothing is in flight
   and the window is open but smaller than the segment, the segment is
   cut to fit, so a small window does not stall the connection. */
static bool may_send(struct tcp_sock *tp, struct sk_buff *skb)
{
	uint32_t wnd = tp->snd_wnd < tp->cwnd ? tp->snd_wnd : tp->cwnd;
	uint32_t right = tp->snd_una + wnd;
	bool idle = tp->snd_nxt == tp->snd_una;

	if (skb->tcp_flags & (TCPH_SYN | TCPH_FIN))
		return true;
	if (after(skb->end_seq, right)) {
		if (!idle || !after(right, skb->seq) ||
		    split(tp, skb, right - skb->seq))
			return false;
	}
	return tp->nodelay || idle || skb->len >= tp->mss ||
	       skb != tp->write_queue.tail;
}

/* Send what the windows allow from send_head on; the timer runs while
   anything is in flight (or probes a zero window). */
void tcp_write_xmit(struct tcp_sock *tp)
{
	struct sk_buff *skb;

	while ((skb = tp->send_head) && may_send(tp, skb)) {
		tcp_transmit_skb(tp, skb);
		tp->snd_nxt = skb->end_seq;
		tp->send_head = skb->next;
		if (!tp->rtt_timing) {          /* time one segment per RTT */
			tp->rtt_timing = true;
			tp->rtt_seq = skb->end_seq;
			tp->rtt_start = jiffies;
		}
	}
	if (!tp->timer.pending)
		tcp_rearm_timer(tp);
}
