/*
 * Names to addresses: getaddrinfo (libc/getaddrinfo.c). Sprout has no
 * resolver: it knows numeric IPv4 hosts, "localhost", and service names
 * from /etc/services. The EAI_* codes are glibc's.
 */
#ifndef _NETDB_H
#define _NETDB_H

#include <sys/socket.h>

/* One way to reach the host and service: a list, linked by ai_next. */
struct addrinfo {
	int ai_flags;
	int ai_family;                  /* AF_INET ... */
	int ai_socktype;                /* SOCK_STREAM ... */
	int ai_protocol;                /* IPPROTO_TCP ... */
	socklen_t ai_addrlen;
	struct sockaddr *ai_addr;       /* what socket/bind/connect take */
	char *ai_canonname;
	struct addrinfo *ai_next;
};

#define AI_PASSIVE 0x0001               /* no host: any address, to bind */
#define AI_CANONNAME 0x0002
#define AI_NUMERICHOST 0x0004           /* the host must be numeric */
#define AI_V4MAPPED 0x0008
#define AI_ALL 0x0010
#define AI_ADDRCONFIG 0x0020
#define AI_NUMERICSERV 0x0400           /* the service must be numeric */

#define EAI_BADFLAGS -1
#define EAI_NONAME -2
#define EAI_AGAIN -3
#define EAI_FAIL -4
#define EAI_NODATA -5
#define EAI_FAMILY -6
#define EAI_SOCKTYPE -7
#define EAI_SERVICE -8
#define EAI_ADDRFAMILY -9
#define EAI_MEMORY -10
#define EAI_SYSTEM -11
#define EAI_OVERFLOW -12

int getaddrinfo(const char *node, const char *service,
		const struct addrinfo *hints, struct addrinfo **res);
void freeaddrinfo(struct addrinfo *res);
const char *gai_strerror(int errcode);

#endif
