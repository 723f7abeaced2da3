/*
 * The network's names in the guest: getaddrinfo, getnameinfo and
 * gethostbyname reading Sprout's own /etc/hosts and /etc/services
 * (user/etc/), and if_nametoindex/if_indextoname asking the kernel
 * (SIOCGIFINDEX, SIOCGIFNAME). Their comparison with glibc is
 * tests/host/test_inet.c; this checks the disk's files and the ioctls.
 * Runs as process 1 (tests/guest_libc.py), with no network card: lo is
 * interface 1.
 */
#include "check.h"
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <netdb.h>
#include <string.h>

static void hosts(void)
{
	struct addrinfo hints = { .ai_family = AF_INET,
				  .ai_socktype = SOCK_STREAM,
				  .ai_flags = AI_CANONNAME }, *res = NULL;
	int rv = getaddrinfo("host", "http", &hints, &res);
	struct sockaddr_in *sin = res ? (struct sockaddr_in *)res->ai_addr : NULL;

	expect("getaddrinfo: an alias in /etc/hosts, a service by name",
	       rv == 0 && sin->sin_addr.s_addr == inet_addr("10.0.2.2") &&
	       ntohs(sin->sin_port) == 80 &&
	       strcmp(res->ai_canonname, "gateway") == 0,
	       "rv %d", rv);
	if (res)
		freeaddrinfo(res);

	struct hostent *h = gethostbyname("sprout");
	expect("gethostbyname: /etc/hosts' sprout is 10.0.2.15",
	       h && strcmp(h->h_name, "sprout") == 0 &&
	       ((struct in_addr *)h->h_addr)->s_addr == inet_addr("10.0.2.15"),
	       "%s", h ? h->h_name : "none");
	expect("gethostbyname: an unknown name is HOST_NOT_FOUND",
	       !gethostbyname("no-such-host") && h_errno == HOST_NOT_FOUND,
	       "h_errno %d", h_errno);
}

static void names(void)
{
	struct sockaddr_in sin = { .sin_family = AF_INET,
				   .sin_port = htons(7) };
	char host[NI_MAXHOST], serv[NI_MAXSERV];
	int rv;

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	rv = getnameinfo((struct sockaddr *)&sin, sizeof(sin), host,
			 sizeof(host), serv, sizeof(serv), 0);
	expect("getnameinfo: 127.0.0.1 port 7 is localhost echo",
	       rv == 0 && !strcmp(host, "localhost") && !strcmp(serv, "echo"),
	       "rv %d: %s %s", rv, host, serv);
	sin.sin_addr.s_addr = inet_addr("10.9.9.9");
	rv = getnameinfo((struct sockaddr *)&sin, sizeof(sin), host,
			 sizeof(host), NULL, 0, NI_NAMEREQD);
	expect("getnameinfo: no name and NI_NAMEREQD is EAI_NONAME",
	       rv == EAI_NONAME, "rv %d", rv);
}

static void interfaces(void)
{
	char name[IF_NAMESIZE] = "";

	expect("if_nametoindex: lo is 1", if_nametoindex("lo") == 1, "%u",
	       if_nametoindex("lo"));
	expect("if_indextoname: 1 is lo",
	       if_indextoname(1, name) == name && !strcmp(name, "lo"),
	       "'%s'", name);
	expect("if_nametoindex: no such interface is 0",
	       if_nametoindex("nope0") == 0, "%u", if_nametoindex("nope0"));
	errno = 0;
	expect("if_indextoname: no such index is NULL and ENXIO",
	       !if_indextoname(99, name) && errno == ENXIO, "errno %d", errno);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	hosts();
	names();
	interfaces();
	return check_done();
}
