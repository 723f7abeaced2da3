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
int our_inet_pton(int af, const char *src, void *dst);
const char *our_inet_ntop(int af, const void *src, char *dst, socklen_t size);
int our_inet_aton(const char *cp, struct in_addr *inp);
in_addr_t our_inet_addr(const char *cp);
char *our_inet_ntoa(struct in_addr in);
int our_getaddrinfo(const char *node, const char *service,
		    const struct addrinfo *hints, struct addrinfo **res);
void our_freeaddrinfo(struct addrinfo *res);
const char *our_gai_strerror(int errcode);
