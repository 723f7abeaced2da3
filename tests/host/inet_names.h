/*
 * Included first into the inet test: the host's headers are read before
 * libc's files, whose functions are renamed our_*.
 */
#include <arpa/inet.h>
#include <netdb.h>
#define inet_pton our_inet_pton
#define inet_ntop our_inet_ntop
#define inet_aton our_inet_aton
#define inet_addr our_inet_addr
#define inet_ntoa our_inet_ntoa
#define getaddrinfo our_getaddrinfo
#define freeaddrinfo our_freeaddrinfo
#define gai_strerror our_gai_strerror
#define getnameinfo our_getnameinfo
#define gethostbyname our_gethostbyname
#define gethostbyaddr our_gethostbyaddr
#define getservbyname our_getservbyname
#define getservbyport our_getservbyport
#undef h_errno
#define h_errno our_h_errno
int our_inet_pton(int af, const char *src, void *dst);
const char *our_inet_ntop(int af, const void *src, char *dst, socklen_t size);
int our_inet_aton(const char *cp, struct in_addr *inp);
in_addr_t our_inet_addr(const char *cp);
char *our_inet_ntoa(struct in_addr in);
int our_getaddrinfo(const char *node, const char *service,
		    const struct addrinfo *hints, struct addrinfo **res);
void our_freeaddrinfo(struct addrinfo *res);
const char *our_gai_strerror(int errcode);
int our_getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host,
		    socklen_t hostlen, char *serv, socklen_t servlen, int flags);
struct hostent *our_gethostbyname(const char *name);
struct hostent *our_gethostbyaddr(const void *addr, socklen_t len, int type);
struct servent *our_getservbyname(const char *name, const char *proto);
struct servent *our_getservbyport(int port, const char *proto);
extern int our_h_errno;
