/*
 * echo-server: the lecture's echo server, which sends every request back
 * (and shows it on its own standard output), in the lecture's three
 * versions:
 *
 *   -v 1   serial: one client at a time, in the server process itself
 *   -v 2   a forked process per connection, which the server waits for
 *          before it accepts the next (protection, not yet concurrency)
 *   -v 3   (the default) a forked process per connection, not waited for:
 *          clients are served at the same time
 *
 *   echo-server [-v 1|2|3] -U path     AF_UNIX, a socket file at path
 *   echo-server [-v 1|2|3] port        AF_INET, any local address
 *   echo-server -u port                UDP: each datagram goes back to
 *                                      its sender (no connections, so
 *                                      no versions)
 *
 * The calls are the lecture's: getaddrinfo (for AF_INET), socket, bind,
 * listen, then accept in a loop; read and write on each connection.
 */
#include <err.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "endpoint.h"

#define MAX_QUEUE 16            /* connections listen() lets wait */
#define MAXREQ 4096

static void usage(void)
{
	fprintf(stderr, "usage: echo-server [-v 1|2|3] -U path\n"
		"       echo-server [-v 1|2|3] port\n"
		"       echo-server -u port\n");
	exit(2);
}

/* The lecture's server(): until the client closes, each request goes to
   our standard output and back to the client. */
static void serve_client(int consockfd)
{
	char reqbuf[MAXREQ];
	int n;

	while (1) {
		memset(reqbuf, 0, MAXREQ);
		n = read(consockfd, reqbuf, MAXREQ);    /* Recv */
		if (n <= 0)
			return;
		write(STDOUT_FILENO, reqbuf, n);
		write(consockfd, reqbuf, n);            /* echo */
	}
}

static struct addrinfo *setup_address(const char *unix_path,
				      const char *port, int type)
{
	if (unix_path)
		return unix_endpoint(unix_path, type);
	return inet_endpoint(NULL, port, type, AI_PASSIVE);
}

/* A datagram server has one socket for every client: recvfrom says who
   sent each datagram, sendto answers that address. */
static void serve_datagrams(int sock)
{
	char reqbuf[65536];
	struct sockaddr_storage from;

	while (1) {
		socklen_t len = sizeof(from);
		ssize_t n = recvfrom(sock, reqbuf, sizeof(reqbuf), 0,
				     (struct sockaddr *)&from, &len);
		if (n < 0)
			err(1, "recvfrom");
		write(STDOUT_FILENO, reqbuf, n);
		sendto(sock, reqbuf, n, 0, (struct sockaddr *)&from, len);
	}
}

/* v1: the server itself serves each client, so the next one's connect()
   succeeds (it waits in listen's queue) but nothing is read for it until
   this one has gone. */
static void serve_v1(int server_socket)
{
	while (1) {
		int conn_socket = accept(server_socket, NULL, NULL);
		if (conn_socket < 0)
			err(1, "accept");
		serve_client(conn_socket);
		close(conn_socket);
	}
}

/* v2 and v3: a child per connection, with copies of both descriptors
   (fork shares the open sockets). Each closes the one it does not use:
   the child the listening socket, the parent the connection, or the
   client would never see end of file when the child closes it. */
static void serve_forked(int server_socket, int wait_for_child)
{
	if (!wait_for_child)
		signal(SIGCHLD, SIG_IGN);       /* the kernel reaps them: no zombies */
	while (1) {
		int conn_socket = accept(server_socket, NULL, NULL);
		if (conn_socket < 0)
			err(1, "accept");
		pid_t pid = fork();
		if (pid < 0)
			err(1, "fork");
		if (pid == 0) {
			close(server_socket);
			serve_client(conn_socket);
			close(conn_socket);
			exit(0);
		} else {
			close(conn_socket);
			if (wait_for_child)
				wait(NULL);
		}
	}
}

int main(int argc, char **argv)
{
	const char *unix_path = NULL;
	int version = 3, type = SOCK_STREAM, opt;

	while ((opt = getopt(argc, argv, "v:U:u")) != -1) {
		if (opt == 'v' && optarg[0] >= '1' && optarg[0] <= '3' && !optarg[1])
			version = optarg[0] - '0';
		else if (opt == 'u')
			type = SOCK_DGRAM;
		else if (opt == 'U')
			unix_path = optarg;
		else
			usage();
	}
	if (argc - optind != (unix_path ? 0 : 1))
		usage();

	/* Create socket to listen for client connections */
	struct addrinfo *server = setup_address(unix_path, argv[optind], type);
	int server_socket = socket(server->ai_family, server->ai_socktype,
				   server->ai_protocol);
	if (server_socket < 0)
		err(1, "socket");
	/* Bind it to its name: for AF_UNIX this makes the socket file */
	if (bind(server_socket, server->ai_addr, server->ai_addrlen) < 0)
		err(1, "%s", unix_path ? unix_path : argv[optind]);
	if (type == SOCK_DGRAM)
		serve_datagrams(server_socket);
	/* Start listening for new client connections */
	if (listen(server_socket, MAX_QUEUE) < 0)
		err(1, "listen");

	if (version == 1)
		serve_v1(server_socket);
	else
		serve_forked(server_socket, version == 2);
	close(server_socket);
	return 0;
}
