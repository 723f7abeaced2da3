/*
 * Sending and receiving: sendto, recvfrom, sendmsg, recvmsg, and read and
 * write on a socket, which are recv and send with no flags. Each builds a
 * struct sock_msg - the user's buffers checked, the address and control
 * data copied in - and hands it to the family's sendmsg or recvmsg.
 */
#include "net/net.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>

/* Linux's cap on one transfer, so a count always fits a positive ssize_t. */
#define MAX_RW_COUNT 0x7ffff000u

/* ---- the user's buffers ---- */

void iov_iter_init(struct iov_iter *it, const struct sock_msg *m)
{
	it->cur = m->iov;
	it->more = m->more;
	it->nmore = m->nmore;
}

/* The next buffer with room, once the current one is used up. Its
   iovec was read and checked before (import_iovecs), so the copy works. */
static void iov_next(struct iov_iter *it)
{
	while (it->cur.iov_len == 0 && it->nmore > 0) {
		copy_from_user(&it->cur, it->more++, sizeof(it->cur));
		it->nmore--;
	}
}

/* The user's pages are faulted in as the bytes go (copy_to_user,
   copy_from_user). A bad page ends the copy: the bytes not moved. */
static size_t iov_copy(struct iov_iter *it, char *kbuf, size_t n,
		       bool to_user)
{
	while (n) {
		iov_next(it);
		size_t piece = n < it->cur.iov_len ? n : it->cur.iov_len;
		size_t bad = to_user ?
			copy_to_user(it->cur.iov_base, kbuf, piece) :
			copy_from_user(kbuf, it->cur.iov_base, piece);
		it->cur.iov_base = (char *)it->cur.iov_base + piece - bad;
		it->cur.iov_len -= piece - bad;
		kbuf += piece - bad;
		n -= piece - bad;
		if (bad)
			break;
	}
	return n;
}

size_t iov_copy_from(struct iov_iter *it, char *dst, size_t n)
{
	return iov_copy(it, dst, n, false);
}

size_t iov_copy_to(struct iov_iter *it, const char *src, size_t n)
{
	return iov_copy(it, (char *)src, n, true);
}

/* One buffer, counted into m->len: at most MAX_RW_COUNT in all, as Linux
   (the rest of a longer list is simply not used). */
static int add_buffer(struct sock_msg *m, struct iovec *iov)
{
	if ((ssize_t)iov->iov_len < 0)
		return -EINVAL;
	if (iov->iov_len > MAX_RW_COUNT - m->len)
		iov->iov_len = MAX_RW_COUNT - m->len;
	if (!access_ok(iov->iov_base, iov->iov_len))
		return -EFAULT;         /* its pages: as the family copies */
	m->len += iov->iov_len;
	return 0;
}

static int import_buffer(struct sock_msg *m, void *buf, size_t len)
{
	m->iov = (struct iovec){ buf, len };
	return add_buffer(m, &m->iov);
}

/* Check every iovec of the user's list now (in user space, within
   MAX_RW_COUNT), so that the family's copies need only the pages. */
static int import_iovecs(struct sock_msg *m, const struct msghdr *kmsg)
{
	const struct iovec *uiov = kmsg->msg_iov;
	int err;

	if (kmsg->msg_iovlen > IOV_MAX)
		return -EMSGSIZE;
	if (kmsg->msg_iovlen == 0)
		return import_buffer(m, NULL, 0);
	for (size_t i = 0; i < kmsg->msg_iovlen; i++) {
		struct iovec iov;
		if (copy_from_user(&iov, &uiov[i], sizeof(iov)))
			return -EFAULT;
		if ((err = add_buffer(m, &iov)))
			return err;
		if (i == 0)
			m->iov = iov;
	}
	m->more = uiov + 1;
	m->nmore = kmsg->msg_iovlen - 1;
	return 0;
}

/* sendto's or sendmsg's address: none when NULL. */
static int import_name(struct sock_msg *m, const void *uaddr, socklen_t len)
{
	if (!uaddr)
		return 0;
	if (len > sizeof(m->name))
		return -EINVAL;
	if (copy_from_user(&m->name, uaddr, len))
		return -EFAULT;
	m->namelen = len;
	return 0;
}

/* ---- sending ---- */

static long do_send(struct socket *sock, struct sock_msg *m)
{
	if (m->flags & MSG_OOB)
		return -EOPNOTSUPP;     /* no family here has urgent data */
	return sock->ops->sendmsg(sock, m);
}

ssize_t sock_write(struct file *f, const char *buf, size_t n)
{
	struct sock_msg m = { .iov = { (void *)buf, n }, .len = n };

	return do_send(f->private_data, &m);
}

long sys_sendto(int fd, const void *buf, size_t len, int flags,
		const struct sockaddr *uaddr, socklen_t addrlen)
{
	struct sock_msg m = { .flags = flags };
	int err = 0;
	struct socket *sock = sockfd_lookup(fd, &err);

	if (!sock || (err = import_buffer(&m, (void *)buf, len)) ||
	    (err = import_name(&m, uaddr, addrlen)))
		return err;
	return do_send(sock, &m);
}

/* sendmsg's and recvmsg's start: the socket, and the caller's msghdr
   copied in; NULL with *err set when either is bad. */
static struct socket *msg_socket(int fd, const struct msghdr *umsg,
				 struct msghdr *kmsg, int *err)
{
	struct socket *sock = sockfd_lookup(fd, err);

	if (sock && copy_from_user(kmsg, umsg, sizeof(*kmsg))) {
		*err = -EFAULT;
		return NULL;
	}
	return sock;
}

long sys_sendmsg(int fd, const struct msghdr *umsg, int flags)
{
	struct sock_msg m = { .flags = flags };
	struct msghdr kmsg;
	int err = 0;
	long ret;
	struct socket *sock = msg_socket(fd, umsg, &kmsg, &err);

	if (!sock)
		return err;
	if ((ret = import_iovecs(&m, &kmsg)) ||
	    (ret = import_name(&m, kmsg.msg_name, kmsg.msg_namelen)) ||
	    (ret = scm_send(&m, &kmsg)))
		return ret;
	ret = do_send(sock, &m);
	scm_fds_free(m.fds);        /* unless the family took them */
	return ret;
}

/* ---- receiving ---- */

static long do_recv(struct socket *sock, struct sock_msg *m)
{
	if (m->flags & MSG_OOB)
		return -EOPNOTSUPP;
	return sock->ops->recvmsg(sock, m);
}

ssize_t sock_read(struct file *f, char *buf, size_t n)
{
	struct sock_msg m = { .iov = { buf, n }, .len = n };
	ssize_t ret = do_recv(f->private_data, &m);

	scm_fds_free(m.fds);        /* read() has no room for fds */
	return ret;
}

long sys_recvfrom(int fd, void *buf, size_t len, int flags,
		  struct sockaddr *uaddr, socklen_t *ulen)
{
	struct sock_msg m = { .flags = flags };
	int err = 0;
	struct socket *sock = sockfd_lookup(fd, &err);

	if (!sock || (err = import_buffer(&m, buf, len)))
		return err;
	long ret = do_recv(sock, &m);
	scm_fds_free(m.fds);
	if (ret >= 0 && (err = move_addr_out(&m.name, m.namelen, uaddr, ulen)))
		return err;
	return ret;
}

long sys_recvmsg(int fd, struct msghdr *umsg, int flags)
{
	struct sock_msg m = { .flags = flags };
	struct msghdr kmsg;
	int err = 0;
	long ret;
	struct socket *sock = msg_socket(fd, umsg, &kmsg, &err);

	if (!sock)
		return err;
	if ((ret = import_iovecs(&m, &kmsg)))
		return ret;
	ret = do_recv(sock, &m);
	if (ret < 0)
		return ret;
	if (kmsg.msg_name && (err = move_addr_out(&m.name, m.namelen,
						  kmsg.msg_name,
						  &umsg->msg_namelen))) {
		scm_fds_free(m.fds);
		return err;
	}
	err = scm_recv(&m, sock, &kmsg, umsg);
	return err ? err : ret;
}
