/*
 * AF_UNIX: sockets on one machine, named by paths or abstract names.
 * af_unix.h draws the objects; af_unix_msg.c moves the bytes. This file
 * makes the sockets and their connections: create, bind, listen,
 * connect, accept, socketpair, shutdown, close, and what poll sees.
 *
 * The rules, Linux's:
 *   - an address is sun_family AF_UNIX and a name; the length decides
 *     (a path needs no NUL within it, an abstract name is exactly the
 *     bytes after its leading NUL); bind with only the family picks a
 *     free abstract name of five hex digits (autobind);
 *   - bind of a path makes the file (mknod S_IFSOCK, the umask applies):
 *     EADDRINUSE if anything is there. close() does not remove it;
 *   - connect to a path needs write permission on it; a file that is no
 *     socket, or one nobody listens on, is ECONNREFUSED;
 *   - a listener queues backlog + 1 connections; then a connect waits,
 *     or is EAGAIN when non-blocking;
 *   - when one end closes, the other reads what is left, then end of file
 *     (ECONNRESET if the closing end left bytes unread); its writes get
 *     EPIPE and SIGPIPE.
 */
#include "net/af_unix.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>
#include <sprout/termios.h>     /* FIONREAD */

#define SUN_PATH_OFFSET offsetof(struct sockaddr_un, sun_path)

static struct unix_sock *unix_bound;    /* every socket with a name */

/* ---- names ---- */

void unix_addr_put(struct unix_address *addr)
{
	if (--addr->refs == 0)
		kfree(addr);
}

/* A well-formed AF_UNIX address: 0 or EINVAL. */
static int unix_check_name(const struct sockaddr *addr, int len)
{
	if (len <= (int)SUN_PATH_OFFSET || len > (int)sizeof(struct sockaddr_un) ||
	    addr->sa_family != AF_UNIX)
		return -EINVAL;
	return 0;
}

static bool is_abstract(const struct sockaddr *addr)
{
	return ((const struct sockaddr_un *)addr)->sun_path[0] == 0;
}

/* A path name's length as the kernel keeps it: the family, the path and
   its NUL. (The address may fill sun_path without a NUL: the storage it
   was copied to has room for one more.) */
static int path_name(struct sockaddr *addr, int len)
{
	((char *)addr)[len] = 0;
	return SUN_PATH_OFFSET + strlen(((struct sockaddr_un *)addr)->sun_path) + 1;
}

static struct unix_sock *find_abstract(const void *name, int len)
{
	for (struct unix_sock *u = unix_bound; u; u = u->bound_next)
		if (!u->inode && u->addr->len == len &&
		    !memcmp(&u->addr->name, name, len))
			return u;
	return NULL;
}

static struct unix_sock *find_by_inode(struct inode *inode)
{
	for (struct unix_sock *u = unix_bound; u; u = u->bound_next)
		if (u->inode == inode)
			return u;
	return NULL;
}

/* Give u the name, and put it on the list. */
static int set_name(struct unix_sock *u, const void *name, int len,
		    struct inode *inode)
{
	struct unix_address *addr = kzalloc(sizeof(*addr));

	if (!addr)
		return -ENOMEM;
	addr->refs = 1;
	addr->len = len;
	memcpy(&addr->name, name, len);
	u->addr = addr;
	u->inode = inode;
	u->bound_next = unix_bound;
	unix_bound = u;
	return 0;
}

/* Off the list, if it is there: an accepted socket shares its
   listener's name without being bound to it. */
static void unbind(struct unix_sock *u)
{
	for (struct unix_sock **p = &unix_bound; *p; p = &(*p)->bound_next)
		if (*p == u) {
			*p = u->bound_next;
			break;
		}
	if (u->inode) {
		fs_lock();
		iput(u->inode);
		fs_unlock();
		u->inode = NULL;
	}
}

/* A free abstract name "\0" and five hex digits, as Linux picks. */
int unix_autobind(struct unix_sock *u)
{
	static unsigned int next;
	struct sockaddr_un name = { AF_UNIX, "" };
	int len = SUN_PATH_OFFSET + 6;

	if (u->addr)
		return 0;
	for (int tries = 0; tries < 0x100000; tries++) {
		snprintf(name.sun_path + 1, 6, "%05x", next++ & 0xfffff);
		if (!find_abstract(&name, len))
			return set_name(u, &name, len, NULL);
	}
	return -ENOSPC;
}

static int bind_path(struct unix_sock *u, struct sockaddr *addr, int len)
{
	const char *path = ((struct sockaddr_un *)addr)->sun_path;
	uint16_t mode = S_IFSOCK | (0777 & ~current->fs->umask);
	struct inode *inode;

	fs_lock();
	int err = vfs_mknod(cwd_inode(), path, mode, 0, &inode);
	fs_unlock();
	if (err)
		return err == -EEXIST ? -EADDRINUSE : err;
	if (u->addr) {                  /* bound already, or while mknod slept */
		fs_lock();
		iput(inode);
		vfs_unlink(cwd_inode(), path);
		fs_unlock();
		return -EINVAL;
	}
	return set_name(u, addr, len, inode);
}

static int unix_bind(struct socket *sock, const struct sockaddr *uaddr,
		     int len)
{
	struct unix_sock *u = unix_sk(sock);
	struct sockaddr *addr = (struct sockaddr *)uaddr;
	int err;

	if (len == (int)SUN_PATH_OFFSET && addr->sa_family == AF_UNIX)
		return unix_autobind(u);
	if ((err = unix_check_name(addr, len)))
		return err;
	if (!is_abstract(addr))         /* mknod first, as Linux */
		return bind_path(u, addr, path_name(addr, len));
	if (u->addr)
		return -EINVAL;
	if (find_abstract(addr, len))
		return -EADDRINUSE;
	return set_name(u, addr, len, NULL);
}

static int find_path(struct sockaddr *addr, struct unix_sock **res)
{
	struct inode *inode;

	fs_lock();
	int err = namei(((struct sockaddr_un *)addr)->sun_path, &inode);
	if (!err) {
		if ((err = inode_permission(inode, W_OK)) == 0) {
			*res = S_ISSOCK(inode->i_mode) ? find_by_inode(inode)
						       : NULL;
		}
		iput(inode);
	}
	fs_unlock();
	return err;
}

int unix_find_other(const struct sockaddr *uaddr, int len, int type,
		    struct unix_sock **res)
{
	struct sockaddr *addr = (struct sockaddr *)uaddr;
	struct unix_sock *u = NULL;
	int err;

	if ((err = unix_check_name(addr, len)))
		return err;
	if (is_abstract(addr))
		u = find_abstract(addr, len);
	else if ((err = find_path(addr, &u)))
		return err;
	if (!u)
		return -ECONNREFUSED;
	if (u->sk.type != type)
		return -EPROTOTYPE;
	*res = unix_sk(sock_hold(&u->sk));
	return 0;
}

static int unix_getname(struct socket *sock, struct sockaddr_storage *addr,
			bool peer)
{
	struct unix_sock *u = unix_sk(sock);

	if (peer) {
		if (!u->peer)
			return -ENOTCONN;
		u = u->peer;
	}
	if (!u->addr) {                 /* unnamed: only the family */
		addr->ss_family = AF_UNIX;
		return sizeof(sa_family_t);
	}
	memcpy(addr, &u->addr->name, u->addr->len);
	return u->addr->len;
}

/* ---- connections ---- */

static void connect_pair(struct unix_sock *a, struct unix_sock *b)
{
	a->peer = unix_sk(sock_hold(&b->sk));
	b->peer = unix_sk(sock_hold(&a->sk));
	a->sk.state = b->sk.state = SS_CONNECTED;
}

static int unix_socketpair(struct socket *a, struct socket *b)
{
	connect_pair(unix_sk(a), unix_sk(b));
	a->peercred = b->peercred = current_cred();
	return 0;
}

static int unix_listen(struct socket *sock, int backlog)
{
	struct unix_sock *u = unix_sk(sock);

	if (sock->type != SOCK_STREAM)
		return -EOPNOTSUPP;
	if (!u->addr || sock->state == SS_CONNECTED)
		return -EINVAL;
	u->max_backlog = backlog;
	sock->state = SS_LISTENING;
	sock->peercred = current_cred();    /* what its clients see */
	wake_up(&sock->wq);             /* a larger backlog has room */
	return 0;
}

static bool backlog_room(struct socket *sock, void *arg)
{
	struct unix_sock *other = arg;
	(void)sock;
	return other->dead || other->sk.state != SS_LISTENING ||
	       other->backlog <= other->max_backlog;
}

/* Make the embryo for u's connection to the listener other. */
static int connect_embryo(struct unix_sock *u, struct unix_sock *other)
{
	struct unix_sock *e = unix_alloc(SOCK_STREAM);

	if (!e)
		return -ENOMEM;
	connect_pair(u, e);
	sock_put(&e->sk);               /* connect_pair's hold is u's */
	e->addr = other->addr;
	e->addr->refs++;
	e->sk.peercred = current_cred();
	u->sk.peercred = other->sk.peercred;
	/* the accept queue holds the embryo */
	sock_hold(&e->sk);
	if (other->accept_tail)
		other->accept_tail->next = e;
	else
		other->accept_head = e;
	other->accept_tail = e;
	other->backlog++;
	wake_up(&other->sk.wq);
	return 0;
}

static int stream_connect(struct unix_sock *u, const struct sockaddr *addr,
			  int len)
{
	uint32_t timeo = sock_sndtimeo(&u->sk, 0);
	struct unix_sock *other;
	int err;

	for (;;) {
		if (u->sk.state == SS_CONNECTED)
			return -EISCONN;
		if (u->sk.state == SS_LISTENING)
			return -EINVAL;
		if ((err = unix_find_other(addr, len, SOCK_STREAM, &other)))
			return err;
		if (other->sk.state != SS_LISTENING)
			err = -ECONNREFUSED;
		else if (other->backlog <= other->max_backlog)
			break;
		else
			err = sock_wait(&other->sk.wq, backlog_room, &u->sk,
					other, &timeo);
		sock_put(&other->sk);
		if (err)
			return err;
	}
	err = connect_embryo(u, other);
	sock_put(&other->sk);
	return err;
}

/* A datagram socket's connect sets its default destination; AF_UNSPEC
   forgets it. */
static int dgram_connect(struct unix_sock *u, const struct sockaddr *addr,
			 int len)
{
	struct unix_sock *other = NULL;
	int err;

	if (len >= (int)sizeof(sa_family_t) && addr->sa_family == AF_UNSPEC)
		goto set;
	if ((err = unix_find_other(addr, len, SOCK_DGRAM, &other)))
		return err;
	if (u->sk.passcred && (err = unix_autobind(u))) {
		sock_put(&other->sk);
		return err;
	}
set:
	if (u->peer)
		sock_put(&u->peer->sk);
	u->peer = other;
	u->sk.state = other ? SS_CONNECTED : SS_UNCONNECTED;
	return 0;
}

static int unix_connect(struct socket *sock, const struct sockaddr *addr,
			int len)
{
	if (sock->type == SOCK_DGRAM)
		return dgram_connect(unix_sk(sock), addr, len);
	int err = unix_check_name(addr, len);
	if (err)
		return err;
	if (sock->passcred && (err = unix_autobind(unix_sk(sock))))
		return err;
	return stream_connect(unix_sk(sock), addr, len);
}

static bool has_embryo(struct socket *sock, void *arg)
{
	(void)arg;
	return unix_sk(sock)->accept_head || sock->state != SS_LISTENING;
}

static int unix_accept(struct socket *sock, struct socket **child)
{
	struct unix_sock *u = unix_sk(sock);
	uint32_t timeo = sock_rcvtimeo(sock, 0);
	int err;

	if (sock->type != SOCK_STREAM)
		return -EOPNOTSUPP;
	if (sock->state != SS_LISTENING)
		return -EINVAL;
	if ((err = sock_wait(&sock->wq, has_embryo, sock, NULL, &timeo)))
		return err;
	struct unix_sock *e = u->accept_head;
	if (!(u->accept_head = e->next))
		u->accept_tail = NULL;
	e->next = NULL;
	u->backlog--;
	wake_up(&sock->wq);             /* a waiting connect has room */
	*child = &e->sk;
	return 0;
}

static int unix_shutdown(struct socket *sock, int mask)
{
	struct unix_sock *peer = unix_sk(sock)->peer;

	sock->shutdown |= mask;
	wake_up(&sock->wq);
	if (peer && sock->type == SOCK_STREAM) {
		/* my reading end closed is the peer's writing end closed */
		if (mask & RCV_SHUTDOWN)
			peer->sk.shutdown |= SEND_SHUTDOWN;
		if (mask & SEND_SHUTDOWN)
			peer->sk.shutdown |= RCV_SHUTDOWN;
		wake_up(&peer->sk.wq);
	}
	return 0;
}

/* The file is closed (or an embryo nobody accepted is thrown away). */
static void release_sock(struct unix_sock *u, bool embryo)
{
	struct unix_sock *peer = u->peer;

	u->dead = true;
	u->sk.shutdown = RCV_SHUTDOWN | SEND_SHUTDOWN;
	u->sk.state = SS_UNCONNECTED;
	unbind(u);
	if (peer && u->sk.type == SOCK_STREAM) {
		peer->sk.shutdown = RCV_SHUTDOWN | SEND_SHUTDOWN;
		if (u->rq_head || embryo)
			peer->sk.err = -ECONNRESET;
	}
	if (peer) {
		wake_up(&peer->sk.wq);
		u->peer = NULL;
		sock_put(&peer->sk);
	}
	unix_purge_queue(u);
	while (u->accept_head) {
		struct unix_sock *e = u->accept_head;
		u->accept_head = e->next;
		release_sock(e, true);
		sock_put(&e->sk);
	}
	u->accept_tail = NULL;
	wake_up(&u->sk.wq);             /* senders and connectors waiting */
}

static void unix_release(struct socket *sock)
{
	release_sock(unix_sk(sock), false);
}

static void unix_free(struct socket *sock)
{
	struct unix_sock *u = unix_sk(sock);

	if (u->addr)
		unix_addr_put(u->addr);
	kfree(u);
}

/* ---- poll and ioctl ---- */

static unsigned int unix_poll(struct socket *sock, struct file *f,
			      struct poll_table *pt)
{
	struct unix_sock *u = unix_sk(sock);
	unsigned int mask = 0;

	poll_wait(f, &sock->wq, pt);
	if (sock->err)
		mask |= POLLERR;
	if (sock->shutdown == (RCV_SHUTDOWN | SEND_SHUTDOWN))
		mask |= POLLHUP;
	if (sock->shutdown & RCV_SHUTDOWN)
		mask |= POLLRDHUP | POLLIN | POLLRDNORM;
	if (u->rq_head || u->accept_head)
		mask |= POLLIN | POLLRDNORM;
	/* a stream socket neither connected nor listening: Linux says HUP */
	if (sock->type == SOCK_STREAM && sock->state == SS_UNCONNECTED)
		mask |= POLLHUP;
	if (sock->state == SS_LISTENING)
		return mask;
	bool room = unix_writable(u);
	if (sock->type == SOCK_DGRAM && u->peer) {
		/* a datagram also needs room in its receiver's queue */
		poll_wait(f, &u->peer->sk.wq, pt);
		room = room && unix_dgram_room(u, u->peer);
	}
	if (room)
		mask |= POLLOUT | POLLWRNORM | POLLWRBAND;
	return mask;
}

static int unix_ioctl(struct socket *sock, uint32_t cmd, uint32_t arg)
{
	int n;

	if (cmd != FIONREAD)
		return -ENOTTY;
	if (sock->state == SS_LISTENING)
		return -EINVAL;
	n = unix_inq(unix_sk(sock));
	return copy_to_user((void *)arg, &n, sizeof(n)) ? -EFAULT : 0;
}

/* ---- making sockets ---- */

/* Streams and datagrams differ in how bytes move: listen and accept
   say EOPNOTSUPP to a datagram socket themselves. */
static ssize_t unix_sendmsg(struct socket *sock, struct sock_msg *m)
{
	return sock->type == SOCK_STREAM ? unix_stream_sendmsg(sock, m)
					 : unix_dgram_sendmsg(sock, m);
}

static ssize_t unix_recvmsg(struct socket *sock, struct sock_msg *m)
{
	return sock->type == SOCK_STREAM ? unix_stream_recvmsg(sock, m)
					 : unix_dgram_recvmsg(sock, m);
}

static const struct proto_ops unix_ops = {
	.family = AF_UNIX,
	.release = unix_release,
	.free = unix_free,
	.bind = unix_bind,
	.connect = unix_connect,
	.socketpair = unix_socketpair,
	.listen = unix_listen,
	.accept = unix_accept,
	.getname = unix_getname,
	.poll = unix_poll,
	.ioctl = unix_ioctl,
	.shutdown = unix_shutdown,
	.sendmsg = unix_sendmsg,
	.recvmsg = unix_recvmsg,
};

struct unix_sock *unix_alloc(int type)
{
	struct unix_sock *u = kzalloc(sizeof(*u));

	if (u)
		sock_init(&u->sk, &unix_ops, type);
	return u;
}

/* SOCK_RAW is taken for SOCK_DGRAM, as Linux does. */
static struct socket *unix_create(int type, int protocol, int *err)
{
	struct unix_sock *u;

	if (protocol && protocol != PF_UNIX) {
		*err = -EPROTONOSUPPORT;
		return NULL;
	}
	if (type == SOCK_RAW)
		type = SOCK_DGRAM;
	if (type != SOCK_STREAM && type != SOCK_DGRAM) {
		*err = -ESOCKTNOSUPPORT;
		return NULL;
	}
	if (!(u = unix_alloc(type))) {
		*err = -ENOMEM;
		return NULL;
	}
	return &u->sk;
}

const struct net_proto_family unix_family = {
	.family = AF_UNIX,
	.create = unix_create,
};
