/*
 * What a TCP socket shows and is told besides its bytes: poll's
 * readiness bits, the ioctls FIONREAD and SIOCOUTQ, and the IPPROTO_TCP
 * options TCP_NODELAY and TCP_MAXSEG (IPPROTO_IP's go to af_inet.c).
 *
 * poll, as Linux:
 *   POLLIN    bytes to read, or the peer's FIN (a read gives 0), or, on
 *             a listener, a connection for accept()
 *   POLLOUT   room in the send buffer (a third of it free at least)
 *   POLLRDHUP the peer shut down its writing side
 *   POLLHUP   both directions closed, or no connection (a new socket)
 *   POLLERR   an error is waiting in SO_ERROR (ECONNREFUSED ...)
 */
#include "net/tcp.h"
#include "mm/mm.h"
#include <sprout/errno.h>
#include <sprout/sockios.h>

unsigned int tcp_poll(struct socket *sock, struct file *f,
		      struct poll_table *pt)
{
	struct tcp_sock *tp = tcp_sk(sock);
	unsigned int mask = 0;

	poll_wait(f, &sock->wq, pt);
	if (tp->state == TCP_LISTEN)
		return tcp_accept_head(tp) ? POLLIN | POLLRDNORM : 0;
	if (sock->err)
		mask |= POLLERR;
	if (sock->shutdown == (RCV_SHUTDOWN | SEND_SHUTDOWN) ||
	    tp->state == TCP_CLOSE)
		mask |= POLLHUP;
	if (sock->shutdown & RCV_SHUTDOWN)
		mask |= POLLIN | POLLRDNORM | POLLRDHUP;
	if (tp->state == TCP_SYN_SENT || tp->state == TCP_SYN_RECV)
		return mask;
	if (tp->rcv_bytes || tp->done)
		mask |= POLLIN | POLLRDNORM;
	if ((sock->shutdown & SEND_SHUTDOWN) || tcp_writable(tp))
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

/* Bytes sent and not yet acknowledged, or not yet sent. */
static int outq(struct tcp_sock *tp)
{
	int n = 0;

	for (struct sk_buff *skb = tp->write_queue.head; skb; skb = skb->next)
		n += skb->len;
	return n;
}

int tcp_ioctl(struct socket *sock, uint32_t cmd, uint32_t arg)
{
	struct tcp_sock *tp = tcp_sk(sock);
	int n;

	switch (cmd) {
	case SIOCINQ:           /* FIONREAD */
		n = tp->rcv_bytes;
		break;
	case SIOCOUTQ:
		n = outq(tp);
		break;
	default:
		return inet_ioctl(sock, cmd, arg);
	}
	if (tp->state == TCP_LISTEN)
		return -EINVAL;
	return copy_to_user((void *)arg, &n, sizeof(n)) ? -EFAULT : 0;
}

#define TCP_MIN_MSS 88          /* Linux's bounds for TCP_MAXSEG */
#define TCP_MAX_MSS 32767

int tcp_setsockopt(struct socket *sock, int level, int name,
		   const void *val, int len)
{
	struct tcp_sock *tp = tcp_sk(sock);
	int v;

	if (level != SOL_TCP)
		return inet_setsockopt(sock, level, name, val, len);
	if (len < (int)sizeof(int))
		return -EINVAL;
	v = *(const int *)val;
	switch (name) {
	case TCP_NODELAY:
		tp->nodelay = v != 0;
		if (tp->nodelay)
			tcp_write_xmit(tp);     /* what Nagle held back goes */
		return 0;
	case TCP_MAXSEG:
		if (v < TCP_MIN_MSS || v > TCP_MAX_MSS)
			return -EINVAL;
		tp->user_mss = v;
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

int tcp_getsockopt(struct socket *sock, int level, int name, void *val,
		   int *len)
{
	struct tcp_sock *tp = tcp_sk(sock);
	int *v = val;

	if (level != SOL_TCP)
		return inet_getsockopt(sock, level, name, val, len);
	*len = sizeof(int);
	switch (name) {
	case TCP_NODELAY:
		*v = tp->nodelay;
		return 0;
	case TCP_MAXSEG:
		*v = tp->mss ? tp->mss : tp->user_mss ? tp->user_mss
						     : TCP_MSS_DEFAULT;
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}
