/*
 * What TCP shows and picks by itself: /proc/net/tcp, and the initial
 * sequence numbers of new connections.
 */
#include "net/tcp.h"
#include "arch/arch.h"
#include "lib/lib.h"

/* ---- initial sequence numbers ---- */

/* RFC 6528: a clock ticking every 4 microseconds (so a new connection's
   numbers run ahead of an old one's that may still have segments in the
   network) plus a keyed hash of the 4-tuple (so an outsider cannot guess
   them). The key is the TSC at the first connection. */
uint32_t tcp_isn(uint32_t saddr, uint16_t sport, uint32_t daddr,
		 uint16_t dport)
{
	static uint32_t key;
	uint32_t words[3] = { saddr, daddr, (uint32_t)sport << 16 | dport };
	uint32_t h;

	if (!key)
		key = (uint32_t)rdtsc() | 1;
	h = key;
	for (int i = 0; i < 3; i++) {   /* a multiplicative mix per word */
		h = (h ^ words[i]) * 0x9e3779b1u;
		h ^= h >> 15;
	}
	return h + (uint32_t)(monotonic_ns() / 4000);
}

/* ---- /proc/net/tcp ---- */

/* Linux's timer codes: 1 retransmission, 3 TIME_WAIT, 4 zero-window
   probe, 0 none. */
static int timer_code(const struct tcp_sock *tp)
{
	if (!tp->timer.pending)
		return 0;
	if (tp->state == TCP_TIME_WAIT || tp->state == TCP_FIN_WAIT2)
		return 3;
	return tp->snd_una != tp->snd_nxt ? 1 : 4;
}

static void show_sock(char *buf, size_t size, size_t *len, int sl,
		      struct tcp_sock *tp)
{
	struct inet_sock *isk = &tp->inet;
	struct file *f = isk->sk.file;
	int tr = timer_code(tp);
	uint32_t when = tr ? tp->timer.expires - jiffies : 0;
	uint32_t txq = tp->write_seq - tp->snd_una;
	uint32_t rxq = tp->rcv_bytes;

	if (tp->state == TCP_LISTEN) {  /* Linux: the accept queue's length */
		txq = 0;
		rxq = tp->nchildren;
	}
	/* Addresses in network order, printed as the integers they are on
	   a little-endian machine; ports in host order. */
	appendf(buf, size, len, "%4d: %08X:%04X %08X:%04X %02X %08X:%08X "
		"%02X:%08X %08X %5u %8d %u\n", sl, isk->saddr,
		ntohs(isk->sport), isk->daddr, ntohs(isk->dport), tp->state,
		txq, rxq, tr, when, tp->backoff, 0, 0,
		f ? f->f_inode->i_ino : 0);
}

void tcp_show(char *buf, size_t size, size_t *len)
{
	int sl = 0;

	appendf(buf, size, len, "  sl  local_address rem_address   st "
		"tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n");
	for (struct inet_sock *isk = tcp_proto.bound; isk; isk = isk->bind_next)
		if (((struct tcp_sock *)isk)->state != TCP_CLOSE)
			show_sock(buf, size, len, sl++, (struct tcp_sock *)isk);
}
