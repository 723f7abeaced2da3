/*
 * TCP's retransmission: what an ACK tells the sender, and what the
 * sender does when ACKs stop coming.
 *
 * The retransmission timeout (RFC 6298): each round trip measured -
 * one segment timed at a time, never a retransmitted one (Karn's rule:
 * its ACK might answer either copy) - updates
 *     RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R|     SRTT = 7/8 SRTT + 1/8 R
 *     RTO = SRTT + max(G, 4 RTTVAR), kept within 200 ms .. 120 s (Linux)
 * When the timer runs out, the oldest unacknowledged segment goes again
 * and the RTO doubles (exponential back-off), up to TCP_RETRIES times
 * (TCP_SYN_RETRIES for a handshake): then the connection is given up,
 * ETIMEDOUT.
 *
 * Congestion control (RFC 5681, with NewReno's recovery, RFC 6582): the
 * congestion window cwnd limits what is in flight. It starts at 10
 * segments (RFC 6928, as Linux), grows by a segment per ACK below
 * ssthresh (slow start: doubling each round trip) and by one segment a
 * round trip above it (congestion avoidance). A loss halves it:
 *   - three duplicate ACKs (the peer got later segments, one is
 *     missing): fast retransmit of the missing one, ssthresh = half the
 *     flight, and fast recovery until everything then in flight is
 *     acknowledged; each partial ACK resends the next hole;
 *   - a timeout: cwnd drops to one segment (slow start again), and
 *     the holes are resent one per ACK in the same way.
 *
 * The same timer probes a zero window (the persist timer) and ends
 * TIME_WAIT and an orphaned FIN_WAIT2.
 */
#include "net/tcp.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define MS_PER_TICK (1000 / HZ)

static uint32_t ms_to_ticks(uint32_t ms)
{
	return (ms + MS_PER_TICK - 1) / MS_PER_TICK;
}

void tcp_set_timer(struct tcp_sock *tp, uint32_t ticks)
{
	net_timer_mod(&tp->timer, jiffies + ticks);
}

/* The RTO with its back-off, in ticks. */
static uint32_t backed_off_rto(struct tcp_sock *tp)
{
	uint32_t ms = tp->rto;

	for (int i = 0; i < tp->backoff && ms < TCP_RTO_MAX_MS; i++)
		ms *= 2;
	return ms_to_ticks(ms < TCP_RTO_MAX_MS ? ms : TCP_RTO_MAX_MS);
}

/* RFC 6298 5.1-5.3: the timer runs while anything is unacknowledged,
   restarted by each ACK of new data; with only unsent data that a zero
   window holds back, it probes. */
void tcp_rearm_timer(struct tcp_sock *tp)
{
	switch (tp->state) {
	case TCP_CLOSE:
	case TCP_LISTEN:
		return;                 /* nothing to send */
	case TCP_TIME_WAIT:
	case TCP_FIN_WAIT2:
		return;                 /* the timer waits for the end there */
	default:
		break;
	}
	if (tp->snd_una != tp->snd_nxt || tp->send_head)
		tcp_set_timer(tp, backed_off_rto(tp));
	else
		net_timer_del(&tp->timer);
}

/* ---- round-trip time ---- */

static void rtt_sample(struct tcp_sock *tp, uint32_t ms)
{
	if (!tp->rtt_sampled) {         /* the first: RFC 6298 2.2 */
		tp->srtt = ms;
		tp->rttvar = ms / 2;
		tp->rtt_sampled = true;
	} else {
		uint32_t delta = ms > tp->srtt ? ms - tp->srtt : tp->srtt - ms;
		tp->rttvar = (3 * tp->rttvar + delta) / 4;
		tp->srtt = (7 * tp->srtt + ms) / 8;
	}
	uint32_t var = 4 * tp->rttvar > MS_PER_TICK ? 4 * tp->rttvar
						     : MS_PER_TICK;
	tp->rto = tp->srtt + var;
	if (tp->rto < TCP_RTO_MIN_MS)
		tp->rto = TCP_RTO_MIN_MS;
	if (tp->rto > TCP_RTO_MAX_MS)
		tp->rto = TCP_RTO_MAX_MS;
}

/* ---- what ACKs say ---- */

static uint32_t flight_half(struct tcp_sock *tp)
{
	uint32_t half = (tp->snd_nxt - tp->snd_una) / 2;

	return half > 2u * tp->mss ? half : 2u * tp->mss;
}

/* Slow start below ssthresh, congestion avoidance above. An ACK may
   stand for two segments (the peer delays its ACKs): slow start counts
   up to two segments' bytes per ACK (RFC 3465's L = 2 SMSS). */
static void grow_cwnd(struct tcp_sock *tp, uint32_t acked)
{
	if (tp->cwnd < tp->ssthresh)
		tp->cwnd += acked < 2u * tp->mss ? acked : 2u * tp->mss;
	else
		tp->cwnd += tp->mss * tp->mss / tp->cwnd ?: 1;
}

/* The oldest unacknowledged segment goes again. */
static void retransmit_head(struct tcp_sock *tp)
{
	if (tp->write_queue.head) {
		tcp_transmit_skb(tp, tp->write_queue.head);
		tp->rtt_timing = false;         /* Karn */
	}
}

/* An ACK of new data, snd_una < ack <= snd_nxt: the acknowledged
   segments leave the write queue (their writers get the room), the
   round trip is measured and the congestion window moves. */
void tcp_ack_update(struct tcp_sock *tp, uint32_t ack)
{
	uint32_t acked = ack - tp->snd_una;
	bool was_writable = tcp_writable(tp);
	struct sk_buff *skb;

	while ((skb = tp->write_queue.head) && !after(skb->end_seq, ack)) {
		skb_dequeue(&tp->write_queue);
		tp->wmem -= skb_truesize(skb);
		kfree_skb(skb);
	}
	if (skb && before(skb->seq, ack)) {     /* part of a segment */
		skb_pull(skb, ack - skb->seq);
		skb->seq = ack;
	}
	tp->snd_una = ack;
	if (tp->rtt_timing && !before(ack, tp->rtt_seq)) {
		rtt_sample(tp, (jiffies - tp->rtt_start) * MS_PER_TICK);
		tp->rtt_timing = false;
	}
	tp->backoff = 0;
	tp->dupacks = 0;
	if (tp->ca_state == TCP_CA_RECOVERY) {
		if (before(ack, tp->recover)) { /* a partial ACK: the next hole */
			retransmit_head(tp);
			tp->cwnd = tp->cwnd > acked ? tp->cwnd - acked + tp->mss
						    : tp->mss;
		} else {                        /* all recovered */
			tp->cwnd = tp->ssthresh;
			tp->ca_state = TCP_CA_OPEN;
		}
	} else {
		if (tp->ca_state == TCP_CA_LOSS) {
			if (before(ack, tp->recover))
				retransmit_head(tp);
			else
				tp->ca_state = TCP_CA_OPEN;
		}
		grow_cwnd(tp, acked);
	}
	if (tp->cwnd > 2 * TCP_MAX_WINDOW)
		tp->cwnd = 2 * TCP_MAX_WINDOW;
	if (!was_writable)      /* writers (or poll) may wait for room; */
		wake_up(&tp->inet.sk.wq);       /* else nobody waits */
	tcp_rearm_timer(tp);
}

/* An ACK that repeats snd_una while data is in flight: a segment after
   a missing one arrived. The third starts fast retransmit; each one
   after it means another segment left the network (cwnd grows by one,
   so new data keeps flowing during recovery). */
void tcp_dupack(struct tcp_sock *tp)
{
	if (++tp->dupacks == 3 && tp->ca_state == TCP_CA_OPEN) {
		tp->ssthresh = flight_half(tp);
		tp->cwnd = tp->ssthresh + 3 * tp->mss;
		tp->recover = tp->snd_nxt;
		tp->ca_state = TCP_CA_RECOVERY;
		retransmit_head(tp);
	} else if (tp->dupacks > 3 && tp->ca_state == TCP_CA_RECOVERY) {
		tp->cwnd += tp->mss;
		tcp_write_xmit(tp);
	}
}

/* ---- the timer ---- */

/* The RTO ran out: resend, back off, or give up. */
static void retransmit_timeout(struct tcp_sock *tp)
{
	bool handshake = tp->state == TCP_SYN_SENT ||
			 tp->state == TCP_SYN_RECV;

	if (tp->backoff >= (handshake ? TCP_SYN_RETRIES : TCP_RETRIES)) {
		tcp_reset(tp, -ETIMEDOUT);
		return;
	}
	if (tp->backoff == 0)           /* RFC 5681 (4): halve once per loss */
		tp->ssthresh = flight_half(tp);
	tp->cwnd = tp->mss;
	tp->ca_state = TCP_CA_LOSS;
	tp->recover = tp->snd_nxt;
	tp->dupacks = 0;
	retransmit_head(tp);
	tp->backoff++;
	tcp_set_timer(tp, backed_off_rto(tp));
}

/* Nothing in flight, data waiting, the peer's window shut: probe it.
   A peer that answers may keep its window shut for ever; but a closed
   file's connection gives up after TCP_RETRIES probes, as Linux's
   orphans do, or it would never go. */
static void probe_timeout(struct tcp_sock *tp)
{
	tcp_write_xmit(tp);             /* the window may have opened */
	if (tp->snd_una != tp->snd_nxt)
		return;
	if (tp->backoff >= TCP_RETRIES) {
		if (tp->released) {
			tcp_reset(tp, -ETIMEDOUT);
			return;
		}
	} else {
		tp->backoff++;
	}
	tcp_send_probe(tp);
	tcp_set_timer(tp, backed_off_rto(tp));
}

static void tcp_timer(struct net_timer *t)
{
	struct tcp_sock *tp = container_of(t, struct tcp_sock, timer);

	switch (tp->state) {
	case TCP_TIME_WAIT:
	case TCP_FIN_WAIT2:             /* an orphan the peer never closed */
		tcp_done(tp);
		return;
	case TCP_CLOSE:
	case TCP_LISTEN:
		return;
	default:
		if (tp->snd_una != tp->snd_nxt)
			retransmit_timeout(tp);
		else if (tp->send_head)
			probe_timeout(tp);
	}
}

/* The delayed ACK is due (tcp_recv.c). */
static void delack_timer(struct net_timer *t)
{
	tcp_send_ack(container_of(t, struct tcp_sock, delack));
}

void tcp_timer_init(struct tcp_sock *tp)
{
	net_timer_setup(&tp->timer, tcp_timer);
	net_timer_setup(&tp->delack, delack_timer);
}

void tcp_timers_stop(struct tcp_sock *tp)
{
	net_timer_del(&tp->timer);
	net_timer_del(&tp->delack);
}
