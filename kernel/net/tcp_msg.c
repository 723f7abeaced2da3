/*
 * TCP's send and receive calls: bytes from the user into the write
 * queue, cut into segments of at most one MSS, and bytes from the
 * receive queue out to the user.
 *
 *   write(): user --> write_queue [seg][seg][seg..]  --> tcp_write_xmit
 *                      (until sndbuf is used up, then the writer waits
 *                       for ACKs to free the acknowledged segments)
 *
 *   read():  user <-- rcv_queue [seg][seg]  <-- tcp_data_queue (netd)
 *                      (what the user takes opens the receive window
 *                       again; a window update tells the peer)
 */
#include "net/tcp.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* ---- sending ---- */

static bool connecting(struct tcp_sock *tp)
{
	return tp->state == TCP_SYN_SENT || tp->state == TCP_SYN_RECV;
}

static bool handshake_over(struct socket *sock, void *arg)
{
	(void)arg;
	return !connecting(tcp_sk(sock));
}

static bool send_room(struct socket *sock, void *arg)
{
	struct tcp_sock *tp = tcp_sk(sock);
	(void)arg;
	return tp->wmem < sock->sndbuf || sock->err ||
	       (sock->shutdown & SEND_SHUTDOWN);
}

/* The write queue's last segment, if it is not sent yet and has room. */
static struct sk_buff *tail_with_room(struct tcp_sock *tp)
{
	struct sk_buff *skb = tp->write_queue.tail;

	if (!skb || !tp->send_head || skb->tcp_flags & (TCPH_SYN | TCPH_FIN) ||
	    skb->len >= tp->mss)
		return NULL;
	return skb;
}

/* Up to n bytes from the user into the write queue: how many, or
   -ENOBUFS when no buffer can be had, -EFAULT for a bad user page. */
static int append(struct tcp_sock *tp, struct iov_iter *it, size_t n)
{
	struct sk_buff *skb = tail_with_room(tp);

	if (!skb) {
		if (!(skb = tcp_alloc_skb(tp->mss)))
			return -ENOBUFS;
		skb->seq = skb->end_seq = tp->write_seq;
		skb->tcp_flags = TCPH_PSH;
		tcp_queue_skb(tp, skb);
	}
	if (n > tp->mss - skb->len)
		n = tp->mss - skb->len;
	size_t bad = iov_copy_from(it, (char *)skb_put(skb, n), n);
	skb_trim(skb, skb->len - bad);  /* only the bytes before a bad page */
	n -= bad;
	skb->end_seq += n;
	tp->write_seq += n;
	return n ? (int)n : -EFAULT;
}

/* As Linux: an error the connection ended with (ECONNRESET) is given
   once; after it, or after shutdown(SHUT_WR), EPIPE and SIGPIPE. */
static int send_error(struct tcp_sock *tp, int flags)
{
	return tcp_sock_error(&tp->inet.sk) ?: sock_epipe(flags);
}

ssize_t tcp_sendmsg(struct socket *sock, struct sock_msg *m)
{
	struct tcp_sock *tp = tcp_sk(sock);
	uint32_t timeo = sock_sndtimeo(sock, m->flags);
	struct iov_iter it;
	size_t done = 0;
	int err = 0;

	if (connecting(tp) &&
	    (err = sock_wait(&sock->wq, handshake_over, sock, NULL, &timeo)))
		return err;
	iov_iter_init(&it, m);
	for (;;) {              /* checked even for no bytes, as Linux */
		if (sock->err || (sock->shutdown & SEND_SHUTDOWN) ||
		    (tp->state != TCP_ESTABLISHED &&
		     tp->state != TCP_CLOSE_WAIT)) {
			if (!done)      /* else the error waits for the next call */
				err = send_error(tp, m->flags);
			break;
		}
		if (done == m->len)
			break;
		if (tp->wmem >= sock->sndbuf) {
			tcp_write_xmit(tp);
			if ((err = sock_wait(&sock->wq, send_room, sock, NULL,
					     &timeo)))
				break;
			continue;
		}
		int n = append(tp, &it, m->len - done);
		if (n < 0) {
			err = n;
			break;
		}
		done += n;
		if (!tail_with_room(tp))
			tcp_write_xmit(tp);     /* a full segment is ready */
	}
	tcp_write_xmit(tp);
	return done ? (ssize_t)done : err;
}

/* ---- receiving ---- */

static bool readable(struct socket *sock, void *arg)
{
	struct tcp_sock *tp = tcp_sk(sock);
	(void)arg;
	return tp->rcv_queue.head || tp->done || sock->err ||
	       (sock->shutdown & RCV_SHUTDOWN) || tp->state == TCP_CLOSE;
}

/* Nothing to read: 0 and wait again, 1 at the end of the stream, or
   -errno. Linux's order: the peer's FIN, an error, our own SHUT_RD, a
   connection that never was. */
static int wait_for_data(struct tcp_sock *tp, uint32_t *timeo)
{
	struct socket *sock = &tp->inet.sk;

	if (tp->done)
		return 1;
	if (sock->err)
		return tcp_sock_error(sock);
	if (sock->shutdown & RCV_SHUTDOWN)
		return 1;
	if (tp->state == TCP_CLOSE)
		return -ENOTCONN;
	return sock_wait(&sock->wq, readable, sock, NULL, timeo);
}

/* Bytes taken from the front of the queue: the segment's buffer freed
   once empty. */
static void consume(struct tcp_sock *tp, struct sk_buff *skb, uint32_t n)
{
	skb_pull(skb, n);
	tp->rcv_bytes -= n;
	if (skb->len == 0) {
		skb_dequeue(&tp->rcv_queue);
		tp->rmem -= skb_truesize(skb);
		kfree_skb(skb);
	}
}

/* At least one byte (all asked for with MSG_WAITALL) unless the stream
   ended. MSG_PEEK leaves them queued, walking along the queue instead. */
ssize_t tcp_recvmsg(struct socket *sock, struct sock_msg *m)
{
	struct tcp_sock *tp = tcp_sk(sock);
	uint32_t timeo = sock_rcvtimeo(sock, m->flags);
	bool peek = m->flags & MSG_PEEK;
	size_t want = m->flags & MSG_WAITALL ? m->len : 1;
	struct sk_buff *skb = NULL;
	struct iov_iter it;
	size_t copied = 0;
	int err = 0;

	if (tp->state == TCP_LISTEN)
		return -ENOTCONN;
	iov_iter_init(&it, m);
	while (copied < m->len) {
		skb = peek && skb ? skb->next : tp->rcv_queue.head;
		if (skb) {
			uint32_t n = skb->len;
			if (n > m->len - copied)
				n = m->len - copied;
			uint32_t bad = iov_copy_to(&it, (char *)skb->data, n);
			copied += n - bad;
			if (!peek)
				consume(tp, skb, n - bad);
			if (bad) {
				err = -EFAULT;
				break;
			}
			continue;
		}
		if (copied >= want || (peek && copied) ||
		    (copied && sock->err))
			break;          /* the error is the next call's */
		if (copied)
			tcp_window_update(tp);  /* the sender may be waiting */
		if ((err = wait_for_data(tp, &timeo)))
			break;
	}
	if (copied && !peek)
		tcp_window_update(tp);
	if (copied)
		return copied;
	return err < 0 ? err : 0;
}
