/*
 * Sockets: the endpoint the kernel gives a descriptor for, with Linux's
 * numbers and i386 layouts (socket(7), unix(7)).
 */
#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H

#include <sys/types.h>
#include <sys/uio.h>

typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;

/* The generic address every family's address starts like. */
struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

/* Room for any family's address (128 bytes, as Linux). */
struct sockaddr_storage {
	sa_family_t ss_family;
	char __ss_padding[128 - sizeof(sa_family_t) - sizeof(unsigned long)];
	unsigned long __ss_align;
};

/* sendmsg/recvmsg: where, what (an iovec array) and the control data. */
struct msghdr {
	void *msg_name;
	socklen_t msg_namelen;
	struct iovec *msg_iov;
	size_t msg_iovlen;
	void *msg_control;
	size_t msg_controllen;
	int msg_flags;
};

/* One item of control data (e.g. SCM_RIGHTS: descriptors to pass). */
struct cmsghdr {
	size_t cmsg_len;                /* header and data, unpadded */
	int cmsg_level;
	int cmsg_type;
};

#define CMSG_ALIGN(len) (((len) + sizeof(size_t) - 1) & ~(sizeof(size_t) - 1))
#define CMSG_DATA(c) ((unsigned char *)((struct cmsghdr *)(c) + 1))
#define CMSG_LEN(len) (CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))
#define CMSG_SPACE(len) (CMSG_ALIGN(sizeof(struct cmsghdr)) + CMSG_ALIGN(len))
#define CMSG_FIRSTHDR(m) ((m)->msg_controllen >= sizeof(struct cmsghdr) ? \
	(struct cmsghdr *)(m)->msg_control : (struct cmsghdr *)0)
#define CMSG_NXTHDR(m, c) __cmsg_nxthdr(m, c)

static inline struct cmsghdr *__cmsg_nxthdr(struct msghdr *m,
					     struct cmsghdr *c)
{
	unsigned char *end = (unsigned char *)m->msg_control + m->msg_controllen;
	struct cmsghdr *next;

	if (c->cmsg_len < sizeof(struct cmsghdr))
		return 0;
	next = (struct cmsghdr *)((unsigned char *)c + CMSG_ALIGN(c->cmsg_len));
	if ((unsigned char *)(next + 1) > end ||
	    (unsigned char *)next + CMSG_ALIGN(next->cmsg_len) > end)
		return 0;
	return next;
}

/* SO_PEERCRED, SCM_CREDENTIALS: who is at the other end. */
struct ucred {
	pid_t pid;
	uid_t uid;
	gid_t gid;
};

#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_LOCAL AF_UNIX
#define AF_INET 2
#define AF_INET6 10
#define PF_UNSPEC AF_UNSPEC
#define PF_UNIX AF_UNIX
#define PF_LOCAL AF_LOCAL
#define PF_INET AF_INET
#define PF_INET6 AF_INET6

#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3
#define SOCK_SEQPACKET 5
#define SOCK_NONBLOCK 04000             /* O_NONBLOCK */
#define SOCK_CLOEXEC 02000000           /* O_CLOEXEC */

#define SOMAXCONN 4096

#define SOL_SOCKET 1
#define SO_DEBUG 1
#define SO_REUSEADDR 2
#define SO_TYPE 3
#define SO_ERROR 4
#define SO_DONTROUTE 5
#define SO_BROADCAST 6
#define SO_SNDBUF 7
#define SO_RCVBUF 8
#define SO_KEEPALIVE 9
#define SO_OOBINLINE 10
#define SO_LINGER 13
#define SO_REUSEPORT 15
#define SO_PASSCRED 16
#define SO_PEERCRED 17
#define SO_RCVLOWAT 18
#define SO_SNDLOWAT 19
#define SO_RCVTIMEO 20
#define SO_SNDTIMEO 21
#define SO_ACCEPTCONN 30
#define SO_PROTOCOL 38
#define SO_DOMAIN 39

#define SCM_RIGHTS 1
#define SCM_CREDENTIALS 2

#define MSG_OOB 0x1
#define MSG_PEEK 0x2
#define MSG_DONTROUTE 0x4
#define MSG_CTRUNC 0x8
#define MSG_TRUNC 0x20
#define MSG_DONTWAIT 0x40
#define MSG_EOR 0x80
#define MSG_WAITALL 0x100
#define MSG_NOSIGNAL 0x4000
#define MSG_CMSG_CLOEXEC 0x40000000

#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2

/* libc/socket.c: the classic calls over their general forms. */
int accept(int fd, struct sockaddr *addr, socklen_t *addrlen);
ssize_t send(int fd, const void *buf, size_t len, int flags);
ssize_t recv(int fd, void *buf, size_t len, int flags);

/* socket, bind, connect ...: prototypes from the kernel's table. */
#define __SYSCALLS_sys_socket __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_sys_socket

#endif
