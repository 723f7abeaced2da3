/*
 * echo-client: the lecture's echo client. Each line typed goes to the
 * server, and what comes back is written to standard output; end of
 * file on standard input ends the session.
 *
 *   echo-client -U path        AF_UNIX: the server's socket file
 *   echo-client host port      AF_INET
 *
 * The calls are the lecture's: getaddrinfo (for AF_INET), socket,
 * connect, then write and read.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "endpoint.h"

#define MAXIN 4096
#define MAXOUT 4096

static void usage(void)
{
	fprintf(stderr, "usage: echo-client -U path\n"
		"       echo-client host port\n");
	exit(2);
}

/* The lecture's client(). It sends strlen(sndbuf)+1 bytes, the string's
   NUL too; a stream has no message boundaries for a NUL to mark, and the
   echoed NUL would go to the terminal, so we send just the line. */
static void run_client(int sockfd)
{
	int n;
	char sndbuf[MAXIN];
	char rcvbuf[MAXOUT];

	while (fgets(sndbuf, MAXIN, stdin)) {           /* prompt */
		write(sockfd, sndbuf, strlen(sndbuf));   /* send */
		memset(rcvbuf, 0, MAXOUT);               /* clear */
		n = read(sockfd, rcvbuf, MAXOUT);        /* receive */
		if (n < 0)
			err(1, "read");
		if (n == 0)
			errx(1, "the server closed the connection");
		write(STDOUT_FILENO, rcvbuf, n);         /* echo */
	}
}

static struct addrinfo *lookup_host(const char *unix_path,
				    const char *host_name,
				    const char *port_name)
{
	if (unix_path)
		return unix_endpoint(unix_path, SOCK_STREAM);
	return inet_endpoint(host_name, port_name, SOCK_STREAM, 0);
}

int main(int argc, char **argv)
{
	const char *unix_path = NULL;
	int opt;

	while ((opt = getopt(argc, argv, "U:")) != -1) {
		if (opt == 'U')
			unix_path = optarg;
		else
			usage();
	}
	if (argc - optind != (unix_path ? 0 : 2))
		usage();

	/* Create a socket */
	struct addrinfo *server = unix_path ? lookup_host(unix_path, NULL, NULL) :
		lookup_host(NULL, argv[optind], argv[optind + 1]);
	int sock_fd = socket(server->ai_family, server->ai_socktype,
			     server->ai_protocol);
	if (sock_fd < 0)
		err(1, "socket");
	/* Connect to the server's name */
	if (connect(sock_fd, server->ai_addr, server->ai_addrlen) < 0)
		err(1, "%s", unix_path ? unix_path : argv[optind]);

	/* Carry out the client-server protocol */
	run_client(sock_fd);

	/* Clean up on termination */
	close(sock_fd);
	return 0;
}
