/*
 * Internet (IPv4) addresses: struct sockaddr_in (the kernel's layout,
 * <sprout/in.h>) and the byte-order helpers. On the wire and in
 * sockaddr_in, numbers are big-endian ("network order"); the i386 is
 * little-endian, so htons & co. swap.
 */
#ifndef _NETINET_IN_H
#define _NETINET_IN_H

#include <stdint.h>
#include <sys/socket.h>
#include <sprout/in.h>

#define INET_ADDRSTRLEN 16              /* "255.255.255.255" and its NUL */
#define INET6_ADDRSTRLEN 46

static inline uint16_t htons(uint16_t x) { return __builtin_bswap16(x); }
static inline uint16_t ntohs(uint16_t x) { return __builtin_bswap16(x); }
static inline uint32_t htonl(uint32_t x) { return __builtin_bswap32(x); }
static inline uint32_t ntohl(uint32_t x) { return __builtin_bswap32(x); }

#endif
