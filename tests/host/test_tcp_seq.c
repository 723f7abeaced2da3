/* TCP's sequence-number arithmetic (kernel/net/tcp_seq.h): comparisons
   across the wrap at 2^32, and RFC 9293's acceptability table. */
#include "check.h"
#include "net/tcp_seq.h"

int main(void)
{
	CASE("tcp seq: before and after, also across the wrap") {
		CHECK(before(1, 2) && !before(2, 1) && !before(5, 5));
		CHECK(after(2, 1) && !after(1, 2) && !after(5, 5));
		CHECK(before(0xfffffff0u, 0x10));       /* 32 bytes later */
		CHECK(after(0x10, 0xfffffff0u));
		CHECK(before(0x7ffffff0u, 0x80000010u));
		/* 2^31 - 1 apart: still ordered */
		CHECK(before(0, 0x7fffffffu) && after(0x7fffffffu, 0));
	}
	CASE("tcp seq: between, inclusive, going round") {
		CHECK(between(10, 10, 20) && between(10, 20, 20));
		CHECK(between(10, 15, 20) && !between(10, 21, 20));
		CHECK(!between(10, 9, 20));
		CHECK(between(0xfffffff0u, 0x5, 0x10));
		CHECK(!between(0xfffffff0u, 0x11, 0x10));
		CHECK(!between(0xfffffff0u, 0xffffffefu, 0x10));
	}
	CASE("tcp seq: the four rows of RFC 9293's acceptability table") {
		/* length 0, window 0: only seq == rcv_nxt */
		CHECK(tcp_seq_acceptable(100, 0, 100, 0));
		CHECK(!tcp_seq_acceptable(101, 0, 100, 0));
		CHECK(!tcp_seq_acceptable(99, 0, 100, 0));
		/* length 0, window > 0: rcv_nxt <= seq < rcv_nxt + wnd */
		CHECK(tcp_seq_acceptable(100, 0, 100, 10));
		CHECK(tcp_seq_acceptable(109, 0, 100, 10));
		CHECK(!tcp_seq_acceptable(110, 0, 100, 10));
		CHECK(!tcp_seq_acceptable(99, 0, 100, 10));
		/* length > 0, window 0: never */
		CHECK(!tcp_seq_acceptable(100, 1, 100, 0));
		/* length > 0, window > 0: its first or its last byte inside */
		CHECK(tcp_seq_acceptable(95, 10, 100, 10));     /* last inside */
		CHECK(!tcp_seq_acceptable(90, 10, 100, 10));    /* all old */
		CHECK(tcp_seq_acceptable(105, 100, 100, 10));   /* first inside */
		CHECK(!tcp_seq_acceptable(110, 5, 100, 10));    /* all beyond */
	}
	CASE("tcp seq: the window may straddle the wrap") {
		CHECK(tcp_seq_acceptable(0x5, 10, 0xfffffff0u, 0x100));
		CHECK(tcp_seq_acceptable(0xffffffe0u, 0x20, 0xfffffff0u, 0x100));
		CHECK(!tcp_seq_acceptable(0xffffffe0u, 0x10, 0xfffffff0u, 0x100));
		CHECK(!tcp_seq_acceptable(0xf0, 1, 0xfffffff0u, 0x100));
	}
	return 0;
}
