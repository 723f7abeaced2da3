/*
 * Names to addresses and back: getaddrinfo (libc/getaddrinfo.c),
 * getnameinfo (libc/getnameinfo.c), and the older gethostbyname &
 * co. (libc/hosts.c, libc/services.c). Sprout has no name server (DNS)
 * client: it knows numeric IPv4 hosts, the names in /etc/hosts,
 * "localhost", and service names from /etc/services. The EAI_* codes
 * are glibc's.
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

/* getnameinfo's flags */
#define NI_NUMERICHOST 1                /* "127.0.0.1", not "localhost" */
#define NI_NUMERICSERV 2                /* "80", not "http" */
#define NI_NOFQDN 4                     /* the name up to its first dot */
#define NI_NAMEREQD 8                   /* no name: EAI_NONAME, not a number */
#define NI_DGRAM 16                     /* the service is UDP's, not TCP's */
#define NI_MAXHOST 1025                 /* room enough for any answer */
#define NI_MAXSERV 32

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

/* A host (/etc/hosts): gethostbyname, gethostbyaddr. */
struct hostent {
	char *h_name;                   /* the official name */
	char **h_aliases;               /* NULL-terminated */
	int h_addrtype;                 /* AF_INET */
	int h_length;                   /* of an address: 4 */
	char **h_addr_list;             /* struct in_addr *, NULL-terminated */
};
#define h_addr h_addr_list[0]

/* A service (/etc/services): getservbyname, getservbyport. */
struct servent {
	char *s_name;
	char **s_aliases;
	int s_port;                     /* network order */
	char *s_proto;                  /* "tcp", "udp" */
};

/* Why gethostbyname failed. */
extern int h_errno;
#define HOST_NOT_FOUND 1
#define TRY_AGAIN 2
#define NO_RECOVERY 3
#define NO_DATA 4

struct hostent *gethostbyname(const char *name);
struct hostent *gethostbyaddr(const void *addr, socklen_t len, int type);
struct servent *getservbyname(const char *name, const char *proto);
struct servent *getservbyport(int port, const char *proto);

int getaddrinfo(const char *node, const char *service,
		const struct addrinfo *hints, struct addrinfo **res);
void freeaddrinfo(struct addrinfo *res);
const char *gai_strerror(int errcode);
int getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host,
		socklen_t hostlen, char *serv, socklen_t servlen, int flags);

#endif
