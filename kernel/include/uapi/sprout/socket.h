/*
 * Sockets, as user programs and the kernel both see them: the numbers
 * and layouts of Linux i386 (<sys/socket.h> includes this file).
 */
#ifndef _SPROUT_SOCKET_H
#define _SPROUT_SOCKET_H

#include <sprout/uio.h>         /* struct iovec */

typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;

/* Address (protocol) families; PF_x is AF_x. */
#define AF_UNSPEC  0
#define AF_UNIX    1
#define AF_LOCAL   AF_UNIX
#define AF_INET    2
#define AF_INET6   10
#define AF_MAX     46           /* family numbers run 0..AF_MAX-1 */
#define PF_UNSPEC  AF_UNSPEC
#define PF_UNIX    AF_UNIX
#define PF_LOCAL   AF_LOCAL
#define PF_INET    AF_INET
#define PF_INET6   AF_INET6

/* Socket types, and the flags socket(), socketpair() and accept4() take
   (the values of O_NONBLOCK and O_CLOEXEC). */
#define SOCK_STREAM    1
#define SOCK_DGRAM     2
#define SOCK_RAW       3
#define SOCK_RDM       4
#define SOCK_SEQPACKET 5
#define SOCK_TYPE_MASK 0xf
#define SOCK_NONBLOCK  00004000
#define SOCK_CLOEXEC   02000000

/* The longest listen() backlog (Linux's net.core.somaxconn). */
#define SOMAXCONN 4096

struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

/* Room for any family's address. */
struct sockaddr_storage {
	sa_family_t ss_family;
	char __ss_data[126];
} __attribute__((aligned(4)));

/* sendmsg/recvmsg's message: a name, the bytes in pieces (iovecs), and
   ancillary data ("control messages") such as passed fds. */
struct msghdr {
	void *msg_name;
	socklen_t msg_namelen;
	struct iovec *msg_iov;
	__SIZE_TYPE__ msg_iovlen;
	void *msg_control;
	__SIZE_TYPE__ msg_controllen;
	int msg_flags;
};

/* One control message: this header, then its data, aligned. */
struct cmsghdr {
	__SIZE_TYPE__ cmsg_len;     /* header and data, unpadded */
	int cmsg_level;
	int cmsg_type;
};

#define CMSG_ALIGN(len) (((len) + sizeof(__SIZE_TYPE__) - 1) & \
			 ~(sizeof(__SIZE_TYPE__) - 1))
#define CMSG_DATA(cmsg) ((unsigned char *)((struct cmsghdr *)(cmsg) + 1))
#define CMSG_SPACE(len) (CMSG_ALIGN(len) + CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_LEN(len)   (CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))
#define CMSG_FIRSTHDR(mhdr) \
	((mhdr)->msg_controllen >= sizeof(struct cmsghdr) ? \
	 (struct cmsghdr *)(mhdr)->msg_control : (struct cmsghdr *)0)
#define CMSG_NXTHDR(mhdr, cmsg) __cmsg_nxthdr(mhdr, cmsg)

static inline struct cmsghdr *__cmsg_nxthdr(struct msghdr *mhdr,
					    struct cmsghdr *cmsg)
{
	char *end = (char *)mhdr->msg_control + mhdr->msg_controllen;
	struct cmsghdr *next;

	if (cmsg->cmsg_len < sizeof(struct cmsghdr))
		return 0;
	next = (struct cmsghdr *)((char *)cmsg + CMSG_ALIGN(cmsg->cmsg_len));
	if ((char *)(next + 1) > end ||
	    (char *)next + CMSG_ALIGN(next->cmsg_len) > end)
		return 0;
	return next;
}

/* Control message types at SOL_SOCKET. */
#define SCM_RIGHTS      1       /* an array of fds */
#define SCM_CREDENTIALS 2       /* a struct ucred */

struct ucred {
	int pid;
	unsigned int uid;
	unsigned int gid;
};

/* send/recv flags */
#define MSG_OOB          0x1
#define MSG_PEEK         0x2
#define MSG_DONTROUTE    0x4
#define MSG_CTRUNC       0x8
#define MSG_TRUNC        0x20
#define MSG_DONTWAIT     0x40
#define MSG_EOR          0x80
#define MSG_WAITALL      0x100
#define MSG_NOSIGNAL     0x4000
#define MSG_CMSG_CLOEXEC 0x40000000

/* shutdown's how */
#define SHUT_RD   0
#define SHUT_WR   1
#define SHUT_RDWR 2

/* Socket options: level SOL_SOCKET, and the names there. */
#define SOL_SOCKET    1
#define SO_DEBUG      1
#define SO_REUSEADDR  2
#define SO_TYPE       3
#define SO_ERROR      4
#define SO_DONTROUTE  5
#define SO_BROADCAST  6
#define SO_SNDBUF     7
#define SO_RCVBUF     8
#define SO_KEEPALIVE  9
#define SO_OOBINLINE  10
#define SO_LINGER     13
#define SO_REUSEPORT  15
#define SO_PASSCRED   16
#define SO_PEERCRED   17
#define SO_RCVLOWAT   18
#define SO_SNDLOWAT   19
#define SO_RCVTIMEO   20
#define SO_SNDTIMEO   21
#define SO_ACCEPTCONN 30
#define SO_PROTOCOL   38
#define SO_DOMAIN     39

/* socketcall(call, args): which call (Linux's SYS_ numbers). */
#define SYS_SOCKET      1
#define SYS_BIND        2
#define SYS_CONNECT     3
#define SYS_LISTEN      4
#define SYS_ACCEPT      5
#define SYS_GETSOCKNAME 6
#define SYS_GETPEERNAME 7
#define SYS_SOCKETPAIR  8
#define SYS_SEND        9
#define SYS_RECV        10
#define SYS_SENDTO      11
#define SYS_RECVFROM    12
#define SYS_SHUTDOWN    13
#define SYS_SETSOCKOPT  14
#define SYS_GETSOCKOPT  15
#define SYS_SENDMSG     16
#define SYS_RECVMSG     17
#define SYS_ACCEPT4     18
#define SYS_RECVMMSG    19
#define SYS_SENDMMSG    20

#endif
