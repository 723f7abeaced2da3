/*
 * The socket layer: sockets as files, and the calls that make, name and
 * connect them (socket, socketpair, bind, connect, listen, accept4,
 * getsockname, getpeername, shutdown). Each checks the fd and copies the
 * user's address in or out; the family (sock->ops) does the rest.
 * Sending and receiving are in msg.c, the options in sockopt.c.
 */
#include "net/net.h"
#include "net/inet.h"
#include "signal/signal.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>

#define SOCK_MAX 11             /* types run 1..SOCK_MAX-1 (SOCK_PACKET 10) */

static const struct net_proto_family *const families[AF_MAX] = {
	[AF_UNIX] = &unix_family,
	[AF_INET] = &inet_family,
};

/* ---- the socket object ---- */

void sock_init(struct socket *sock, const struct proto_ops *ops, int type)
{
	sock->refs = 1;
	sock->family = ops->family;
	sock->type = type;
	sock->ops = ops;
	sock->sndbuf = sock->rcvbuf = SOCK_BUF_DEFAULT;
	sock->sndtimeo = sock->rcvtimeo = SOCK_WAIT_FOREVER;
	/* Nobody at the other end: Linux's "overflow" ids. */
	sock->peercred = (struct ucred){ 0, 65534, 65534 };
}

struct socket *sock_hold(struct socket *sock)
{
	sock->refs++;
	return sock;
}

void sock_put(struct socket *sock)
{
	if (--sock->refs == 0)
		sock->ops->free(sock);
}

bool sock_nonblock(struct socket *sock)
{
	return sock->file && (sock->file->f_flags & O_NONBLOCK);
}

struct ucred current_cred(void)
{
	return (struct ucred){ current->pid, 0, 0 };  /* everyone is root */
}

int sock_wait(struct wait_queue *wq, bool (*ready)(struct socket *, void *),
	      struct socket *sock, void *arg, uint32_t *timeo)
{
	bool forever = *timeo == SOCK_WAIT_FOREVER;
	uint32_t deadline = jiffies + *timeo;
	int err = 0;

	for (;;) {
		prepare_to_wait(wq, TASK_INTERRUPTIBLE);
		if (ready(sock, arg))
			break;
		if (!forever && (int32_t)(jiffies - deadline) >= 0) {
			err = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			err = forever ? -ERESTARTSYS : -EINTR;
			break;
		}
		if (!forever)
			current->timeout = deadline;
		schedule();
		current->timeout = 0;
	}
	finish_wait(wq);
	if (!forever)
		*timeo = (int32_t)(deadline - jiffies) > 0 ? deadline - jiffies : 0;
	return err;
}

static uint32_t timeo_for(struct socket *sock, int flags, uint32_t timeo)
{
	return (flags & MSG_DONTWAIT) || sock_nonblock(sock) ? 0 : timeo;
}

uint32_t sock_sndtimeo(struct socket *sock, int flags)
{
	return timeo_for(sock, flags, sock->sndtimeo);
}

uint32_t sock_rcvtimeo(struct socket *sock, int flags)
{
	return timeo_for(sock, flags, sock->rcvtimeo);
}

int sock_epipe(int flags)
{
	if (!(flags & MSG_NOSIGNAL))
		send_sig(current, SIGPIPE);
	return -EPIPE;
}

/* ---- sockets as files ---- */

struct socket *sockfd_lookup(int fd, int *err)
{
	struct file *f = fd_lookup(fd);

	if (!f) {
		*err = -EBADF;
		return NULL;
	}
	if (f->f_op != &socket_fops) {
		*err = -ENOTSOCK;
		return NULL;
	}
	return f->private_data;
}

static unsigned int sock_poll(struct file *f, struct poll_table *pt)
{
	struct socket *sock = f->private_data;

	return sock->ops->poll(sock, f, pt);
}

static int sock_ioctl(struct file *f, uint32_t cmd, uint32_t arg)
{
	struct socket *sock = f->private_data;

	return sock->ops->ioctl(sock, cmd, arg);
}

static void sock_release(struct file *f)
{
	struct socket *sock = f->private_data;

	sock->ops->release(sock);
	sock->file = NULL;
	sock_put(sock);
}

/* read and write are recv and send with no flags: msg.c. */
const struct file_operations socket_fops = {
	.read = sock_read,
	.write = sock_write,
	.ioctl = sock_ioctl,
	.release = sock_release,
	.poll = sock_poll,
};

/* A file for sock: an inode in memory only, as a pipe's. The file takes
   over the caller's reference to sock. */
static struct file *sock_alloc_file(struct socket *sock, int flags)
{
	struct file *f = get_empty_filp();
	struct inode *inode;

	if (!f)
		return NULL;
	fs_lock();
	inode = alloc_anon_inode(S_IFSOCK | 0777);
	fs_unlock();
	if (!inode) {
		fput(f);
		return NULL;
	}
	f->f_inode = inode;
	f->f_op = &socket_fops;
	f->f_flags = O_RDWR | (flags & O_NONBLOCK);
	f->private_data = sock;
	sock->file = f;
	return f;
}

/* Give sock a file and an fd: the fd, or -errno (sock is then dropped). */
static int sock_map_fd(struct socket *sock, int flags)
{
	int fd = get_unused_fd(0);
	struct file *f;

	if (fd < 0 || !(f = sock_alloc_file(sock, flags))) {
		sock->ops->release(sock);
		sock_put(sock);
		return fd < 0 ? fd : -ENFILE;
	}
	fd_install(fd, f, flags & O_CLOEXEC);
	return fd;
}

/* ---- socket and socketpair ---- */

static int sock_create(int domain, int type, int protocol,
		       struct socket **res)
{
	int err = 0;

	if (domain < 0 || domain >= AF_MAX || !families[domain])
		return -EAFNOSUPPORT;
	if (type >= SOCK_MAX)
		return -EINVAL;
	*res = families[domain]->create(type, protocol, &err);
	return *res ? 0 : err;
}

/* type carries SOCK_NONBLOCK and SOCK_CLOEXEC beside the type proper. */
static int split_type(int *type, int *flags)
{
	*flags = *type & ~SOCK_TYPE_MASK;
	*type &= SOCK_TYPE_MASK;
	return *flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC) ? -EINVAL : 0;
}

long sys_socket(int domain, int type, int protocol)
{
	struct socket *sock;
	int flags, err;

	if ((err = split_type(&type, &flags)) ||
	    (err = sock_create(domain, type, protocol, &sock)))
		return err;
	return sock_map_fd(sock, flags);
}

/* Both fds are written to the user before either is installed, so a bad
   pointer (EFAULT) leaves nothing behind, as pipe2(). */
long sys_socketpair(int domain, int type, int protocol, int *usv)
{
	struct socket *s[2] = { NULL, NULL };
	struct file *f[2] = { NULL, NULL };
	int fd[2], flags, err;

	if ((err = split_type(&type, &flags)) ||
	    (err = sock_create(domain, type, protocol, &s[0])))
		return err;
	if ((err = sock_create(domain, type, protocol, &s[1])))
		goto out;
	if (!s[0]->ops->socketpair) {
		err = -EOPNOTSUPP;
		goto out;
	}
	fd[0] = get_unused_fd(0);
	fd[1] = fd[0] < 0 ? fd[0] : get_unused_fd(fd[0] + 1);
	if ((err = fd[1]) < 0)
		goto out;
	err = -ENFILE;
	if (!(f[0] = sock_alloc_file(s[0], flags)) ||
	    !(f[1] = sock_alloc_file(s[1], flags)))
		goto out;
	if ((err = s[0]->ops->socketpair(s[0], s[1])))
		goto out;
	if (copy_to_user(usv, fd, sizeof(fd))) {
		err = -EFAULT;
		goto out;
	}
	fd_install(fd[0], f[0], flags & SOCK_CLOEXEC);
	fd_install(fd[1], f[1], flags & SOCK_CLOEXEC);
	return 0;
out:
	for (int i = 0; i < 2; i++) {
		if (f[i])
			fput(f[i]);             /* releases its socket too */
		else if (s[i]) {
			s[i]->ops->release(s[i]);
			sock_put(s[i]);
		}
	}
	return err;
}

/* ---- addresses in and out ---- */

/* The user's address into *addr: 0, EINVAL (a length that cannot be
   one), EFAULT. */
static int move_addr_in(const struct sockaddr *uaddr, socklen_t len,
			struct sockaddr_storage *addr)
{
	if (len > sizeof(*addr))
		return -EINVAL;
	if (copy_from_user(addr, uaddr, len))
		return -EFAULT;
	return 0;
}

/* Give the user len bytes of addr, truncated to the room *ulen says
   there is; *ulen gets the full length, as POSIX asks. NULL uaddr: no
   address wanted (accept's and recvfrom's). */
int move_addr_out(const struct sockaddr_storage *addr, int len,
		  struct sockaddr *uaddr, socklen_t *ulen)
{
	socklen_t room;

	if (!uaddr)
		return 0;
	if (copy_from_user(&room, ulen, sizeof(room)))
		return -EFAULT;
	if ((int)room < 0)
		return -EINVAL;
	if (room > (socklen_t)len)
		room = len;
	if (copy_to_user(uaddr, addr, room) ||
	    copy_to_user(ulen, &len, sizeof(*ulen)))
		return -EFAULT;
	return 0;
}

long sys_bind(int fd, const struct sockaddr *uaddr, socklen_t len)
{
	struct sockaddr_storage addr;
	int err = 0;
	struct socket *sock = sockfd_lookup(fd, &err);

	if (!sock || (err = move_addr_in(uaddr, len, &addr)))
		return err;
	return sock->ops->bind(sock, (struct sockaddr *)&addr, len);
}

long sys_connect(int fd, const struct sockaddr *uaddr, socklen_t len)
{
	struct sockaddr_storage addr;
	int err = 0;
	struct socket *sock = sockfd_lookup(fd, &err);

	if (!sock || (err = move_addr_in(uaddr, len, &addr)))
		return err;
	return sock->ops->connect(sock, (struct sockaddr *)&addr, len);
}

long sys_listen(int fd, int backlog)
{
	int err = 0;
	struct socket *sock = sockfd_lookup(fd, &err);

	if (!sock)
		return err;
	if ((unsigned int)backlog > SOMAXCONN)     /* negative too */
		backlog = SOMAXCONN;
	return sock->ops->listen(sock, backlog);
}

/* The new connection gets its fd only once its address reached the user:
   if that faults, the connection is closed (Linux does the same). */
long sys_accept4(int fd, struct sockaddr *uaddr, socklen_t *ulen, int flags)
{
	struct sockaddr_storage addr;
	struct socket *child;
	struct file *f;
	int err = 0, newfd;
	struct socket *sock = sockfd_lookup(fd, &err);

	if (!sock)
		return err;
	if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
		return -EINVAL;
	if ((newfd = get_unused_fd(0)) < 0)
		return newfd;
	if ((err = sock->ops->accept(sock, &child)))
		return err;
	if (!(f = sock_alloc_file(child, flags))) {
		child->ops->release(child);
		sock_put(child);
		return -ENFILE;
	}
	err = move_addr_out(&addr, child->ops->getname(child, &addr, true),
			    uaddr, ulen);
	if (err) {
		fput(f);
		return err;
	}
	fd_install(newfd, f, flags & SOCK_CLOEXEC);
	return newfd;
}

static long do_getname(int fd, struct sockaddr *uaddr, socklen_t *ulen,
		    bool peer)
{
	struct sockaddr_storage addr;
	int err = 0, len;
	struct socket *sock = sockfd_lookup(fd, &err);

	if (!sock)
		return err;
	if ((len = sock->ops->getname(sock, &addr, peer)) < 0)
		return len;
	if (!uaddr)
		return -EFAULT;
	return move_addr_out(&addr, len, uaddr, ulen);
}

long sys_getsockname(int fd, struct sockaddr *uaddr, socklen_t *ulen)
{
	return do_getname(fd, uaddr, ulen, false);
}

long sys_getpeername(int fd, struct sockaddr *uaddr, socklen_t *ulen)
{
	return do_getname(fd, uaddr, ulen, true);
}

long sys_shutdown(int fd, int how)
{
	int err = 0;
	struct socket *sock = sockfd_lookup(fd, &err);

	if (!sock)
		return err;
	if (how < SHUT_RD || how > SHUT_RDWR)
		return -EINVAL;
	/* SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2 become the bits 1, 2, 3 */
	return sock->ops->shutdown(sock, how + 1);
}
