/*
 * An arriving segment through TCP's state machine (RFC 9293 3.10.7,
 * "SEGMENT ARRIVES"), in netd. ip_rcv hands it to tcp_rcv, which checks
 * it, finds its connection by the 4-tuple and goes by the state:
 *
 *   no connection (or CLOSED)  answer with a RST (tcp_send_reset)
 *   LISTEN                     a SYN makes a child in SYN_RECV and
 *                              answers SYN-ACK (listen_rcv)
 *   SYN_SENT                   a SYN-ACK: ESTABLISHED; a RST:
 *                              ECONNREFUSED (synsent_rcv)
 *   every other state          the checks in RFC order (state_rcv):
 *     1. is it in the window?       (else ACK it and drop it)
 *     2. RST: the connection ends   (rst_rcv)
 *     3. SYN: a challenge ACK       (RFC 5961)
 *     4. the ACK: frees the write queue, moves the window, and moves
 *        SYN_RECV, FIN_WAIT1, CLOSING, LAST_ACK on (ack_rcv)
 *     5. data and FIN: the receive queue (tcp_recv.c)
 */
#include "net/tcp.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* ---- the header ---- */

/* A sound segment: long enough, its checksum right (unless it came
   over lo, which vouches for it). Its numbers go into the skb; data
   then points at the payload. */
static bool parse(struct sk_buff *skb)
{
	struct tcphdr *th = (struct tcphdr *)skb->data;
	uint32_t hlen;

	skb->transport_header = skb->data;
	if (skb->len < TCP_HLEN)
		return false;
	hlen = (th->doff >> 4) * 4;
	if (hlen < TCP_HLEN || hlen > skb->len)
		return false;
	if (skb->ip_summed != CHECKSUM_UNNECESSARY &&
	    ip_checksum(th, skb->len, ip_pseudo_sum(skb->saddr, skb->daddr,
						    IPPROTO_TCP, skb->len)))
		return false;
	skb->tcp_flags = th->flags;
	skb->seq = ntohl(th->seq);
	skb->end_seq = skb->seq + skb->len - hlen +
		       !!(th->flags & TCPH_SYN) + !!(th->flags & TCPH_FIN);
	skb_pull(skb, hlen);
	return true;
}

/* The MSS option of a SYN (RFC 9293 3.7.1), or the default without. */
static uint16_t parse_mss(const struct sk_buff *skb)
{
	const struct tcphdr *th = tcp_hdr(skb);
	const uint8_t *opt = (const uint8_t *)(th + 1);
	const uint8_t *end = (const uint8_t *)th + (th->doff >> 4) * 4;

	while (opt < end && *opt != TCPOPT_EOL) {
		if (*opt == TCPOPT_NOP) {
			opt++;
			continue;
		}
		if (opt + 1 >= end || opt[1] < 2 || opt + opt[1] > end)
			break;
		if (opt[0] == TCPOPT_MSS && opt[1] == 4) {
			/* A tiny MSS (0 would mean empty segments for
			   ever) is raised to a floor, as Linux does. */
			uint16_t mss = opt[2] << 8 | opt[3];
			return mss < TCP_MSS_MIN ? TCP_MSS_MIN : mss;
		}
		opt += opt[1];
	}
	return TCP_MSS_DEFAULT;
}

static uint32_t seg_ack(const struct sk_buff *skb)
{
	return ntohl(tcp_hdr(skb)->ack_seq);
}

static uint16_t seg_window(const struct sk_buff *skb)
{
	return ntohs(tcp_hdr(skb)->window);
}

/* The peer's side of a SYN: its first number, its MSS, its window. */
static void learn_peer(struct tcp_sock *tp, struct sk_buff *skb)
{
	uint16_t mss = parse_mss(skb);

	tp->irs = skb->seq;
	tp->rcv_nxt = skb->seq + 1;
	if (mss < tp->mss)
		tp->mss = mss;
	tp->snd_wnd = seg_window(skb);
	tp->snd_wl1 = skb->seq;
	tp->snd_wl2 = seg_ack(skb);
}

/* ---- LISTEN and SYN_SENT ---- */

static void listen_rcv(struct tcp_sock *tp, struct sk_buff *skb)
{
	struct tcphdr *th = tcp_hdr(skb);
	struct tcp_sock *child;

	if (skb->tcp_flags & TCPH_RST)
		return;
	if (skb->tcp_flags & TCPH_ACK) {
		tcp_send_reset(skb);
		return;
	}
	if (!(skb->tcp_flags & TCPH_SYN) || !(child = tcp_child(tp)))
		return;                 /* the backlog is full: SYN dropped */
	child->inet.saddr = skb->daddr;
	child->inet.sport = th->dest;
	child->inet.daddr = skb->saddr;
	child->inet.dport = th->source;
	tcp_connect_init(child);
	learn_peer(child, skb);
	tcp_set_state(child, TCP_SYN_RECV);
	tcp_queue_ctl(child, TCPH_SYN);
	tcp_write_xmit(child);
}

static void synsent_rcv(struct tcp_sock *tp, struct sk_buff *skb)
{
	uint8_t flags = skb->tcp_flags;
	uint32_t ack = seg_ack(skb);

	if ((flags & TCPH_ACK) &&
	    (!after(ack, tp->iss) || after(ack, tp->snd_nxt))) {
		tcp_send_reset(skb);    /* not for our SYN */
		return;
	}
	if (flags & TCPH_RST) {
		if (flags & TCPH_ACK)
			tcp_reset(tp, -ECONNREFUSED);
		return;
	}
	if (!(flags & TCPH_SYN))
		return;
	learn_peer(tp, skb);
	if (flags & TCPH_ACK) {
		tcp_ack_update(tp, ack);
		tcp_set_state(tp, TCP_ESTABLISHED);
		tcp_send_ack(tp);
		tcp_write_xmit(tp);
	} else {                /* both sides opened at once: RFC 9293 3.5 */
		tcp_set_state(tp, TCP_SYN_RECV);
		tcp_transmit_skb(tp, tp->write_queue.head);     /* SYN-ACK */
	}
}

/* ---- the synchronized states ---- */

/* RFC 9293 3.10.7.4, first: does any of the segment fall inside the
   receive window? A segment at rcv_nxt always counts, so that the ACKs
   of a peer facing our zero window are still taken (its data is then
   cut to the window: nothing). */
static bool in_window(struct tcp_sock *tp, const struct sk_buff *skb)
{
	return skb->seq == tp->rcv_nxt ||
	       tcp_seq_acceptable(skb->seq, skb->end_seq - skb->seq,
				  tp->rcv_nxt, tcp_space(tp));
}

/* RFC 9293 3.10.7.4, second: a RST in the window ends the connection. */
static void rst_rcv(struct tcp_sock *tp)
{
	switch (tp->state) {
	case TCP_SYN_RECV:
		if (tp->parent) {       /* a child: it just goes */
			tcp_done(tp);
			return;
		}
		tcp_reset(tp, -ECONNREFUSED);
		return;
	case TCP_CLOSING:
	case TCP_LAST_ACK:
	case TCP_TIME_WAIT:
		tcp_done(tp);
		return;
	case TCP_CLOSE_WAIT:
		tcp_reset(tp, -EPIPE);  /* Linux's choice */
		return;
	default:
		tcp_reset(tp, -ECONNRESET);
	}
}

/* The peer's window, from the newest segment only (RFC 9293 3.10.7.4:
   SND.WL1 and SND.WL2 keep an old segment from undoing a newer one).
   Whether it changed: a duplicate ACK must leave it the same. */
static bool window_update(struct tcp_sock *tp, struct sk_buff *skb,
			  uint32_t ack)
{
	uint16_t wnd = seg_window(skb);
	bool changed = wnd != tp->snd_wnd;

	if (before(tp->snd_wl1, skb->seq) ||
	    (tp->snd_wl1 == skb->seq && !before(ack, tp->snd_wl2))) {
		tp->snd_wnd = wnd;
		tp->snd_wl1 = skb->seq;
		tp->snd_wl2 = ack;
		return changed;
	}
	return false;
}

/* Everything we sent, our FIN with it, is acknowledged. */
static bool fin_acked(struct tcp_sock *tp)
{
	return tp->snd_una == tp->write_seq;
}

/* RFC 9293 3.10.7.4, fifth: the ACK field. false: drop the segment
   (tp may be gone). */
static bool ack_rcv(struct tcp_sock *tp, struct sk_buff *skb)
{
	uint32_t ack = seg_ack(skb);

	if (tp->state == TCP_SYN_RECV) {
		if (!after(ack, tp->snd_una) || after(ack, tp->snd_nxt)) {
			tcp_send_reset(skb);
			return false;
		}
		tcp_set_state(tp, TCP_ESTABLISHED);
		tcp_child_established(tp);
	}
	if (after(ack, tp->snd_nxt)) {          /* for data never sent */
		tcp_send_ack(tp);
		return false;
	}
	if (before(ack, tp->snd_una))           /* an old duplicate */
		return true;
	bool wnd_changed = window_update(tp, skb, ack);
	if (after(ack, tp->snd_una))
		tcp_ack_update(tp, ack);
	else if (skb->end_seq == skb->seq && !wnd_changed &&
		 tp->snd_una != tp->snd_nxt)
		tcp_dupack(tp);
	switch (tp->state) {
	case TCP_FIN_WAIT1:
		if (fin_acked(tp))
			tcp_set_state(tp, TCP_FIN_WAIT2);
		break;
	case TCP_CLOSING:
		if (fin_acked(tp))
			tcp_set_state(tp, TCP_TIME_WAIT);
		break;
	case TCP_LAST_ACK:
		if (fin_acked(tp)) {
			tcp_done(tp);
			return false;
		}
		break;
	default:
		break;
	}
	tcp_write_xmit(tp);             /* the window may have opened */
	return true;
}

/* New data for a connection whose file is closed: nobody will read it.
   Linux answers with a RST and ends the connection. */
static bool data_after_close(struct tcp_sock *tp, struct sk_buff *skb)
{
	return tp->released && skb->len &&
	       (tp->state == TCP_FIN_WAIT1 || tp->state == TCP_FIN_WAIT2) &&
	       after(skb->end_seq, tp->rcv_nxt);
}

/* The states with a connection; skb taken. */
static void state_rcv(struct tcp_sock *tp, struct sk_buff *skb)
{
	uint8_t flags = skb->tcp_flags;

	if (!in_window(tp, skb)) {
		if (!(flags & TCPH_RST))
			tcp_send_ack(tp);
		/* RFC 9293: TIME_WAIT's repeated FIN (our ACK was lost) is
		   acknowledged and restarts the 2 MSL wait */
		if (tp->state == TCP_TIME_WAIT && (flags & TCPH_FIN))
			tcp_set_timer(tp, TCP_TIMEWAIT_LEN);
		goto drop;
	}
	if (flags & TCPH_RST) {
		rst_rcv(tp);
		goto drop;
	}
	if (flags & TCPH_SYN) {         /* RFC 5961 4.2: a challenge ACK */
		tcp_send_ack(tp);
		goto drop;
	}
	if (!(flags & TCPH_ACK) || !ack_rcv(tp, skb))
		goto drop;
	if (data_after_close(tp, skb)) {
		tcp_send_reset(skb);
		tcp_reset(tp, -ECONNRESET);
		goto drop;
	}
	if (skb->end_seq != skb->seq) {
		tcp_data_queue(tp, skb);
		return;
	}
drop:
	kfree_skb(skb);
}

/* ---- from IP ---- */

void tcp_rcv(struct sk_buff *skb)
{
	struct inet_sock *isk;
	struct tcp_sock *tp;

	if (!parse(skb)) {
		kfree_skb(skb);
		return;
	}
	isk = inet_lookup(&tcp_proto, skb->saddr, tcp_hdr(skb)->source,
			  skb->daddr, tcp_hdr(skb)->dest);
	tp = (struct tcp_sock *)isk;
	if (!tp || tp->state == TCP_CLOSE) {
		tcp_send_reset(skb);
		kfree_skb(skb);
		return;
	}
	switch (tp->state) {
	case TCP_LISTEN:
		listen_rcv(tp, skb);
		break;
	case TCP_SYN_SENT:
		synsent_rcv(tp, skb);
		break;
	default:
		state_rcv(tp, skb);
		return;
	}
	kfree_skb(skb);
}
