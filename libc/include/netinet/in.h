/*
 * Internet (IPv4) addresses: struct sockaddr_in and the byte-order
 * helpers. On the wire and in sockaddr_in, numbers are big-endian
 * ("network order"); the i386 is little-endian, so htons & co. swap.
 */
#ifndef _NETINET_IN_H
#define _NETINET_IN_H

#include <stdint.h>
#include <sys/socket.h>

typedef uint16_t in_port_t;
typedef uint32_t in_addr_t;

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
#define INADDR_ANY ((in_addr_t)0x00000000)
#define INADDR_BROADCAST ((in_addr_t)0xffffffff)
#define INADDR_NONE ((in_addr_t)0xffffffff)
#define INADDR_LOOPBACK ((in_addr_t)0x7f000001)

#define INET_ADDRSTRLEN 16              /* "255.255.255.255" and its NUL */
#define INET6_ADDRSTRLEN 46

#define IPPROTO_IP 0
#define IPPROTO_ICMP 1
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define IPPROTO_IPV6 41
#define IPPROTO_RAW 255

static inline uint16_t htons(uint16_t x) { return __builtin_bswap16(x); }
static inline uint16_t ntohs(uint16_t x) { return __builtin_bswap16(x); }
static inline uint32_t htonl(uint32_t x) { return __builtin_bswap32(x); }
static inline uint32_t ntohl(uint32_t x) { return __builtin_bswap32(x); }

#endif
