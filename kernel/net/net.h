/*
 * Sockets: the socket layer (socket.c, sockopt.c, msg.c, scm.c,
 * socketcall.c) and the local family AF_UNIX (af_unix*.c). docs/sockets.md
 * walks through a connection.
 *
 * A socket is a file. The course's three levels, with a fourth below the
 * open-file description where a regular file has its inode:
 *
 *   task->files->fd[n] --> struct file ------------> struct inode (S_IFSOCK,
 *   (per process)          f_op = socket_fops          in memory only: what
 *                          f_flags: O_RDWR,            fstat() shows)
 *                                   O_NONBLOCK
 *                          private_data
 *                               |
 *                               v
 *                          struct socket -----> proto_ops: the family's
 *                          type, state,          bind connect listen accept
 *                          options, wait         sendmsg recvmsg shutdown
 *                          queue, refs           getname poll ioctl release
 *                               |
 *                               | (the family's object begins with it)
 *                               v
 *                          struct unix_sock: name, peer, receive queue,
 *                          the connections waiting for accept()
 *
 * read(), write(), close(), dup(), fork() and fcntl() work on the struct
 * file as on any other; the socket calls (socket.c) find the struct
 * socket behind an fd (sockfd_lookup: ENOTSOCK if it is another kind of
 * file) and call its family through sock->ops.
 *
 * The socket layer sits above fs (files, inodes, names) and signal
 * (SIGPIPE) and below proc. The kernel is not preempted, so a socket's
 * fields change only where the code says so: between a look at them and
 * a change, nothing may sleep. (The sleeps are sock_wait() and the fs
 * lock: bind and connect look up names, and a socket file is made and
 * closed under it. Both are followed by a fresh look.)
 */
#ifndef _NET_NET_H
#define _NET_NET_H

#include "fs/fs.h"
#include "sched/sched.h"
#include <sprout/socket.h>
#include <sprout/un.h>

/* struct socket's state */
enum sock_state {
	SS_UNCONNECTED,             /* new, or a datagram socket */
	SS_LISTENING,               /* listen() was called */
	SS_CONNECTED,               /* has a peer (the peer may have closed) */
};

/* shutdown bits: which directions are closed */
#define RCV_SHUTDOWN  1
#define SEND_SHUTDOWN 2

/* Linux's defaults (net.core.wmem_default and rmem_default): 212992
   bytes, so a writer may run about 200 KiB ahead of its reader before it
   waits; SO_SNDBUF and SO_RCVBUF set twice the value asked for, up to
   twice SOCK_BUF_MAX (wmem_max), and at least SOCK_MIN_*BUF. */
#define SOCK_BUF_DEFAULT 212992
#define SOCK_BUF_MAX     212992
#define SOCK_MIN_SNDBUF  4608
#define SOCK_MIN_RCVBUF  2304

#define SOCK_WAIT_FOREVER UINT32_MAX    /* a timeout of "none" */

struct socket;
struct sock_msg;

/* What a family does with its sockets. The layer has checked the fd,
   copied the user's arguments into the kernel and checked their sizes.
   Each returns 0 (or a count) or -errno. */
struct proto_ops {
	int family;
	/* The last file reference is gone: disconnect, drop what it holds. */
	void (*release)(struct socket *sock);
	/* The last reference of all is gone (sock_put): free the memory. */
	void (*free)(struct socket *sock);
	int (*bind)(struct socket *sock, const struct sockaddr *addr, int len);
	int (*connect)(struct socket *sock, const struct sockaddr *addr,
		       int len);
	int (*socketpair)(struct socket *a, struct socket *b);
	int (*listen)(struct socket *sock, int backlog);
	/* Take a waiting connection: *child, a socket with no file yet. */
	int (*accept)(struct socket *sock, struct socket **child);
	/* Its own (peer false) or its peer's address into *addr: the length. */
	int (*getname)(struct socket *sock, struct sockaddr_storage *addr,
		       bool peer);
	unsigned int (*poll)(struct socket *sock, struct file *f,
			     struct poll_table *pt);
	int (*ioctl)(struct socket *sock, uint32_t cmd, uint32_t arg);
	int (*shutdown)(struct socket *sock, int mask);     /* *_SHUTDOWN */
	ssize_t (*sendmsg)(struct socket *sock, struct sock_msg *m);
	ssize_t (*recvmsg)(struct socket *sock, struct sock_msg *m);
	/* Options at a level other than SOL_SOCKET (IPPROTO_TCP, ...), the
	   value copied in or out by the layer (at most 64 bytes): 0 or
	   -errno. NULL: the family has none (EOPNOTSUPP). */
	int (*setsockopt)(struct socket *sock, int level, int name,
			  const void *val, int len);
	int (*getsockopt)(struct socket *sock, int level, int name,
			  void *val, int *len);
};

/* A family: how socket() makes one of its sockets. */
struct net_proto_family {
	int family;
	/* A new socket of this type (protocol checked), or NULL and *err. */
	struct socket *(*create)(int type, int protocol, int *err);
};

/* The layer's part of every socket, inside the family's object (struct
   unix_sock). sock_put() has the family free it with the last reference:
   the file holds one, and so may a peer or a message in flight. */
struct socket {
	int refs;
	short family, type;         /* AF_UNIX; SOCK_STREAM, SOCK_DGRAM */
	short protocol;             /* IPPROTO_TCP ...; 0 for AF_UNIX */
	enum sock_state state;
	struct file *file;          /* NULL until accept() gives it one */
	const struct proto_ops *ops;
	struct wait_queue wq;       /* everyone waiting for anything on it */
	int err;                    /* SO_ERROR: reported once, then cleared */
	int shutdown;               /* RCV_SHUTDOWN | SEND_SHUTDOWN */
	bool reuseaddr, passcred;   /* SO_REUSEADDR, SO_PASSCRED */
	uint32_t sndbuf, rcvbuf;    /* SO_SNDBUF, SO_RCVBUF (bytes) */
	uint32_t sndtimeo, rcvtimeo;    /* in ticks, or SOCK_WAIT_FOREVER */
	struct ucred peercred;      /* SO_PEERCRED: who is at the other end */
};

/* The fds of an SCM_RIGHTS message while they travel: each file holds a
   reference, given to the receiver's new fds or dropped with the
   message. At most SCM_MAX_FD of them per message, as Linux. */
#define SCM_MAX_FD 253
struct scm_fds {
	int count;
	struct file *fp[SCM_MAX_FD];
};

/* One sendmsg or recvmsg, in the kernel: the user's buffers (each in
   user space; the family copies with iov_copy_from/to), the
   address, and the control data taken apart (scm.c). The first buffer is
   here; the rest stay in the user's iovec array, read one at a time. */
struct sock_msg {
	struct iovec iov;           /* the first buffer */
	const struct iovec *more;   /* the user's next iovecs */
	int nmore;
	size_t len;                 /* the total of them all */
	int flags;                  /* the caller's MSG_* */
	int msg_flags;              /* recvmsg's answer: MSG_TRUNC, ... */
	struct sockaddr_storage name;   /* sendto's or recvfrom's address */
	int namelen;                /* 0: none */
	struct scm_fds *fds;        /* SCM_RIGHTS, or NULL */
	struct ucred creds;         /* SCM_CREDENTIALS: the sender */
	bool has_creds;
};

/* socket.c */
extern const struct file_operations socket_fops;
struct socket *sockfd_lookup(int fd, int *err);     /* NULL: *err */
void sock_init(struct socket *sock, const struct proto_ops *ops, int type);
struct socket *sock_hold(struct socket *sock);
void sock_put(struct socket *sock);
bool sock_nonblock(struct socket *sock);
/* The caller's credentials, as SO_PEERCRED gives them. */
struct ucred current_cred(void);
/* Sleep on wq until ready(sock, arg): 0; or until *timeo ticks run out
   (-EAGAIN; 0 means do not wait at all), or a signal comes (-ERESTARTSYS,
   or -EINTR if a timeout was set, as Linux). *timeo keeps what is left. */
int sock_wait(struct wait_queue *wq, bool (*ready)(struct socket *, void *),
	      struct socket *sock, void *arg, uint32_t *timeo);
/* How long a send or a receive may wait: 0 with O_NONBLOCK or
   MSG_DONTWAIT, else SO_SNDTIMEO or SO_RCVTIMEO. */
uint32_t sock_sndtimeo(struct socket *sock, int flags);
uint32_t sock_rcvtimeo(struct socket *sock, int flags);
/* EPIPE: and SIGPIPE too, unless MSG_NOSIGNAL. */
int sock_epipe(int flags);
/* Copy an address out to the user as accept and recvfrom do: truncated
   to the room *ulen gives, *ulen set to len. NULL uaddr: not wanted. */
int move_addr_out(const struct sockaddr_storage *addr, int len,
		  struct sockaddr *uaddr, socklen_t *ulen);

/* msg.c: read and write on a socket; the user's buffers, byte by byte
   in order */
ssize_t sock_read(struct file *f, char *buf, size_t n);
ssize_t sock_write(struct file *f, const char *buf, size_t n);
struct iov_iter {
	struct iovec cur;           /* what is left of the current buffer */
	const struct iovec *more;   /* the user's next iovecs (checked) */
	int nmore;
};
void iov_iter_init(struct iov_iter *it, const struct sock_msg *m);
/* The bytes NOT copied: a bad user page ends the copy (EFAULT). */
size_t iov_copy_from(struct iov_iter *it, char *dst, size_t n);
size_t iov_copy_to(struct iov_iter *it, const char *src, size_t n);

/* scm.c: control messages */
int scm_send(struct sock_msg *m, const struct msghdr *kmsg);
int scm_recv(struct sock_msg *m, struct socket *sock, struct msghdr *kmsg,
	     struct msghdr *umsg);
void scm_fds_free(struct scm_fds *fds);

/* af_unix.c */
extern const struct net_proto_family unix_family;

/* The Internet family (net/inet.h and net/netdev.h inside net/, drawn
   in docs/net.md). Boot: net_init brings up lo and any card, with the
   kernel options netfault= (fault.c) and ip= ("dhcp", the default, or
   "10.0.2.15/24:10.0.2.2", or "off"); then init starts netd, the
   network's kernel thread (netd.c). */
void net_init(const char *netfault, const char *ip);
void netd(void);
/* Sleep until the card has its address (DHCP's answer, or the fallback
   after about 2 s): process 1 calls it before the first program runs,
   as Linux does with ip=dhcp. */
void net_wait_config(void);
/* /proc/net/{dev,arp,udp,tcp,sockstat} in Linux's formats, appended to buf[size]
   after *len bytes (lib's vappendf): the procfs layer calls them. */
void dev_show(char *buf, size_t size, size_t *len);
void arp_show(char *buf, size_t size, size_t *len);
void udp_show(char *buf, size_t size, size_t *len);
void tcp_show(char *buf, size_t size, size_t *len);
void sockstat_show(char *buf, size_t size, size_t *len);
void snmp_show(char *buf, size_t size, size_t *len);     /* IP's counters */
/* /proc/net/netfault (fault.c): the netfault= settings and what they
   did to each card. */
void fault_show(char *buf, size_t size, size_t *len);

#endif
