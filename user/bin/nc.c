/*
 * nc: connect standard input and output to a socket.
 *
 *   nc [-u] -U path       connect to the AF_UNIX socket at path
 *   nc [-u] -lU path      listen at path for one connection (removing
 *                         the socket file when it ends)
 *   nc [-u] host port     connect to a TCP (UDP) port of host
 *   nc [-u] -l [-p port] [host] [port]
 *                         listen at port (on every local address, or
 *                         on host's) for one connection
 *
 * -w secs: give up when the socket has been quiet for secs seconds.
 * -u: a datagram socket (UDP) instead of a stream (TCP). A datagram
 * listener has no connection to accept: the first datagram that comes
 * makes its sender the peer (connect() to it), as OpenBSD's nc does, so
 * that the answers typed go back to it. An AF_UNIX sender that did not
 * bind has no name to answer to: then nc only prints what comes.
 *
 * One process waits on both inputs with poll(): what standard input
 * gives goes to the socket, what the socket gives goes to standard
 * output. End of file on standard input is passed on with
 * shutdown(SHUT_WR), so the other side reads end of file but can still
 * answer; nc exits when the socket has ended too.
 */
#include <err.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "endpoint.h"

static void usage(void)
{
	fprintf(stderr, "usage: nc [-u] [-w secs] [-l] -U path\n"
		"       nc [-u] [-w secs] host port\n"
		"       nc [-u] [-w secs] -l [-p port] [host] [port]\n");
	exit(2);
}

/* Copy what fd has to out; false at end of file. */
static int copy(int fd, int out, const char *what)
{
	char buf[4096];
	ssize_t n = read(fd, buf, sizeof(buf));

	if (n < 0)
		err(1, "%s", what);
	for (ssize_t done = 0; done < n;) {
		ssize_t w = write(out, buf + done, n - done);
		if (w < 0)
			err(1, "write");
		done += w;
	}
	return n > 0;
}

#define READABLE (POLLIN | POLLHUP | POLLERR | POLLNVAL)

/* idle_ms: how long the socket may be quiet before nc gives up (-w),
   or -1 for ever. A datagram socket has no end of file to pass on at
   the end of standard input: nc ends there, unless -w asks it to wait
   for the answers. */
static void relay(int sock, int datagram, int receive_only, int idle_ms)
{
	struct pollfd fds[2] = {
		{ .fd = receive_only ? -1 : STDIN_FILENO, .events = POLLIN },
		{ .fd = sock, .events = POLLIN },
	};

	while (fds[1].fd >= 0) {
		int ready = poll(fds, 2, idle_ms);

		if (ready < 0 && errno == EINTR)
			continue;
		if (ready < 0)
			err(1, "poll");
		if (ready == 0)
			break;                  /* quiet for idle_ms */
		/* POLLHUP too: a pipe's writer gone, with nothing left to
		   read; and errors (POLLNVAL: stdin closed), which read()
		   then reports */
		if (fds[0].revents & READABLE && !copy(STDIN_FILENO, sock, "stdin")) {
			fds[0].fd = -1;         /* poll skips it from now on */
			if (!datagram)
				shutdown(sock, SHUT_WR);
			else if (idle_ms < 0)
				break;
		}
		if (fds[1].revents & READABLE && !copy(sock, STDOUT_FILENO, "socket"))
			fds[1].fd = -1;
	}
}

/* The first datagram to a listener: shown, and its sender made the
   peer. False if the sender has no name to answer to. */
static int first_datagram(int sock)
{
	char buf[65536];
	struct sockaddr_storage from;
	socklen_t len = sizeof(from);
	ssize_t n = recvfrom(sock, buf, sizeof(buf), 0,
			     (struct sockaddr *)&from, &len);

	if (n < 0)
		err(1, "recvfrom");
	if (write(STDOUT_FILENO, buf, n) != n)
		err(1, "write");
	if (len <= sizeof(sa_family_t))
		return 0;                       /* an unnamed AF_UNIX sender */
	if (connect(sock, (struct sockaddr *)&from, len) < 0)
		err(1, "connect");
	return 1;
}

/* Listen for one connection and take it. SO_REUSEADDR: a listener run
   again at once can have its port back (the last one's connection may
   still be in TIME_WAIT). */
static int listen_once(int sock, struct addrinfo *addr, const char *name)
{
	int conn, on = 1;

	if (addr->ai_family != AF_UNIX)
		setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	if (bind(sock, addr->ai_addr, addr->ai_addrlen) < 0)
		err(1, "%s", name);
	if (addr->ai_socktype == SOCK_DGRAM)
		return sock;
	if (listen(sock, 1) < 0)
		err(1, "listen");
	conn = accept(sock, NULL, NULL);
	if (conn < 0)
		err(1, "accept");
	close(sock);
	return conn;
}

int main(int argc, char **argv)
{
	const char *unix_path = NULL, *port = NULL, *host = NULL;
	int listening = 0, datagram = 0, answer = 1, idle_ms = -1, opt, sock;
	struct addrinfo *addr;
	char name[300];

	while ((opt = getopt(argc, argv, "lp:U:uw:")) != -1) {
		if (opt == 'l')
			listening = 1;
		else if (opt == 'p')
			port = optarg;
		else if (opt == 'U')
			unix_path = optarg;
		else if (opt == 'u')
			datagram = 1;
		else if (opt == 'w' && atoi(optarg) > 0)
			idle_ms = atoi(optarg) * 1000;
		else
			usage();
	}
	argv += optind;
	argc -= optind;
	if (unix_path ? argc || port : port && !listening)
		usage();
	/* the operands: host port, or for a listener [host] [port] */
	if (!unix_path && !port && argc >= 1)
		port = argv[--argc];
	if (!unix_path && argc == 1)
		host = argv[--argc];
	if (argc || (!unix_path && (!port || (!host && !listening))))
		usage();

	int type = datagram ? SOCK_DGRAM : SOCK_STREAM;
	if (unix_path) {
		addr = unix_endpoint(unix_path, type);
		snprintf(name, sizeof(name), "%s", unix_path);
	} else {
		addr = inet_endpoint(host, port, type, listening ? AI_PASSIVE : 0);
		snprintf(name, sizeof(name), "%s port %s", host ? host : "*", port);
	}
	sock = socket(addr->ai_family, addr->ai_socktype, addr->ai_protocol);
	if (sock < 0)
		err(1, "socket");
	if (listening) {
		sock = listen_once(sock, addr, name);
		if (datagram)
			answer = first_datagram(sock);
	} else if (connect(sock, addr->ai_addr, addr->ai_addrlen) < 0) {
		err(1, "%s", name);
	}
	relay(sock, datagram, !answer, idle_ms);
	if (listening && unix_path)
		unlink(unix_path);
	return 0;
}
