/*
 * getaddrinfo: a host and a service by name to the socket addresses a
 * program hands to socket(), bind() and connect(), so that it need not
 * know the address family (the lecture's setup_address and lookup_host).
 *
 * Sprout has no name server (DNS) client. Hosts: numeric IPv4
 * ("10.0.0.1", and the BSD forms inet_aton takes), names from /etc/hosts,
 * "localhost", and no host at all (the loopback address, or with
 * AI_PASSIVE "any address", which is what a server binds). Services: a
 * port number, or a name from /etc/services. Only IPv4 results come
 * back, for AF_INET or AF_UNSPEC.
 *
 * The result is a list with one entry per socket type (stream/TCP,
 * datagram/UDP) unless the hints name one; each entry is one allocation
 * holding the addrinfo and its sockaddr_in.
 */
#include <netdb.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "netdb_files.h"

struct entry {
	struct addrinfo ai;
	struct sockaddr_in sin;
};

/* The socket types a result may have, and their protocols. */
static const struct {
	int socktype, protocol;
	const char *proto_name;         /* as /etc/services says it */
} types[] = {
	{ SOCK_STREAM, IPPROTO_TCP, "tcp" },
	{ SOCK_DGRAM, IPPROTO_UDP, "udp" },
};

#define KNOWN_FLAGS (AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | \
	AI_V4MAPPED | AI_ALL | AI_ADDRCONFIG | AI_NUMERICSERV)

/* The host's address, and its canonical name (the node itself for a
   number), or an EAI_ code. */
static int lookup_host(const char *node, int flags, struct in_addr *addr,
		       const char **canon, struct host_line *line)
{
	struct hostent *h;

	*canon = node;
	if (!node) {
		addr->s_addr = htonl(flags & AI_PASSIVE ? INADDR_ANY : INADDR_LOOPBACK);
		return 0;
	}
	if (inet_aton(node, addr))
		return 0;
	if (flags & AI_NUMERICHOST)
		return EAI_NONAME;
	h = __hosts_find(node, NULL, line);
	if (!h)
		return EAI_NONAME;
	memcpy(addr, h->h_addr_list[0], sizeof(*addr));
	*canon = h->h_name;
	return 0;
}

/* The port for one socket type (network order), or an EAI_ code. */
static int lookup_service(const char *service, int flags, int type,
			  in_port_t *port)
{
	struct serv_line line = { 0 };
	struct servent *s;
	char *end;
	unsigned long n;

	if (!service) {
		*port = 0;
		return 0;
	}
	n = strtoul(service, &end, 10);
	if (*service && !*end) {
		*port = htons((uint16_t)n);     /* as glibc: 65536 is port 0 */
		return 0;
	}
	if (flags & AI_NUMERICSERV)
		return EAI_NONAME;
	s = __services_find(service, 0, types[type].proto_name, &line);
	__db_free(&line.db);
	if (!s)
		return EAI_SERVICE;
	*port = s->s_port;
	return 0;
}

static int check_hints(const struct addrinfo *h, const char *node)
{
	if ((h->ai_flags & ~KNOWN_FLAGS) || ((h->ai_flags & AI_CANONNAME) && !node))
		return EAI_BADFLAGS;
	if (h->ai_family != AF_UNSPEC && h->ai_family != AF_INET &&
	    h->ai_family != AF_INET6)
		return EAI_FAMILY;
	if (h->ai_socktype != 0 && h->ai_socktype != SOCK_STREAM &&
	    h->ai_socktype != SOCK_DGRAM)
		return EAI_SOCKTYPE;
	return 0;
}

/* Which socket types the hints ask for, with each one's port (network
   order) in port[]: a bit per entry of types[], or an EAI_ code. glibc
   looks at the service before the host, and so do we. */
static int lookup_services(const char *service, const struct addrinfo *h,
			   in_port_t port[])
{
	int wanted = 0, err = 0;

	for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
		if ((h->ai_socktype && h->ai_socktype != types[t].socktype) ||
		    (h->ai_protocol && h->ai_protocol != types[t].protocol))
			continue;
		err = lookup_service(service, h->ai_flags, t, &port[t]);
		if (err == EAI_SERVICE && !h->ai_socktype)
			continue;               /* a name for TCP only, say */
		if (err)
			return err;
		wanted |= 1 << t;
	}
	if (!wanted)
		return err ? err : EAI_SOCKTYPE;
	return wanted;
}

static struct addrinfo *new_entry(int t, struct in_addr addr, in_port_t port)
{
	struct entry *e = calloc(1, sizeof(*e));

	if (!e)
		return NULL;
	e->sin.sin_family = AF_INET;
	e->sin.sin_port = port;
	e->sin.sin_addr = addr;
	e->ai.ai_family = AF_INET;
	e->ai.ai_socktype = types[t].socktype;
	e->ai.ai_protocol = types[t].protocol;
	e->ai.ai_addrlen = sizeof(e->sin);
	e->ai.ai_addr = (struct sockaddr *)&e->sin;
	return &e->ai;
}

int getaddrinfo(const char *node, const char *service,
		const struct addrinfo *hints, struct addrinfo **res)
{
	static const struct addrinfo no_hints;
	const struct addrinfo *h = hints ? hints : &no_hints;
	struct addrinfo *first = NULL, **link = &first;
	in_port_t port[sizeof(types) / sizeof(types[0])];
	struct host_line line = { 0 };
	struct in_addr addr;
	const char *canon;
	int wanted, err;

	if (!node && !service)
		return EAI_NONAME;
	err = check_hints(h, node);
	if (err)
		return err;
	wanted = lookup_services(service, h, port);
	if (wanted < 0)
		return wanted;
	err = lookup_host(node, h->ai_flags, &addr, &canon, &line);
	if (err)
		goto out;
	err = EAI_ADDRFAMILY;                   /* no IPv6 addresses yet */
	if (h->ai_family == AF_INET6)
		goto out;
	for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
		if (!(wanted & 1 << t))
			continue;
		*link = new_entry(t, addr, port[t]);
		if (!*link)
			goto no_memory;
		link = &(*link)->ai_next;
	}
	if (h->ai_flags & AI_CANONNAME) {
		first->ai_canonname = strdup(canon);
		if (!first->ai_canonname)
			goto no_memory;
	}
	*res = first;
	err = 0;
	goto out;
no_memory:
	freeaddrinfo(first);
	err = EAI_MEMORY;
out:
	__db_free(&line.db);
	return err;
}

void freeaddrinfo(struct addrinfo *res)
{
	while (res) {
		struct addrinfo *next = res->ai_next;

		free(res->ai_canonname);
		free(res);              /* the entry: addrinfo and address */
		res = next;
	}
}

const char *gai_strerror(int errcode)
{
	switch (errcode) {
	case EAI_BADFLAGS: return "Bad value for ai_flags";
	case EAI_NONAME: return "Name or service not known";
	case EAI_AGAIN: return "Temporary failure in name resolution";
	case EAI_FAIL: return "Non-recoverable failure in name resolution";
	case EAI_NODATA: return "No address associated with hostname";
	case EAI_FAMILY: return "ai_family not supported";
	case EAI_SOCKTYPE: return "ai_socktype not supported";
	case EAI_SERVICE: return "Servname not supported for ai_socktype";
	case EAI_ADDRFAMILY: return "Address family for hostname not supported";
	case EAI_MEMORY: return "Memory allocation failure";
	case EAI_SYSTEM: return "System error";
	default: return "Unknown error";        /* EAI_OVERFLOW too, as glibc */
	}
}
