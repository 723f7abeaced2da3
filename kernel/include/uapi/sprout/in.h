/*
 * Internet (IPv4) socket addresses, as user programs and the kernel both
 * see them: Linux i386's layout (<netinet/in.h> includes this file).
 * Addresses and ports are big-endian ("network order") in these
 * structures and on the wire.
 */
#ifndef _SPROUT_IN_H
#define _SPROUT_IN_H

#include <sprout/socket.h>

typedef unsigned short in_port_t;
typedef unsigned int in_addr_t;

struct in_addr {
	in_addr_t s_addr;               /* network order */
};

struct sockaddr_in {
	sa_family_t sin_family;         /* AF_INET */
	in_port_t sin_port;             /* network order */
	struct in_addr sin_addr;
	unsigned char sin_zero[8];      /* pads it to struct sockaddr's size */
};

/* Addresses in host order: htonl(INADDR_LOOPBACK) goes in s_addr. */
#define INADDR_ANY       ((in_addr_t)0x00000000)
#define INADDR_BROADCAST ((in_addr_t)0xffffffff)
#define INADDR_NONE      ((in_addr_t)0xffffffff)
#define INADDR_LOOPBACK  ((in_addr_t)0x7f000001)

/* The protocol argument of socket(), and the level of setsockopt(). */
#define IPPROTO_IP   0
#define IPPROTO_ICMP 1
#define IPPROTO_TCP  6
#define IPPROTO_UDP  17
#define IPPROTO_IPV6 41
#define IPPROTO_RAW  255

#define SOL_IP  IPPROTO_IP
#define SOL_TCP IPPROTO_TCP
#define SOL_UDP IPPROTO_UDP

/* setsockopt(fd, IPPROTO_IP, ...) */
#define IP_TOS     1
#define IP_TTL     2
#define IP_RECVERR 11

/* setsockopt(fd, IPPROTO_TCP, ...) (<netinet/tcp.h>) */
#define TCP_NODELAY 1
#define TCP_MAXSEG  2

/* The port range bind() picks from when none is given (Linux's
   net.ipv4.ip_local_port_range). */
#define IP_LOCAL_PORT_MIN 32768
#define IP_LOCAL_PORT_MAX 60999

#endif
