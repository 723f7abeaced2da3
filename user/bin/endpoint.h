/*
 * The socket address a program is given on its command line, as the
 * getaddrinfo() result the lecture's code takes it in (ai_family,
 * ai_socktype, ai_protocol for socket(); ai_addr, ai_addrlen for bind()
 * and connect()), so that the code that uses it never looks at which
 * family it is:
 *
 *   -U path      AF_UNIX: a name in the file system
 *   host port    AF_INET (TCP/IP, docs/net.md): getaddrinfo's answer
 *
 * Shared by echo-server, echo-client, nc, httpd and wget.
 */
#ifndef ENDPOINT_H
#define ENDPOINT_H
#include <err.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

/* getaddrinfo knows nothing of AF_UNIX (as on Linux): we make the one
   entry ourselves, the address right after it in the same block. */
static inline struct addrinfo *unix_endpoint(const char *path, int socktype)
{
	struct {
		struct addrinfo ai;
		struct sockaddr_un sun;
	} *e = calloc(1, sizeof(*e));

	if (!e)
		err(1, "out of memory");
	if (strlen(path) >= sizeof(e->sun.sun_path))
		errx(1, "%s: socket path too long", path);
	e->sun.sun_family = AF_UNIX;
	strcpy(e->sun.sun_path, path);
	e->ai.ai_family = AF_UNIX;
	e->ai.ai_socktype = socktype;
	e->ai.ai_addr = (struct sockaddr *)&e->sun;
	e->ai.ai_addrlen = sizeof(e->sun);
	return &e->ai;
}

/* host NULL and AI_PASSIVE in flags: "any address", what a server binds. */
static inline struct addrinfo *inet_endpoint(const char *host,
					     const char *port, int socktype,
					     int flags)
{
	struct addrinfo hints, *found;
	int rv;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = socktype;
	hints.ai_flags = flags;
	rv = getaddrinfo(host, port, &hints, &found);
	if (rv != 0)
		errx(1, "%s %s: %s", host ? host : "*", port, gai_strerror(rv));
	return found;
}

#endif
