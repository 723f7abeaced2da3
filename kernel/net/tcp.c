/*
 * TCP's sockets: how a connection begins, is waited for and ends, seen
 * from the system calls (connect, listen, accept, shutdown, close).
 * Sending and receiving bytes are in tcp_msg.c, poll, ioctl and the
 * options in tcp_sockopt.c; what arrives from the network in
 * tcp_input.c.
 *
 * The rules, Linux's:
 *   - connect sends a SYN and waits for the handshake (EINPROGRESS when
 *     non-blocking; the outcome is then in SO_ERROR): ECONNREFUSED when
 *     a RST answers, ETIMEDOUT when nothing does;
 *   - a listener keeps up to backlog + 1 connections between its SYN
 *     arriving and accept() (more SYNs are dropped: the client's SYN
 *     comes again after its RTO);
 *   - close() sends a FIN, and the connection finishes on its own (its
 *     socket lives on without a file until CLOSED); it sends a RST
 *     instead if bytes were left unread, so the peer knows they were lost;
 *   - bind with SO_REUSEADDR may share a port with a socket that also
 *     has it, unless that socket listens (tcp_may_share).
 */
#include "net/tcp.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* ---- the connection's life ---- */

/* Leaving CLOSED takes the connection's reference on its socket: it is
   dropped by tcp_done, so the socket outlives its file until then. */
void tcp_set_state(struct tcp_sock *tp, enum tcp_state state)
{
	struct socket *sock = &tp->inet.sk;

	if (tp->state == TCP_CLOSE && state != TCP_CLOSE)
		sock_hold(sock);
	tp->state = state;
	if (state == TCP_ESTABLISHED)
		sock->state = SS_CONNECTED;
	if (state == TCP_TIME_WAIT ||
	    (state == TCP_FIN_WAIT2 && tp->released))
		tcp_set_timer(tp, TCP_TIMEWAIT_LEN);
	wake_up(&sock->wq);
}

/* A child that will never be accepted leaves its listener's queue and
   drops the reference the queue held. */
static void child_unlink(struct tcp_sock *child)
{
	struct tcp_sock *parent = child->parent;

	for (struct tcp_sock **p = &parent->children; *p; p = &(*p)->sibling)
		if (*p == child) {
			*p = child->sibling;
			break;
		}
	parent->nchildren--;
	child->parent = NULL;
	child->released = true;
	sock_put(&child->inet.sk);
}

static void abort_children(struct tcp_sock *tp)
{
	while (tp->children) {
		struct tcp_sock *child = tp->children;
		if (child->state != TCP_SYN_RECV)
			tcp_send_active_reset(child);
		tcp_done(child);
	}
}

/* The connection is over: back to CLOSED, its port given up if its file
   is gone. The last touch of tp: the socket may be freed here. */
void tcp_done(struct tcp_sock *tp)
{
	struct socket *sock = &tp->inet.sk;

	if (tp->state == TCP_CLOSE)
		return;
	tcp_timers_stop(tp);
	tcp_write_purge(tp);
	if (tp->state == TCP_LISTEN) {
		abort_children(tp);
		sock->state = SS_UNCONNECTED;
	}
	tp->state = TCP_CLOSE;
	sock->shutdown = RCV_SHUTDOWN | SEND_SHUTDOWN;
	if (tp->parent)
		child_unlink(tp);
	if (tp->released)
		inet_unhash(&tp->inet);
	wake_up(&sock->wq);
	sock_put(sock);
}

/* A RST or a timeout ends it: the error is what the user sees next. */
void tcp_reset(struct tcp_sock *tp, int err)
{
	tp->inet.sk.err = err;
	tcp_done(tp);
}

/* The receive window: half the receive buffer (the rest is the
   buffers' overhead, as Linux reckons) less what waits to be read, at
   most the 64 KiB a window without scaling can say. With the default
   buffer a reader that keeps up sees the same window in every ACK, so
   the sender can tell a duplicate ACK from a window update. */
uint32_t tcp_space(struct tcp_sock *tp)
{
	uint32_t room = tp->inet.sk.rcvbuf / 2;

	room = room > tp->rcv_bytes ? room - tp->rcv_bytes : 0;
	return room < TCP_MAX_WINDOW ? room : TCP_MAX_WINDOW;
}

/* ---- making sockets ---- */

static void tcp_init_sock(struct inet_sock *isk)
{
	struct tcp_sock *tp = (struct tcp_sock *)isk;

	tp->state = TCP_CLOSE;
	skb_queue_init(&tp->write_queue);
	skb_queue_init(&tp->rcv_queue);
	skb_queue_init(&tp->ofo_queue);
	tcp_timer_init(tp);
}

/* A new connection on a listener, for a SYN that arrived: in the
   listener's SYN queue, hashed by its 4-tuple (set by the caller).
   NULL when the queue is full or memory is short: the SYN is dropped. */
struct tcp_sock *tcp_child(struct tcp_sock *parent)
{
	struct socket *psock = &parent->inet.sk;
	struct tcp_sock *child, **p;

	if (parent->nchildren > parent->max_backlog)
		return NULL;
	if (!(child = kzalloc(sizeof(*child))))
		return NULL;
	sock_init(&child->inet.sk, psock->ops, SOCK_STREAM);
	child->inet.sk.protocol = IPPROTO_TCP;
	child->inet.sk.reuseaddr = psock->reuseaddr;
	child->inet.sk.sndbuf = psock->sndbuf;
	child->inet.sk.rcvbuf = psock->rcvbuf;
	child->inet.proto = &tcp_proto;
	child->inet.ttl = parent->inet.ttl;
	child->nodelay = parent->nodelay;
	child->user_mss = parent->user_mss;
	tcp_init_sock(&child->inet);
	/* the socket's first reference is the queue's, then its file's */
	child->parent = parent;
	for (p = &parent->children; *p; p = &(*p)->sibling)
		;
	*p = child;
	parent->nchildren++;
	child->inet.bind_next = tcp_proto.bound;
	tcp_proto.bound = &child->inet;
	return child;
}

/* The handshake of a child completed: accept() may take it. */
void tcp_child_established(struct tcp_sock *child)
{
	if (child->parent)
		wake_up(&child->parent->inet.sk.wq);
}

static void tcp_free(struct socket *sock)
{
	struct tcp_sock *tp = tcp_sk(sock);

	tcp_write_purge(tp);
	tcp_rcv_purge(tp);
	kfree(tp);
}

/* ---- connect ---- */

static bool handshake_over(struct socket *sock, void *arg)
{
	(void)arg;
	return tcp_sk(sock)->state != TCP_SYN_SENT &&
	       tcp_sk(sock)->state != TCP_SYN_RECV;
}

/* The error the connection ended with, taken (as SO_ERROR takes it). */
int tcp_sock_error(struct socket *sock)
{
	int err = sock->err;

	sock->err = 0;
	return err;
}

static int tcp_connect(struct socket *sock, const struct sockaddr *addr,
		       int len)
{
	struct tcp_sock *tp = tcp_sk(sock);
	uint32_t timeo = sock_sndtimeo(sock, 0);
	struct sockaddr_in sin;
	int err;

	switch (tp->state) {
	case TCP_CLOSE:
		if (sock->state == SS_CONNECTED)
			return -EISCONN;        /* one that ended: not reused */
		if (sock->err)          /* how a non-blocking one ended */
			return tcp_sock_error(sock);
		break;
	case TCP_SYN_SENT:
	case TCP_SYN_RECV:
		return -EALREADY;
	default:                        /* a listener too, as Linux */
		return -EISCONN;
	}
	if ((err = inet_dest_in(addr, len, &sin)) ||
	    (err = inet_autobind(&tp->inet)))
		return err;
	if (!tp->inet.saddr &&
	    !(tp->inet.saddr = ip_route_source(sin.sin_addr.s_addr)))
		return -ENETUNREACH;
	tp->inet.daddr = sin.sin_addr.s_addr;
	tp->inet.dport = sin.sin_port;
	sock->shutdown = 0;
	tcp_connect_init(tp);
	tcp_set_state(tp, TCP_SYN_SENT);
	tcp_queue_ctl(tp, TCPH_SYN);
	tcp_write_xmit(tp);
	if (!timeo)
		return -EINPROGRESS;
	err = sock_wait(&sock->wq, handshake_over, sock, NULL, &timeo);
	if (err)
		return err == -EAGAIN ? -EINPROGRESS : err;
	if (tp->state == TCP_CLOSE)
		return tcp_sock_error(sock) ?: -ECONNREFUSED;
	return 0;
}

/* ---- listen and accept ---- */

/* Another socket listening on the same port and address: a port may
   have one listener, whatever SO_REUSEADDR says. */
static bool listen_conflict(struct tcp_sock *tp)
{
	for (struct inet_sock *o = tcp_proto.bound; o; o = o->bind_next)
		if (o != &tp->inet && o->sport == tp->inet.sport &&
		    ((struct tcp_sock *)o)->state == TCP_LISTEN &&
		    (!o->saddr || !tp->inet.saddr ||
		     o->saddr == tp->inet.saddr))
			return true;
	return false;
}

static int tcp_listen(struct socket *sock, int backlog)
{
	struct tcp_sock *tp = tcp_sk(sock);
	int err;

	if ((tp->state != TCP_CLOSE && tp->state != TCP_LISTEN) ||
	    sock->state == SS_CONNECTED)
		return -EINVAL;
	if ((err = inet_autobind(&tp->inet)))
		return err;
	if (tp->state == TCP_CLOSE && listen_conflict(tp))
		return -EADDRINUSE;
	tp->max_backlog = backlog;
	if (tp->state == TCP_CLOSE) {
		/* a failed connect's peer would let only it in */
		tp->inet.daddr = 0;
		tp->inet.dport = 0;
		sock->shutdown = 0;
		tcp_set_state(tp, TCP_LISTEN);
		sock->state = SS_LISTENING;
	}
	return 0;
}

/* The first child whose handshake is over (the accept queue). */
struct tcp_sock *tcp_accept_head(struct tcp_sock *tp)
{
	for (struct tcp_sock *c = tp->children; c; c = c->sibling)
		if (c->state != TCP_SYN_RECV)
			return c;
	return NULL;
}

static bool can_accept(struct socket *sock, void *arg)
{
	(void)arg;
	return tcp_accept_head(tcp_sk(sock)) || tcp_sk(sock)->state != TCP_LISTEN;
}

static int tcp_accept(struct socket *sock, struct socket **child)
{
	struct tcp_sock *tp = tcp_sk(sock), *c, **p;
	uint32_t timeo = sock_rcvtimeo(sock, 0);
	int err;

	if (tp->state != TCP_LISTEN)
		return -EINVAL;
	if ((err = sock_wait(&sock->wq, can_accept, sock, NULL, &timeo)))
		return err;
	if (!(c = tcp_accept_head(tp)))
		return -EINVAL;         /* shut down while we waited */
	for (p = &tp->children; *p != c; p = &(*p)->sibling)
		;
	*p = c->sibling;
	tp->nchildren--;
	c->parent = NULL;
	c->sibling = NULL;
	*child = &c->inet.sk;
	return 0;
}

/* ---- shutdown and close ---- */

/* This side has no more to send: queue a FIN behind the data. */
static void send_fin(struct tcp_sock *tp)
{
	switch (tp->state) {
	case TCP_SYN_RECV:
	case TCP_ESTABLISHED:
		tcp_set_state(tp, TCP_FIN_WAIT1);
		break;
	case TCP_CLOSE_WAIT:
		tcp_set_state(tp, TCP_LAST_ACK);
		break;
	default:
		return;
	}
	tcp_queue_ctl(tp, TCPH_FIN);
	tcp_write_xmit(tp);
}

static int tcp_shutdown(struct socket *sock, int mask)
{
	struct tcp_sock *tp = tcp_sk(sock);

	switch (tp->state) {
	case TCP_CLOSE:
		sock->shutdown |= mask;
		return -ENOTCONN;
	case TCP_LISTEN:
		if (mask & RCV_SHUTDOWN)
			tcp_done(tp);   /* stops listening; accept() wakes */
		return 0;
	case TCP_SYN_SENT:
		tcp_done(tp);
		return 0;
	default:
		sock->shutdown |= mask;
		if (mask & SEND_SHUTDOWN)
			send_fin(tp);
		wake_up(&sock->wq);
		return 0;
	}
}

static void tcp_release(struct socket *sock)
{
	struct tcp_sock *tp = tcp_sk(sock);
	bool unread = tp->rcv_bytes != 0;

	tp->released = true;
	sock->shutdown = RCV_SHUTDOWN | SEND_SHUTDOWN;
	tcp_rcv_purge(tp);
	switch (tp->state) {
	case TCP_CLOSE:
		inet_unhash(&tp->inet);
		return;
	case TCP_LISTEN:
	case TCP_SYN_SENT:
		tcp_done(tp);
		return;
	default:
		break;
	}
	if (unread) {           /* RFC 2525 2.17: tell the peer bytes were lost */
		tcp_send_active_reset(tp);
		tcp_done(tp);
		return;
	}
	send_fin(tp);
	if (tp->state == TCP_FIN_WAIT2)
		tcp_set_timer(tp, TCP_TIMEWAIT_LEN);
}

/* ---- the protocol ---- */

/* A peer only while connected: during the handshake and once closed
   getpeername is ENOTCONN (Linux), which is how a program learns that
   its non-blocking connect failed. */
static int tcp_getname(struct socket *sock, struct sockaddr_storage *addr,
		       bool peer)
{
	enum tcp_state state = tcp_sk(sock)->state;

	if (peer && (state == TCP_SYN_SENT || state == TCP_CLOSE))
		return -ENOTCONN;
	return inet_getname(sock, addr, peer);
}

static const struct proto_ops tcp_ops = {
	.family = AF_INET,
	.release = tcp_release,
	.free = tcp_free,
	.bind = inet_bind,
	.connect = tcp_connect,
	.listen = tcp_listen,
	.accept = tcp_accept,
	.getname = tcp_getname,
	.poll = tcp_poll,
	.ioctl = tcp_ioctl,
	.shutdown = tcp_shutdown,
	.sendmsg = tcp_sendmsg,
	.recvmsg = tcp_recvmsg,
	.setsockopt = tcp_setsockopt,
	.getsockopt = tcp_getsockopt,
};

/* SO_REUSEADDR, as Linux: both sockets must have it, and the one on the
   port must not be listening (a connection closing in TIME_WAIT, or one
   a former server accepted, does not keep a restarted server out). */
static bool tcp_may_share(struct inet_sock *isk, struct inet_sock *other)
{
	return isk->sk.reuseaddr && other->sk.reuseaddr &&
	       ((struct tcp_sock *)other)->state != TCP_LISTEN;
}

struct inet_proto tcp_proto = {
	.type = SOCK_STREAM,
	.protocol = IPPROTO_TCP,
	.ops = &tcp_ops,
	.obj_size = sizeof(struct tcp_sock),
	.init = tcp_init_sock,
	.may_share = tcp_may_share,
};
