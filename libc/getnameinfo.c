/*
 * getnameinfo: getaddrinfo backwards - a socket address to the names of
 * its host and service, for a server that prints who connected. The host
 * is looked up in /etc/hosts, the port in /etc/services; without a name
 * the number is the answer, unless NI_NAMEREQD asks for a name. Only
 * AF_INET addresses (glibc also names AF_UNIX ones: EAI_FAMILY here).
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include "netdb_files.h"

/* text into out, or EAI_OVERFLOW if it does not fit. */
static int put(char *out, socklen_t size, const char *text)
{
	size_t n = strlen(text);

	if (n >= size)
		return EAI_OVERFLOW;
	memcpy(out, text, n + 1);
	return 0;
}

static int host_name(struct in_addr addr, char *host, socklen_t size,
		     int flags)
{
	char number[INET_ADDRSTRLEN];
	struct host_line line = { 0 };
	struct hostent *h = NULL;
	int err;

	if (!(flags & NI_NUMERICHOST))
		h = __hosts_find(NULL, &addr, &line);
	if (h) {
		if (flags & NI_NOFQDN)
			h->h_name[strcspn(h->h_name, ".")] = '\0';
		err = put(host, size, h->h_name);
	} else if (flags & NI_NAMEREQD) {
		err = EAI_NONAME;
	} else {
		inet_ntop(AF_INET, &addr, number, sizeof(number));
		err = put(host, size, number);
	}
	__db_free(&line.db);
	return err;
}

static int service_name(in_port_t port, char *serv, socklen_t size, int flags)
{
	char number[sizeof("65535")];
	struct serv_line line = { 0 };
	struct servent *s = NULL;
	int err;

	if (!(flags & NI_NUMERICSERV))
		s = __services_find(NULL, port, flags & NI_DGRAM ? "udp" : "tcp",
				    &line);
	if (s) {
		err = put(serv, size, s->s_name);
	} else {
		snprintf(number, sizeof(number), "%u", ntohs(port));
		err = put(serv, size, number);
	}
	__db_free(&line.db);
	return err;
}

int getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host,
		socklen_t hostlen, char *serv, socklen_t servlen, int flags)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)sa;
	int err = 0;

	if (flags & ~(NI_NUMERICHOST | NI_NUMERICSERV | NI_NOFQDN |
		      NI_NAMEREQD | NI_DGRAM))
		return EAI_BADFLAGS;
	if (!sa || salen < sizeof(*sin) || sa->sa_family != AF_INET)
		return EAI_FAMILY;
	if ((flags & NI_NAMEREQD) && !host && !serv)
		return EAI_NONAME;              /* as glibc; else nothing to do */
	if (host && hostlen)
		err = host_name(sin->sin_addr, host, hostlen, flags);
	if (!err && serv && servlen)
		err = service_name(sin->sin_port, serv, servlen, flags);
	return err;
}
