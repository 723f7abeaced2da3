/*
 * AF_UNIX, net/'s own header: the local family's socket and its messages.
 *
 * Two connected sockets point at each other; what one sends waits in the
 * other's receive queue until it is read:
 *
 *   unix_sock A                              unix_sock B
 *   +-----------+  peer                      +-----------+
 *   | sk        |--------------------------->| sk        |
 *   | addr      |<---------------------------| addr      |
 *   | rq: ...   |                  peer      | rq: m1 -> m2 -> m3 (A's writes)
 *   | wmem: bytes of m1..m3, until B reads them: A waits when it
 *   |   reaches A's sndbuf (SO_SNDBUF), B's reads wake A
 *   +-----------+                            +-----------+
 *
 * A message (Linux's sk_buff, cut down) is one write's bytes, in page-sized
 * pieces, with what travels beside them: the sender's name (a datagram's),
 * fds (SCM_RIGHTS) and credentials. A stream reader takes bytes across
 * messages and never sees their edges - except that a read stops before
 * a message that carries fds, so the fds arrive with their own bytes. A
 * datagram reader takes one message per call; what does not fit its
 * buffer is lost (MSG_TRUNC).
 *
 * Connecting to a listening socket makes a third socket at once, the
 * "embryo": it is the connector's peer and queues the bytes sent before
 * accept() returns it (the listener's accept queue holds it until then).
 *
 *   listener L: accept queue: E1 -> E2        (at most the backlog, + 1)
 *   client C --peer--> E1 --peer--> C
 *
 * Names: a path (bind makes an S_IFSOCK inode with mknod; connect looks
 * the path up and finds the socket bound to that inode) or an abstract
 * name (sun_path[0] == 0: bytes in a list of the kernel's, gone with the
 * socket). Every bound socket is on one list, unix_bound.
 */
#ifndef _NET_AF_UNIX_H
#define _NET_AF_UNIX_H

#include "net/net.h"

/* A bound name, shared by the socket, the sockets accept() makes from it
   and the datagrams it sent. */
struct unix_address {
	int refs;
	int len;                    /* of name: the family and the path */
	struct sockaddr_un name;    /* a path ends in NUL; abstract: no NUL */
};

struct unix_msg {
	struct unix_msg *next;
	struct socket *from;        /* the sender, charged `size` in wmem */
	size_t size;                /* what it costs: its bytes and header */
	size_t len, off;            /* its bytes; how many are read */
	struct unix_address *addr;  /* the sender's name, or NULL */
	struct scm_fds *fds;        /* SCM_RIGHTS: files in flight */
	struct ucred creds;
	int npieces;
	char *piece[];              /* PAGE_SIZE bytes each, the last partly */
};

struct unix_sock {
	struct socket sk;
	struct unix_address *addr;  /* bound name, or NULL */
	struct inode *inode;        /* a path name's S_IFSOCK inode (held) */
	struct unix_sock *peer;     /* connected to (held), or NULL */
	struct unix_msg *rq_head, *rq_tail;     /* the receive queue */
	int rq_count;               /* messages in it */
	size_t wmem;                /* sent, not yet read (see above) */
	struct unix_sock *accept_head, *accept_tail;  /* a listener's embryos */
	int backlog, max_backlog;   /* embryos queued; listen()'s limit */
	struct unix_sock *next;     /* in the accept queue */
	struct unix_sock *bound_next;   /* in unix_bound */
	bool dead;                  /* its file is closed */
};

static inline struct unix_sock *unix_sk(struct socket *sock)
{
	return (struct unix_sock *)sock;
}

/* Linux's net.unix.max_dgram_qlen: datagrams a socket queues before
   senders wait (or get EAGAIN). */
#define UNIX_MAX_DGRAM_QLEN 10
/* A stream write goes into messages of at most this many bytes. */
#define UNIX_MSG_MAX (64 * 1024)

/* af_unix.c */
struct unix_sock *unix_alloc(int type);
void unix_addr_put(struct unix_address *addr);
int unix_autobind(struct unix_sock *u);
/* The socket bound to the name, held: 0 or -errno. */
int unix_find_other(const struct sockaddr *addr, int len, int type,
		    struct unix_sock **res);

/* af_unix_msg.c: messages and the receive queue */
void unix_purge_queue(struct unix_sock *u);
size_t unix_inq(struct unix_sock *u);           /* FIONREAD */
bool unix_writable(struct unix_sock *u);
/* May u's datagram go into other's queue now (or is other gone)? */
bool unix_dgram_room(struct unix_sock *u, struct unix_sock *other);
ssize_t unix_stream_sendmsg(struct socket *sock, struct sock_msg *m);
ssize_t unix_stream_recvmsg(struct socket *sock, struct sock_msg *m);
ssize_t unix_dgram_sendmsg(struct socket *sock, struct sock_msg *m);
ssize_t unix_dgram_recvmsg(struct socket *sock, struct sock_msg *m);

#endif
