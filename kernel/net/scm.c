/*
 * Control messages ("socket-level control messages", SCM): the ancillary
 * data sendmsg() may carry beside the bytes and recvmsg() hands over.
 *
 *   SCM_RIGHTS       open files. The sender names them by its fds; the
 *                    message carries the struct files themselves (each
 *                    with a reference, as a dup() would hold), and the
 *                    receiver gets new fds for them - the course's
 *                    "share an open file", between any two processes.
 *   SCM_CREDENTIALS  who sent it: pid, uid, gid. The kernel fills it in
 *                    for every message; the receiver sees it if it asked
 *                    (SO_PASSCRED).
 *
 * Files in flight belong to the message: if it is never received, the
 * references go when the message is thrown away (scm_fds_free).
 */
#include "net/net.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* Linux's net.core.optmem_max: the most control data one sendmsg takes. */
#define OPTMEM_MAX 20480

void scm_fds_free(struct scm_fds *fds)
{
	if (!fds)
		return;
	for (int i = 0; i < fds->count; i++)
		fput(fds->fp[i]);
	kfree(fds);
}

/* An SCM_RIGHTS message's fds, added to m->fds. */
static int scm_rights(struct sock_msg *m, const int *fd, int n)
{
	if (n <= 0)
		return 0;
	if (!m->fds && !(m->fds = kzalloc(sizeof(*m->fds))))
		return -ENOMEM;
	if (n > SCM_MAX_FD - m->fds->count)
		return -EINVAL;
	for (int i = 0; i < n; i++) {
		struct file *f = fd_lookup(fd[i]);
		if (!f)
			return -EBADF;
		m->fds->fp[m->fds->count++] = get_file(f);
	}
	return 0;
}

/* SCM_CREDENTIALS: a process may only tell the truth about itself. */
static int scm_creds(struct sock_msg *m, const struct ucred *c)
{
	struct ucred me = current_cred();

	if (c->pid != me.pid || c->uid != me.uid || c->gid != me.gid)
		return -EPERM;
	return 0;
}

static int parse_cmsg(struct sock_msg *m, const struct cmsghdr *c)
{
	size_t len = c->cmsg_len - CMSG_LEN(0);

	if (c->cmsg_level != SOL_SOCKET)
		return 0;               /* another level's: not ours */
	switch (c->cmsg_type) {
	case SCM_RIGHTS:
		return scm_rights(m, (const int *)CMSG_DATA(c),
				  len / sizeof(int));
	case SCM_CREDENTIALS:
		if (len != sizeof(struct ucred))
			return -EINVAL;
		return scm_creds(m, (const struct ucred *)CMSG_DATA(c));
	default:
		return -EINVAL;
	}
}

/* Take sendmsg's control data apart into m. It is read where it is,
   in the user's memory, once verify_area has checked it. On an error the
   files already taken stay in m->fds for the caller to free. */
int scm_send(struct sock_msg *m, const struct msghdr *kmsg)
{
	const char *buf = kmsg->msg_control;
	size_t room = kmsg->msg_controllen;
	int err = 0;

	if (room < sizeof(struct cmsghdr))
		return 0;
	if (room > OPTMEM_MAX)
		return -ENOBUFS;
	if (verify_area(buf, room, VERIFY_READ))
		return -EFAULT;
	for (size_t off = 0; !err && room - off >= sizeof(struct cmsghdr);) {
		const struct cmsghdr *c = (const struct cmsghdr *)(buf + off);
		if (c->cmsg_len < sizeof(*c) || c->cmsg_len > room - off)
			return -EINVAL;
		err = parse_cmsg(m, c);
		off += CMSG_ALIGN(c->cmsg_len);
		if (off > room)
			break;
	}
	return err;
}

/* ---- receiving ---- */

struct cmsg_out {
	char *ubuf;                 /* the user's control buffer */
	size_t room, used;
	int flags;                  /* MSG_CTRUNC when something did not fit */
};

/* One control message's header into the user's buffer, when it and len
   bytes of data fit: the address of its data, or NULL. */
static char *put_cmsg_header(struct cmsg_out *out, int type, size_t len)
{
	struct cmsghdr h = { CMSG_LEN(len), SOL_SOCKET, type };
	char *at = out->ubuf + out->used;

	if (out->room - out->used < CMSG_LEN(len) ||
	    copy_to_user(at, &h, sizeof(h))) {
		out->flags |= MSG_CTRUNC;
		return NULL;
	}
	out->used += CMSG_SPACE(len) < out->room - out->used ?
		     CMSG_SPACE(len) : out->room - out->used;
	return at + CMSG_LEN(0);
}

/* New fds for the files, as many as fit; the others are closed. */
static void put_fds(struct cmsg_out *out, struct scm_fds *fds, bool cloexec)
{
	size_t fit = 0;
	int n = 0;

	if (out->room - out->used >= CMSG_LEN(sizeof(int)))
		fit = (out->room - out->used - CMSG_LEN(0)) / sizeof(int);
	if (fit > (size_t)fds->count)
		fit = fds->count;
	char *data = fit ? put_cmsg_header(out, SCM_RIGHTS, fit * sizeof(int))
			 : NULL;
	for (; data && n < (int)fit; n++) {
		int fd = get_unused_fd(0);
		if (fd < 0 || copy_to_user(data + n * sizeof(int), &fd,
					   sizeof(fd)))
			break;
		fd_install(fd, fds->fp[n], cloexec);
	}
	if (data && n < (int)fit) {     /* fewer fds than the header said */
		size_t len = CMSG_LEN(n * sizeof(int));
		copy_to_user(data - CMSG_LEN(0), &len, sizeof(len));
	}
	if (n < fds->count)
		out->flags |= MSG_CTRUNC;
	for (int i = n; i < fds->count; i++)
		fput(fds->fp[i]);
	kfree(fds);
}

/* Hand recvmsg's control data to the user: m's credentials (if sock
   asked for them) and fds; then msg_controllen and msg_flags. */
int scm_recv(struct sock_msg *m, struct socket *sock, struct msghdr *kmsg,
	     struct msghdr *umsg)
{
	struct cmsg_out out = { kmsg->msg_control, kmsg->msg_controllen, 0,
				m->msg_flags };

	if (!out.ubuf)
		out.room = 0;
	if (m->has_creds && sock->passcred) {
		char *data = put_cmsg_header(&out, SCM_CREDENTIALS,
					     sizeof(m->creds));
		if (data)
			copy_to_user(data, &m->creds, sizeof(m->creds));
	}
	if (m->fds)
		put_fds(&out, m->fds, m->flags & MSG_CMSG_CLOEXEC);
	m->fds = NULL;
	if (copy_to_user(&umsg->msg_controllen, &out.used, sizeof(out.used)) ||
	    copy_to_user(&umsg->msg_flags, &out.flags, sizeof(out.flags)))
		return -EFAULT;
	return 0;
}
