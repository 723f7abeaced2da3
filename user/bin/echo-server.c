/*
 * echo-server: the lecture's echo server, which sends every request back
 * (and shows it on its own standard output), in the lecture's five
 * versions:
 *
 *   -v 1   serial: one client at a time, in the server process itself
 *   -v 2   a forked process per connection, which the server waits for
 *          before it accepts the next (protection, not yet concurrency)
 *   -v 3   (the default) a forked process per connection, not waited for:
 *          clients are served at the same time
 *   -v 4   a thread per connection: concurrency without protection (the
 *          threads share the server's memory), cheaper to start and switch
 *   -v 5   a thread pool: a bounded number of worker threads take
 *          connections from a queue the main thread fills, so a flood of
 *          clients cannot create threads without bound
 *
 *   echo-server [-v 1-5] -U path       AF_UNIX, a socket file at path
 *   echo-server [-v 1-5] port          AF_INET, any local address
 *   echo-server -u port                UDP: each datagram goes back to
 *                                      its sender (no connections, so
 *                                      no versions)
 *
 * The calls are the lecture's: getaddrinfo (for AF_INET), socket, bind,
 * listen, then accept in a loop; read and write on each connection.
 */
#include <err.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "endpoint.h"

#define MAX_QUEUE 16            /* connections listen() lets wait */
#define MAXREQ 4096
#define POOL_SIZE 4             /* v5: worker threads */
#define QUEUE_SIZE 16           /* v5: accepted connections waiting */

static void usage(void)
{
	fprintf(stderr, "usage: echo-server [-v 1-5] -U path\n"
		"       echo-server [-v 1-5] port\n"
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

/* v4: the connection's thread; detached, as nobody waits for it. */
static void *connection_thread(void *arg)
{
	int conn_socket = (int)(long)arg;

	serve_client(conn_socket);
	close(conn_socket);
	return NULL;
}

static void serve_threaded(int server_socket)
{
	pthread_attr_t attr;
	pthread_t thread;

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	while (1) {
		int conn_socket = accept(server_socket, NULL, NULL);
		if (conn_socket < 0)
			err(1, "accept");
		if (pthread_create(&thread, &attr, connection_thread,
				   (void *)(long)conn_socket) != 0) {
			warnx("no thread for a connection: closing it");
			close(conn_socket);
		}
	}
}

/* v5: the lecture's queue of connections between master and workers.
   Its lock guards it; its condition variables are the lecture's
   sleepOn/wakeUp: workers sleep while it is empty, the master while it
   is full (the bound). */
static struct {
	pthread_mutex_t lock;
	pthread_cond_t not_empty, not_full;
	int con[QUEUE_SIZE];
	int head, count;
} queue = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
	    PTHREAD_COND_INITIALIZER, { 0 }, 0, 0 };

static void enqueue(int con)
{
	pthread_mutex_lock(&queue.lock);
	while (queue.count == QUEUE_SIZE)
		pthread_cond_wait(&queue.not_full, &queue.lock);
	queue.con[(queue.head + queue.count++) % QUEUE_SIZE] = con;
	pthread_cond_signal(&queue.not_empty);          /* wakeUp(queue) */
	pthread_mutex_unlock(&queue.lock);
}

static int dequeue(void)
{
	int con;

	pthread_mutex_lock(&queue.lock);
	while (queue.count == 0)
		pthread_cond_wait(&queue.not_empty, &queue.lock);  /* sleepOn */
	con = queue.con[queue.head];
	queue.head = (queue.head + 1) % QUEUE_SIZE;
	queue.count--;
	pthread_cond_signal(&queue.not_full);
	pthread_mutex_unlock(&queue.lock);
	return con;
}

static void *worker(void *arg)
{
	(void)arg;
	while (1) {
		int con = dequeue();

		serve_client(con);                      /* ServiceWebPage */
		close(con);
	}
	return NULL;
}

static void allocThreads(void *(*fn)(void *), int n)
{
	pthread_t thread;

	for (int i = 0; i < n; i++)
		if (pthread_create(&thread, NULL, fn, NULL) != 0)
			errx(1, "cannot start worker threads");
}

/* The lecture's master(). */
static void serve_pool(int server_socket)
{
	allocThreads(worker, POOL_SIZE);
	while (1) {
		int con = accept(server_socket, NULL, NULL);    /* AcceptCon */
		if (con < 0)
			err(1, "accept");
		enqueue(con);
	}
}

int main(int argc, char **argv)
{
	const char *unix_path = NULL;
	int version = 3, type = SOCK_STREAM, opt;

	while ((opt = getopt(argc, argv, "v:U:u")) != -1) {
		if (opt == 'v' && optarg[0] >= '1' && optarg[0] <= '5' && !optarg[1])
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
	else if (version == 4)
		serve_threaded(server_socket);
	else if (version == 5)
		serve_pool(server_socket);
	else
		serve_forked(server_socket, version == 2);
	close(server_socket);
	return 0;
}
