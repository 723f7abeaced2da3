/*
 * AF_UNIX's messages: sending puts them in the peer's receive queue,
 * receiving takes bytes (a stream) or whole messages (datagrams) out.
 * af_unix.h draws the queue and says who waits for what:
 *
 *   - a stream writer waits on its own wq while its wmem (bytes sent,
 *     not yet read) is at its sndbuf; freeing a message wakes its sender;
 *   - a datagram sender waits on the receiver's wq while more than
 *     UNIX_MAX_DGRAM_QLEN datagrams are queued there; a receive wakes it;
 *   - a reader waits on its own wq for a message, or the end.
 */
#include "net/af_unix.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* ---- messages ---- */

/* Its sender gets the room back, and is woken to use it. */
static void unix_msg_free(struct unix_msg *msg)
{
	for (int i = 0; i < msg->npieces; i++)
		kfree(msg->piece[i]);
	if (msg->from) {
		unix_sk(msg->from)->wmem -= msg->size;
		wake_up(&msg->from->wq);
		sock_put(msg->from);
	}
	if (msg->addr)
		unix_addr_put(msg->addr);
	scm_fds_free(msg->fds);
	kfree(msg);
}

static struct unix_msg *unix_msg_alloc(struct unix_sock *from, size_t len)
{
	int n = (len + PAGE_SIZE - 1) / PAGE_SIZE;
	struct unix_msg *msg = kzalloc(sizeof(*msg) + n * sizeof(char *));

	if (!msg)
		return NULL;
	for (; msg->npieces < n; msg->npieces++) {
		size_t left = len - msg->npieces * PAGE_SIZE;
		msg->piece[msg->npieces] = kmalloc(left < PAGE_SIZE ? left
							      : PAGE_SIZE);
		if (!msg->piece[msg->npieces]) {
			unix_msg_free(msg);
			return NULL;
		}
	}
	msg->len = len;
	msg->size = sizeof(*msg) + len;
	msg->from = sock_hold(&from->sk);
	msg->creds = current_cred();
	from->wmem += msg->size;
	return msg;
}

/* n bytes between the message at off and the user's buffers; a bad
   user page ends the copy: the bytes NOT copied. */
static size_t msg_copy(struct unix_msg *msg, size_t off, struct iov_iter *it,
		       size_t n, bool to_msg)
{
	size_t bad = 0;

	while (n && !bad) {
		size_t in = off % PAGE_SIZE;
		size_t piece = n < PAGE_SIZE - in ? n : PAGE_SIZE - in;
		char *at = msg->piece[off / PAGE_SIZE] + in;

		bad = to_msg ? iov_copy_from(it, at, piece)
			     : iov_copy_to(it, at, piece);
		off += piece - bad;
		n -= piece - bad;
	}
	return n;
}

static void unix_queue(struct unix_sock *to, struct unix_msg *msg)
{
	if (to->rq_tail)
		to->rq_tail->next = msg;
	else
		to->rq_head = msg;
	to->rq_tail = msg;
	to->rq_count++;
	wake_up(&to->sk.wq);
}

static void unix_dequeue(struct unix_sock *u)
{
	struct unix_msg *msg = u->rq_head;

	if (!(u->rq_head = msg->next))
		u->rq_tail = NULL;
	u->rq_count--;
	unix_msg_free(msg);
	wake_up(&u->sk.wq);         /* datagram senders wait for the room */
}

void unix_purge_queue(struct unix_sock *u)
{
	while (u->rq_head)
		unix_dequeue(u);
}

size_t unix_inq(struct unix_sock *u)
{
	size_t n = 0;

	if (u->sk.type == SOCK_DGRAM)
		return u->rq_head ? u->rq_head->len : 0;
	for (struct unix_msg *msg = u->rq_head; msg; msg = msg->next)
		n += msg->len - msg->off;
	return n;
}

/* Room to send: Linux's test, a quarter of the buffer in flight at most
   (so a woken writer has room for a good piece). */
bool unix_writable(struct unix_sock *u)
{
	return u->wmem * 4 <= u->sk.sndbuf;
}

/* What travels beside the bytes goes with the first message. */
static void attach_extras(struct unix_msg *msg, struct sock_msg *m)
{
	msg->fds = m->fds;
	m->fds = NULL;
}

/* The extras of a message being received, to m (not when peeking: the
   fds stay with the message for the real read). */
static void take_extras(struct unix_msg *msg, struct sock_msg *m)
{
	m->creds = msg->creds;
	m->has_creds = true;
	if (!(m->flags & MSG_PEEK)) {
		m->fds = msg->fds;
		msg->fds = NULL;
	}
}

static bool readable(struct socket *sock, void *arg)
{
	(void)arg;
	return unix_sk(sock)->rq_head || sock->err ||
	       (sock->shutdown & RCV_SHUTDOWN);
}

/* Wait for something to read: 0, or 1 at the end, or -errno. */
static int wait_for_data(struct socket *sock, uint32_t *timeo)
{
	int err;

	for (;;) {
		if (unix_sk(sock)->rq_head)
			return 0;
		if (sock->err) {
			err = sock->err;
			sock->err = 0;
			return err;
		}
		if (sock->shutdown & RCV_SHUTDOWN)
			return 1;
		if ((err = sock_wait(&sock->wq, readable, sock, NULL, timeo)))
			return err;
	}
}

/* ---- streams ---- */

/* The stream's other end stopped reading, or this end stopped writing. */
static bool pipe_broken(struct unix_sock *u)
{
	return (u->sk.shutdown & SEND_SHUTDOWN) || u->peer->dead ||
	       (u->peer->sk.shutdown & RCV_SHUTDOWN);
}

static bool stream_room(struct socket *sock, void *arg)
{
	(void)arg;
	return unix_sk(sock)->wmem < sock->sndbuf || pipe_broken(unix_sk(sock));
}

/* Like a pipe's write: bytes go in as the room allows; once some went,
   an error is reported as the count that did. */
ssize_t unix_stream_sendmsg(struct socket *sock, struct sock_msg *m)
{
	struct unix_sock *u = unix_sk(sock);
	uint32_t timeo = sock_sndtimeo(sock, m->flags);
	struct iov_iter it;
	size_t done = 0;
	int err = 0;

	if (m->namelen)
		return sock->state == SS_CONNECTED ? -EISCONN : -EOPNOTSUPP;
	if (sock->state != SS_CONNECTED)
		return -ENOTCONN;
	iov_iter_init(&it, m);
	while (done < m->len) {
		if ((err = sock_wait(&sock->wq, stream_room, sock, NULL,
				     &timeo)))
			break;
		if (pipe_broken(u)) {
			err = sock_epipe(m->flags);
			break;
		}
		size_t n = m->len - done < UNIX_MSG_MAX ? m->len - done
							: UNIX_MSG_MAX;
		struct unix_msg *msg = unix_msg_alloc(u, n);
		if (!msg) {
			err = -ENOBUFS;
			break;
		}
		size_t bad = msg_copy(msg, 0, &it, n, true);
		if (bad == n) {
			unix_msg_free(msg);
			err = -EFAULT;
			break;
		}
		msg->len = n - bad;     /* the bytes before a bad page go */
		attach_extras(msg, m);
		unix_queue(u->peer, msg);
		done += msg->len;
		if (bad) {
			err = -EFAULT;
			break;
		}
	}
	return done ? (ssize_t)done : err;
}

/* Bytes from the front of the queue, across messages: at least one (all
   of them with MSG_WAITALL), unless the stream ended. With MSG_PEEK the
   messages stay, and the walk goes along the queue instead. */
ssize_t unix_stream_recvmsg(struct socket *sock, struct sock_msg *m)
{
	struct unix_sock *u = unix_sk(sock);
	uint32_t timeo = sock_rcvtimeo(sock, m->flags);
	bool peek = m->flags & MSG_PEEK;
	size_t want = m->flags & MSG_WAITALL ? m->len : 1;
	struct unix_msg *msg = NULL;
	struct iov_iter it;
	size_t copied = 0;
	int err;

	if (sock->state != SS_CONNECTED)
		return -EINVAL;
	if (m->len == 0)
		return 0;
	iov_iter_init(&it, m);
	while (copied < m->len) {
		msg = peek && msg ? msg->next : u->rq_head;
		if (!msg) {
			if (copied >= want || (peek && copied))
				break;
			err = wait_for_data(sock, &timeo);
			if (err)
				return copied ? (ssize_t)copied : err < 0 ? err : 0;
			continue;
		}
		if (copied && msg->fds)
			break;          /* its fds come with the next read */
		size_t n = msg->len - msg->off;
		if (n > m->len - copied)
			n = m->len - copied;
		size_t bad = msg_copy(msg, msg->off, &it, n, false);
		n -= bad;
		copied += n;
		bool had_fds = msg->fds;
		take_extras(msg, m);
		if (!peek && (msg->off += n) == msg->len)
			unix_dequeue(u);
		if (bad)
			return copied ? (ssize_t)copied : -EFAULT;
		if (had_fds)
			break;
	}
	return copied;
}

/* ---- datagrams ---- */

/* Room in other's queue for a datagram from u. A socket connected back
   to u takes any number (u's sndbuf bounds them); others' queues hold
   UNIX_MAX_DGRAM_QLEN, and one more, as Linux counts. */
bool unix_dgram_room(struct unix_sock *u, struct unix_sock *other)
{
	return other->dead || other->peer == u ||
	       other->rq_count <= UNIX_MAX_DGRAM_QLEN;
}

static bool queue_room(struct socket *sock, void *arg)
{
	return unix_dgram_room(unix_sk(sock), arg);
}

static bool wmem_room(struct socket *sock, void *arg)
{
	(void)arg;
	return unix_sk(sock)->wmem < sock->sndbuf;
}

/* Wait for both rooms: the first is made by reads of u's messages (they
   wake u), the second by reads of other's queue (they wake other). */
static int wait_dgram_room(struct unix_sock *u, struct unix_sock *other,
			   uint32_t *timeo)
{
	int err;

	do {
		if ((err = sock_wait(&u->sk.wq, wmem_room, &u->sk, NULL,
				     timeo)) ||
		    (err = sock_wait(&other->sk.wq, queue_room, &u->sk, other,
				     timeo)))
			return err;
	} while (!wmem_room(&u->sk, NULL));
	return 0;
}

/* Where a datagram goes: the address given, else the peer. Held. */
static int dgram_target(struct unix_sock *u, struct sock_msg *m,
			struct unix_sock **other)
{
	if (m->namelen)
		return unix_find_other((struct sockaddr *)&m->name, m->namelen,
				       SOCK_DGRAM, other);
	if (!u->peer)
		return -ENOTCONN;
	*other = unix_sk(sock_hold(&u->peer->sk));
	return 0;
}

static ssize_t dgram_send_to(struct unix_sock *u, struct unix_sock *other,
			     struct sock_msg *m)
{
	uint32_t timeo = sock_sndtimeo(&u->sk, m->flags);
	struct unix_msg *msg;
	struct iov_iter it;
	int err;

	if ((err = wait_dgram_room(u, other, &timeo)))
		return err;
	if (other->dead)
		return -ECONNREFUSED;
	if (other->peer && other->peer != u)
		return -EPERM;          /* it listens to another only */
	if (other->sk.shutdown & RCV_SHUTDOWN)
		return sock_epipe(m->flags);
	if (!(msg = unix_msg_alloc(u, m->len)))
		return -ENOBUFS;
	iov_iter_init(&it, m);
	if (msg_copy(msg, 0, &it, m->len, true)) {
		unix_msg_free(msg);     /* a datagram goes whole, or not */
		return -EFAULT;
	}
	attach_extras(msg, m);
	if (u->addr) {
		msg->addr = u->addr;
		u->addr->refs++;
	}
	unix_queue(other, msg);
	return m->len;
}

ssize_t unix_dgram_sendmsg(struct socket *sock, struct sock_msg *m)
{
	struct unix_sock *u = unix_sk(sock);
	struct unix_sock *other;
	ssize_t ret;

	if (m->len > sock->sndbuf - 32)
		return -EMSGSIZE;       /* Linux's limit too */
	if (sock->passcred && !u->addr && (ret = unix_autobind(u)))
		return ret;
	if ((ret = dgram_target(u, m, &other)))
		return ret;
	ret = dgram_send_to(u, other, m);
	if (ret == -ECONNREFUSED && other == u->peer) {
		u->peer = NULL;         /* it is gone: forget it */
		sock->state = SS_UNCONNECTED;
		sock_put(&other->sk);
	}
	sock_put(&other->sk);
	return ret;
}

/* One datagram; the part that does not fit is lost (MSG_TRUNC), and
   with the MSG_TRUNC flag the call returns its full length. */
ssize_t unix_dgram_recvmsg(struct socket *sock, struct sock_msg *m)
{
	struct unix_sock *u = unix_sk(sock);
	uint32_t timeo = sock_rcvtimeo(sock, m->flags);
	struct unix_msg *msg;
	struct iov_iter it;
	int err = wait_for_data(sock, &timeo);

	if (err)
		return err < 0 ? err : 0;
	msg = u->rq_head;
	size_t n = msg->len < m->len ? msg->len : m->len;
	iov_iter_init(&it, m);
	if (msg_copy(msg, 0, &it, n, false)) {
		if (!(m->flags & MSG_PEEK))
			unix_dequeue(u);        /* lost, with its fds, as Linux */
		return -EFAULT;
	}
	if (msg->len > m->len)
		m->msg_flags |= MSG_TRUNC;
	if (msg->addr) {
		memcpy(&m->name, &msg->addr->name, msg->addr->len);
		m->namelen = msg->addr->len;
	}
	take_extras(msg, m);
	ssize_t ret = m->flags & MSG_TRUNC ? msg->len : n;
	if (!(m->flags & MSG_PEEK))
		unix_dequeue(u);
	return ret;
}
