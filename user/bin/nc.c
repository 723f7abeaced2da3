/*
 * nc: connect standard input and output to a socket.
 *
 *   nc [-u] -U path       connect to the AF_UNIX socket at path
 *   nc [-u] -lU path      listen at path for one connection (removing
 *                         the socket file when it ends); with -u, print
 *                         the datagrams that come
 *   nc [-u] host port     AF_INET (when the kernel has it)
 *
 * -u: a datagram socket instead of a stream.
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
	fprintf(stderr, "usage: nc [-u] [-l] -U path\n"
		"       nc [-u] [-l] host port\n");
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

/* A datagram listener only receives: an AF_UNIX sender that did not
   bind has no name to answer to. */
static void relay(int sock, int datagram, int receive_only)
{
	struct pollfd fds[2] = {
		{ .fd = receive_only ? -1 : STDIN_FILENO, .events = POLLIN },
		{ .fd = sock, .events = POLLIN },
	};

	while (fds[1].fd >= 0) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			err(1, "poll");
		}
		/* POLLHUP too: a pipe's writer gone, with nothing left to
		   read; and errors (POLLNVAL: stdin closed), which read()
		   then reports */
		if (fds[0].revents & READABLE && !copy(STDIN_FILENO, sock, "stdin")) {
			fds[0].fd = -1;         /* poll skips it from now on */
			if (datagram)
				break;          /* no end of file to pass on */
			shutdown(sock, SHUT_WR);
		}
		if (fds[1].revents & READABLE && !copy(sock, STDOUT_FILENO, "socket"))
			fds[1].fd = -1;
	}
}

/* Listen for one connection and take it. A datagram socket is only
   bound: datagrams come to its name from anyone. */
static int listen_once(int sock, struct addrinfo *addr, const char *name,
		       int datagram)
{
	int conn;

	if (bind(sock, addr->ai_addr, addr->ai_addrlen) < 0)
		err(1, "%s", name);
	if (datagram)
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
	const char *unix_path = NULL, *name;
	int listening = 0, datagram = 0, opt, sock;
	struct addrinfo *addr;

	while ((opt = getopt(argc, argv, "lU:u")) != -1) {
		if (opt == 'l')
			listening = 1;
		else if (opt == 'U')
			unix_path = optarg;
		else if (opt == 'u')
			datagram = 1;
		else
			usage();
	}
	if (argc - optind != (unix_path ? 0 : 2))
		usage();
	int type = datagram ? SOCK_DGRAM : SOCK_STREAM;
	if (unix_path) {
		addr = unix_endpoint(unix_path, type);
		name = unix_path;
	} else {
		addr = inet_endpoint(argv[optind], argv[optind + 1], type,
				     listening ? AI_PASSIVE : 0);
		name = argv[optind];
	}
	sock = socket(addr->ai_family, addr->ai_socktype, addr->ai_protocol);
	if (sock < 0)
		err(1, "socket");
	if (listening)
		sock = listen_once(sock, addr, name, datagram);
	else if (connect(sock, addr->ai_addr, addr->ai_addrlen) < 0)
		err(1, "%s", name);
	relay(sock, datagram, listening && datagram);
	if (listening && unix_path)
		unlink(unix_path);
	return 0;
}
