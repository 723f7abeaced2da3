/*
 * setsockopt and getsockopt at level SOL_SOCKET: the options every socket
 * has, kept in struct socket. Other levels (IPPROTO_TCP, IPPROTO_IP)
 * belong to the family: the value is copied in or out here and handed to
 * its proto_ops. (AF_UNIX has none, so they are EOPNOTSUPP, as on Linux.)
 *
 * Buffer sizes are doubled when set, as Linux does: the value asked for
 * is taken to be the data, and the kernel adds as much again for its own
 * bookkeeping of each message; getsockopt shows the doubled value.
 */
#include "net/net.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/time.h>        /* struct timeval */

#define USEC_PER_SEC 1000000

/* A SO_*TIMEO value: 0 seconds means "no timeout", a negative one means
   "do not wait" (Linux's reading). */
static int timeval_to_ticks(const struct timeval *tv, uint32_t *ticks)
{
	if (tv->tv_usec < 0 || tv->tv_usec >= USEC_PER_SEC)
		return -EDOM;
	if (tv->tv_sec < 0)
		*ticks = 0;
	else if (tv->tv_sec == 0 && tv->tv_usec == 0)
		*ticks = SOCK_WAIT_FOREVER;
	else if (tv->tv_sec >= (long)(SOCK_WAIT_FOREVER / HZ - 1))
		*ticks = SOCK_WAIT_FOREVER;
	else
		*ticks = tv->tv_sec * HZ +
			 (tv->tv_usec + USEC_PER_SEC / HZ - 1) / (USEC_PER_SEC / HZ);
	return 0;
}

static struct timeval ticks_to_timeval(uint32_t ticks)
{
	if (ticks == SOCK_WAIT_FOREVER)
		return (struct timeval){ 0, 0 };
	return (struct timeval){ ticks / HZ, ticks % HZ * (USEC_PER_SEC / HZ) };
}

static uint32_t buffer_size(int val, uint32_t min)
{
	uint32_t v = (uint32_t)val < SOCK_BUF_MAX ? (uint32_t)val : SOCK_BUF_MAX;

	return v * 2 > min ? v * 2 : min;
}

static int set_timeout(uint32_t *timeo, const void *uval, socklen_t len)
{
	struct timeval tv;

	if (len < sizeof(tv))
		return -EINVAL;
	if (copy_from_user(&tv, uval, sizeof(tv)))
		return -EFAULT;
	return timeval_to_ticks(&tv, timeo);
}

/* The largest value of a family's option (TCP_NODELAY is an int). */
#define PROTO_OPT_MAX 64

static int set_proto_option(struct socket *sock, int level, int name,
			    const void *uval, socklen_t len)
{
	char val[PROTO_OPT_MAX];

	if (!sock->ops->setsockopt)
		return -EOPNOTSUPP;
	if (len > sizeof(val))
		len = sizeof(val);
	if (copy_from_user(val, uval, len))
		return -EFAULT;
	return sock->ops->setsockopt(sock, level, name, val, len);
}

long sys_setsockopt(int fd, int level, int name, const void *uval,
		    socklen_t len)
{
	int err = 0, val;
	struct socket *sock = sockfd_lookup(fd, &err);

	if (!sock)
		return err;
	if (level != SOL_SOCKET)
		return set_proto_option(sock, level, name, uval, len);
	if (name == SO_RCVTIMEO)
		return set_timeout(&sock->rcvtimeo, uval, len);
	if (name == SO_SNDTIMEO)
		return set_timeout(&sock->sndtimeo, uval, len);
	if (len < sizeof(int))
		return -EINVAL;
	if (copy_from_user(&val, uval, sizeof(val)))
		return -EFAULT;
	switch (name) {
	case SO_REUSEADDR:
		sock->reuseaddr = val != 0;
		return 0;
	case SO_PASSCRED:
		sock->passcred = val != 0;
		return 0;
	case SO_SNDBUF:
		sock->sndbuf = buffer_size(val, SOCK_MIN_SNDBUF);
		wake_up(&sock->wq);     /* a writer may fit now */
		return 0;
	case SO_RCVBUF:
		sock->rcvbuf = buffer_size(val, SOCK_MIN_RCVBUF);
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

/* The option's value into *val (of *len bytes at most): 0 or -errno. */
static int get_option(struct socket *sock, int level, int name, void *val,
		      int *len)
{
	int *i = val;

	if (level != SOL_SOCKET) {
		*len = PROTO_OPT_MAX;
		if (!sock->ops->getsockopt)
			return -EOPNOTSUPP;
		return sock->ops->getsockopt(sock, level, name, val, len);
	}
	*len = sizeof(int);
	switch (name) {
	case SO_REUSEADDR:  *i = sock->reuseaddr; return 0;
	case SO_PASSCRED:   *i = sock->passcred; return 0;
	case SO_TYPE:       *i = sock->type; return 0;
	case SO_DOMAIN:     *i = sock->family; return 0;
	case SO_PROTOCOL:   *i = sock->protocol; return 0;
	case SO_SNDBUF:     *i = sock->sndbuf; return 0;
	case SO_RCVBUF:     *i = sock->rcvbuf; return 0;
	case SO_ACCEPTCONN: *i = sock->state == SS_LISTENING; return 0;
	case SO_ERROR:
		*i = -sock->err;
		sock->err = 0;
		return 0;
	case SO_RCVTIMEO:
	case SO_SNDTIMEO:
		*(struct timeval *)val = ticks_to_timeval(
			name == SO_RCVTIMEO ? sock->rcvtimeo : sock->sndtimeo);
		*len = sizeof(struct timeval);
		return 0;
	case SO_PEERCRED:
		*(struct ucred *)val = sock->peercred;
		*len = sizeof(struct ucred);
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

/* The value is cut to the room the caller gives; *ulen gets what was
   copied, as on Linux. */
long sys_getsockopt(int fd, int level, int name, void *uval, socklen_t *ulen)
{
	union {
		int i;
		struct timeval tv;
		struct ucred cred;
		char proto[PROTO_OPT_MAX];
	} val;
	int err = 0, room, len;
	struct socket *sock = sockfd_lookup(fd, &err);

	if (!sock)
		return err;
	if (copy_from_user(&room, ulen, sizeof(room)))
		return -EFAULT;
	if (room < 0)
		return -EINVAL;
	if ((err = get_option(sock, level, name, &val, &len)))
		return err;
	if (len > room)
		len = room;
	if (copy_to_user(uval, &val, len) ||
	    copy_to_user(ulen, &len, sizeof(len)))
		return -EFAULT;
	return 0;
}
