/*
 * Datagram sockets, what UDP (udp.c) and ping sockets (ping.c) share:
 * each send is one packet, each receive takes one whole packet off the
 * socket's receive queue:
 *
 *   netd: ip_rcv -> udp_rcv -> inet_lookup -> dgram_queue_rcv
 *                                                  |
 *   dgram_sock: rq: skb -> skb -> skb   <----------+   (rq_bytes >= rcvbuf:
 *                 |                                      more is dropped)
 *   recvfrom():  dgram_recvmsg: the first skb's bytes, the sender's address
 *
 * "Connecting" a datagram socket only fixes its peer: send() goes there,
 * only the peer's packets are received (inet_lookup prefers the exact
 * match), and an ICMP error about a packet it sent comes back as the
 * socket's error (ECONNREFUSED for "port unreachable"), as on Linux.
 */
#include "net/inet.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>
#include <sprout/sockios.h>
#include <sprout/poll.h>

void dgram_init(struct inet_sock *isk)
{
	skb_queue_init(&dgram_sk(&isk->sk)->rq);
}

void dgram_release(struct socket *sock)
{
	struct dgram_sock *d = dgram_sk(sock);

	inet_unhash(&d->inet);
	skb_queue_purge(&d->rq);
	d->rq_bytes = 0;
}

void dgram_free(struct socket *sock)
{
	kfree(sock);
}

/* AF_UNSPEC undoes a connect, as on Linux: the address and port the
   connect chose go too, those bind() gave stay. */
int dgram_connect(struct socket *sock, const struct sockaddr *addr, int len)
{
	struct inet_sock *isk = inet_sk(sock);
	struct sockaddr_in sin;
	int err;

	if (len >= (int)sizeof(addr->sa_family) &&
	    addr->sa_family == AF_UNSPEC) {
		isk->daddr = 0;
		isk->dport = 0;
		if (!isk->bound_addr)
			isk->saddr = 0;
		if (!isk->bound_port) {
			inet_unhash(isk);
			isk->sport = 0;
		}
		sock->state = SS_UNCONNECTED;
		return 0;
	}
	if ((err = inet_dest_in(addr, len, &sin)))
		return err;
	/* The source address is fixed now too (getsockname shows it). */
	if (!isk->saddr &&
	    !(isk->saddr = ip_route_source(sin.sin_addr.s_addr)))
		return -ENETUNREACH;
	if ((err = inet_autobind(isk)))
		return err;
	isk->daddr = sin.sin_addr.s_addr;
	isk->dport = sin.sin_port;
	sock->state = SS_CONNECTED;
	return 0;
}

int dgram_shutdown(struct socket *sock, int mask)
{
	if (sock->state != SS_CONNECTED)
		return -ENOTCONN;
	sock->shutdown |= mask;
	wake_up(&sock->wq);
	return 0;
}

void dgram_queue_rcv(struct inet_sock *isk, struct sk_buff *skb)
{
	struct dgram_sock *d = (struct dgram_sock *)isk;

	/* Full once it holds rcvbuf bytes, as Linux: a datagram larger
	   than the buffer still gets in to an empty queue. */
	if (d->rq_bytes >= isk->sk.rcvbuf ||
	    (isk->sk.shutdown & RCV_SHUTDOWN)) {
		kfree_skb(skb);
		return;
	}
	d->rq_bytes += skb->len;
	skb_queue_tail(&d->rq, skb);
	wake_up(&isk->sk.wq);
}

void dgram_error(struct inet_sock *isk, int err)
{
	if (isk->sk.state != SS_CONNECTED)
		return;                 /* Linux: only with IP_RECVERR */
	isk->sk.err = err;
	wake_up(&isk->sk.wq);
}

static bool readable(struct socket *sock, void *arg)
{
	(void)arg;
	return dgram_sk(sock)->rq.head || sock->err ||
	       (sock->shutdown & RCV_SHUTDOWN);
}

/* The sender's address: UDP's port is in the header the data follows;
   a ping reply has none (0, as Linux). */
static void sender_name(struct socket *sock, const struct sk_buff *skb,
			struct sock_msg *m)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)&m->name;

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = skb->saddr;
	if (sock->protocol == IPPROTO_UDP)
		sin->sin_port = ((struct udphdr *)skb->transport_header)->source;
	m->namelen = sizeof(*sin);
}

ssize_t dgram_recvmsg(struct socket *sock, struct sock_msg *m)
{
	struct dgram_sock *d = dgram_sk(sock);
	uint32_t timeo = sock_rcvtimeo(sock, m->flags);
	struct sk_buff *skb;
	struct iov_iter it;
	ssize_t n;
	int err;

	while (!(skb = d->rq.head)) {
		if (sock->err) {
			err = sock->err;
			sock->err = 0;
			return err;
		}
		if (sock->shutdown & RCV_SHUTDOWN)
			return 0;
		if ((err = sock_wait(&sock->wq, readable, sock, NULL, &timeo)))
			return err;
	}
	n = skb->len < m->len ? (ssize_t)skb->len : (ssize_t)m->len;
	iov_iter_init(&it, m);
	if (iov_copy_to(&it, (const char *)skb->data, n))
		n = -EFAULT;            /* the datagram is lost, as on Linux */
	else if (m->flags & MSG_TRUNC)
		n = skb->len;
	if (skb->len > m->len)
		m->msg_flags |= MSG_TRUNC;
	sender_name(sock, skb, m);
	if (!(m->flags & MSG_PEEK)) {
		skb_dequeue(&d->rq);
		d->rq_bytes -= skb->len;
		kfree_skb(skb);
	}
	return n;
}

unsigned int dgram_poll(struct socket *sock, struct file *f,
			struct poll_table *pt)
{
	unsigned int mask = POLLOUT | POLLWRNORM;

	poll_wait(f, &sock->wq, pt);
	if (dgram_sk(sock)->rq.head || (sock->shutdown & RCV_SHUTDOWN))
		mask |= POLLIN | POLLRDNORM;
	if (sock->err)
		mask |= POLLERR;
	return mask;
}

/* FIONREAD (SIOCINQ): the size of the next datagram (Linux's answer
   for UDP). */
int dgram_ioctl(struct socket *sock, uint32_t cmd, uint32_t arg)
{
	struct sk_buff *skb = dgram_sk(sock)->rq.head;
	int n = skb ? (int)skb->len : 0;

	if (cmd == SIOCOUTQ)
		n = 0;                  /* sent at once: nothing waits */
	else if (cmd != SIOCINQ)
		return inet_ioctl(sock, cmd, arg);
	return copy_to_user((void *)arg, &n, sizeof(n)) ? -EFAULT : 0;
}

int dgram_prepare(struct socket *sock, struct sock_msg *m, uint32_t hdrlen,
		  struct sockaddr_in *to, uint32_t *saddr,
		  struct sk_buff **skbp)
{
	struct inet_sock *isk = inet_sk(sock);
	struct iov_iter it;
	int err;

	if (sock->shutdown & SEND_SHUTDOWN)
		return sock_epipe(m->flags);
	if (m->namelen) {
		if ((err = inet_dest_in((struct sockaddr *)&m->name,
					m->namelen, to)))
			return err;
	} else if (sock->state == SS_CONNECTED) {
		to->sin_addr.s_addr = isk->daddr;
		to->sin_port = isk->dport;
	} else {
		return -EDESTADDRREQ;
	}
	if (m->len > SKB_MAX_SIZE - MAX_HEADER - hdrlen)
		return -EMSGSIZE;
	*saddr = isk->saddr ? isk->saddr : ip_route_source(to->sin_addr.s_addr);
	if (!*saddr)
		return -ENETUNREACH;
	if ((err = inet_autobind(isk)))
		return err;
	if (!(*skbp = alloc_skb(MAX_HEADER + hdrlen + m->len)))
		return -ENOBUFS;
	skb_reserve(*skbp, MAX_HEADER + hdrlen);
	iov_iter_init(&it, m);
	if (iov_copy_from(&it, (char *)skb_put(*skbp, m->len), m->len)) {
		kfree_skb(*skbp);       /* a datagram goes whole, or not */
		return -EFAULT;
	}
	return 0;
}

/* listen and accept are for streams. */
int dgram_listen(struct socket *sock, int backlog)
{
	(void)sock;
	(void)backlog;
	return -EOPNOTSUPP;
}

int dgram_accept(struct socket *sock, struct socket **child)
{
	(void)sock;
	(void)child;
	return -EOPNOTSUPP;
}
