/*
 * TCP's sequence-number arithmetic (RFC 9293 3.4), net/'s own header,
 * apart from tcp.h so the host's unit test (tests/host/test_tcp_seq.c)
 * can include it alone.
 *
 * Sequence numbers count bytes modulo 2^32 and wrap around. Two
 * numbers less than 2^31 apart compare by their difference taken as a
 * signed number: 0xfffffff0 is before 0x00000010, 32 bytes later.
 */
#ifndef _NET_TCP_SEQ_H
#define _NET_TCP_SEQ_H

#include "include/types.h"

static inline bool before(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) < 0;
}

static inline bool after(uint32_t a, uint32_t b)
{
	return before(b, a);
}

/* a <= b <= c, going round from a */
static inline bool between(uint32_t a, uint32_t b, uint32_t c)
{
	return c - a >= b - a;
}

/* Is a segment of len sequence numbers at seq acceptable to a receiver
   expecting rcv_nxt with a window of wnd? RFC 9293 3.10.7.4's table:
   some of it must fall inside rcv_nxt .. rcv_nxt + wnd - 1, and with a
   zero window only an empty segment at rcv_nxt is. (The caller also
   lets a segment at rcv_nxt in when the window is zero, for its ACK.) */
static inline bool tcp_seq_acceptable(uint32_t seq, uint32_t len,
				      uint32_t rcv_nxt, uint32_t wnd)
{
	uint32_t last = rcv_nxt + wnd - 1;

	if (wnd == 0)
		return len == 0 && seq == rcv_nxt;
	if (between(rcv_nxt, seq, last))
		return true;
	return len > 0 && between(rcv_nxt, seq + len - 1, last);
}

#endif
