/*
 * UDP over 127.0.0.1 (net/udp.c, net/datagram.c): an echo between two
 * processes, datagram edges (MSG_TRUNC, MSG_PEEK, FIONREAD), a connected
 * socket's peer and its ECONNREFUSED from ICMP "port unreachable", poll
 * readiness, and bad arguments.
 */
#define _GNU_SOURCE
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/wait.h>

#define ERR(call) ((call) < 0 ? -errno : 0)
#define ECHO_PORT 41000

static int bound_udp(uint16_t port)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in a = inet_sockaddr(INADDR_LOOPBACK, port);

	if (bind(s, (struct sockaddr *)&a, sizeof(a)) < 0)
		return -1;
	return s;
}

/* A datagram into buf, waiting at most 5 s: its length, or -1. */
static ssize_t recv_within(int s, void *buf, size_t len)
{
	struct pollfd pfd = { .fd = s, .events = POLLIN };

	if (poll(&pfd, 1, 5000) != 1)
		return -1;
	return recv(s, buf, len, MSG_DONTWAIT);
}

/* The echo server: sends each datagram back to where it came from,
   until one says "quit". */
static void echo_server(void)
{
	int s = bound_udp(ECHO_PORT);
	char buf[2048];
	struct sockaddr_in from;
	socklen_t len;
	ssize_t n;

	write(3, "r", 1);                       /* ready */
	for (;;) {
		len = sizeof(from);
		n = recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from,
			     &len);
		if (n < 0 || (n == 4 && !memcmp(buf, "quit", 4)))
			break;
		sendto(s, buf, n, 0, (struct sockaddr *)&from, len);
	}
	close(s);
}

static void echo(void)
{
	int p[2], s = socket(AF_INET, SOCK_DGRAM, 0), ok = 1, status;
	struct sockaddr_in srv = inet_sockaddr(INADDR_LOOPBACK, ECHO_PORT), from;
	socklen_t len = sizeof(from);
	char out[1400], in[1400], c;
	pid_t pid;

	pipe(p);
	if ((pid = fork()) == 0) {
		close(p[0]);
		dup2(p[1], 3);
		echo_server();
		_exit(0);
	}
	close(p[1]);
	read(p[0], &c, 1);
	for (int i = 0; i < 50 && ok; i++) {
		ssize_t n;

		memset(out, 'a' + i % 26, sizeof(out));
		out[0] = i;
		sendto(s, out, 100 + i * 20, 0, (struct sockaddr *)&srv,
		       sizeof(srv));
		len = sizeof(from);
		n = recvfrom(s, in, sizeof(in), 0, (struct sockaddr *)&from,
			     &len);
		ok = n == 100 + i * 20 && !memcmp(in, out, n) &&
		     from.sin_port == htons(ECHO_PORT) &&
		     from.sin_addr.s_addr == htonl(INADDR_LOOPBACK) &&
		     len == sizeof(from);
	}
	expect("50 datagrams echoed by another process, byte for byte", ok,
	       "a reply differed");
	sendto(s, "quit", 4, 0, (struct sockaddr *)&srv, sizeof(srv));
	waitpid(pid, &status, 0);
	expect("the echo server exits 0", WIFEXITED(status) &&
	       !WEXITSTATUS(status), "%s", describe(status));
	close(s);
	close(p[0]);
}

static void edges(void)
{
	int a = bound_udp(41001), b = socket(AF_INET, SOCK_DGRAM, 0), n = -1;
	struct sockaddr_in to = inet_sockaddr(INADDR_LOOPBACK, 41001);
	char buf[16];
	ssize_t r;

	sendto(b, "hello world", 11, 0, (struct sockaddr *)&to, sizeof(to));
	sendto(b, "", 0, 0, (struct sockaddr *)&to, sizeof(to));
	sleep_ms(50);
	ioctl(a, FIONREAD, &n);
	expect("FIONREAD gives the first datagram's size", n == 11,
	       "got %d", n);
	r = recv(a, buf, 5, MSG_PEEK);
	expect("MSG_PEEK reads part of it", r == 5 && !memcmp(buf, "hello", 5),
	       "got %zd", r);
	r = recv(a, buf, 5, MSG_TRUNC);
	expect("MSG_TRUNC returns the datagram's full length", r == 11,
	       "got %zd", r);
	r = recv(a, buf, sizeof(buf), 0);
	expect("an empty datagram is a datagram", r == 0, "got %zd", r);
	r = recv(a, buf, sizeof(buf), MSG_DONTWAIT);
	expect("nothing left: EAGAIN", r < 0 && errno == EAGAIN,
	       "got %zd, errno %d", r, errno);
	close(a);
	close(b);
}

static void refused(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0), r, err = 0;
	struct sockaddr_in to = inet_sockaddr(INADDR_LOOPBACK, 41099);         /* nobody */
	socklen_t len = sizeof(err);
	char buf[8];
	struct pollfd pfd = { s, POLLIN, 0 };

	connect(s, (struct sockaddr *)&to, sizeof(to));
	r = ERR(send(s, "x", 1, 0));
	expect("send to a port nobody has succeeds at first", r == 0,
	       "error %d", r);
	poll(&pfd, 1, 5000);
	expect("the ICMP error makes the socket poll POLLERR",
	       pfd.revents & POLLERR, "revents %#x", pfd.revents);
	r = ERR(recv(s, buf, sizeof(buf), 0));
	expect("then recv: ECONNREFUSED (ICMP port unreachable)",
	       r == -ECONNREFUSED, "error %d", r);
	getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len);
	expect("the error was reported once: SO_ERROR is 0", err == 0,
	       "got %d", err);
	send(s, "x", 1, 0);
	sleep_ms(50);
	getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &len);
	expect("SO_ERROR reports it too", err == ECONNREFUSED, "got %d", err);
	close(s);

	s = socket(AF_INET, SOCK_DGRAM, 0);
	sendto(s, "x", 1, 0, (struct sockaddr *)&to, sizeof(to));
	sleep_ms(50);
	r = ERR(recv(s, buf, sizeof(buf), MSG_DONTWAIT));
	expect("an unconnected socket is not told (EAGAIN)", r == -EAGAIN,
	       "error %d", r);
	close(s);
}

static void connected_filter(void)
{
	int a = bound_udp(41002), b = bound_udp(41003), c = bound_udp(41004);
	struct sockaddr_in to_a = inet_sockaddr(INADDR_LOOPBACK, 41002), to_b = inet_sockaddr(INADDR_LOOPBACK, 41003);
	char buf[8];
	ssize_t r;

	connect(a, (struct sockaddr *)&to_b, sizeof(to_b));
	sendto(c, "c", 1, 0, (struct sockaddr *)&to_a, sizeof(to_a));
	sendto(b, "b", 1, 0, (struct sockaddr *)&to_a, sizeof(to_a));
	r = recv(a, buf, sizeof(buf), 0);
	expect("a connected socket receives only from its peer",
	       r == 1 && buf[0] == 'b', "got %zd '%c'", r, buf[0]);
	r = ERR(write(a, "w", 1));
	r = r ? r : ERR(read(b, buf, 1));
	expect("write() on a connected socket goes to the peer",
	       r == 0 && buf[0] == 'w', "error %d", (int)r);
	close(a);
	close(b);
	close(c);
}

static void readiness(void)
{
	int a = bound_udp(41005), b = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = inet_sockaddr(INADDR_LOOPBACK, 41005);
	struct pollfd pfd = { a, POLLIN | POLLOUT, 0 };
	int r;

	r = poll(&pfd, 1, 0);
	expect("poll: writable, not readable while empty",
	       r == 1 && pfd.revents == POLLOUT, "revents %#x", pfd.revents);
	if (fork() == 0) {
		sleep_ms(100);
		sendto(b, "x", 1, 0, (struct sockaddr *)&to, sizeof(to));
		_exit(0);
	}
	pfd.events = POLLIN;
	r = poll(&pfd, 1, 5000);
	expect("poll wakes when a datagram arrives",
	       r == 1 && pfd.revents == POLLIN, "r %d revents %#x", r,
	       pfd.revents);
	wait(NULL);
	close(a);
	close(b);
}

static void bad_arguments(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0), a = bound_udp(41006), r;
	struct sockaddr_in to = inet_sockaddr(INADDR_LOOPBACK, 41006);
	static char big[70000];

	r = ERR(send(s, "x", 1, 0));
	expect("send on an unconnected socket: EDESTADDRREQ",
	       r == -EDESTADDRREQ, "error %d", r);
	r = ERR(sendto(s, (void *)1, 10, 0, (struct sockaddr *)&to,
		       sizeof(to)));
	expect("sendto from a bad buffer: EFAULT", r == -EFAULT, "error %d", r);
	r = ERR(sendto(s, big, sizeof(big), 0, (struct sockaddr *)&to,
		       sizeof(to)));
	expect("a datagram larger than 64 KiB: EMSGSIZE", r == -EMSGSIZE,
	       "error %d", r);
	to.sin_port = 0;
	r = ERR(sendto(s, "x", 1, 0, (struct sockaddr *)&to, sizeof(to)));
	expect("sendto port 0: EINVAL", r == -EINVAL, "error %d", r);
	to.sin_port = htons(41006);
	r = ERR(sendto(s, "x", 1, 0, (struct sockaddr *)&to, sizeof(to) - 1));
	expect("sendto with a short address length: EINVAL", r == -EINVAL,
	       "error %d", r);
	to.sin_family = AF_UNIX;
	r = ERR(sendto(s, "x", 1, 0, (struct sockaddr *)&to, sizeof(to)));
	expect("sendto an AF_UNIX address: EAFNOSUPPORT", r == -EAFNOSUPPORT,
	       "error %d", r);
	to.sin_family = AF_UNSPEC;
	r = ERR(sendto(s, "u", 1, 0, (struct sockaddr *)&to, sizeof(to)));
	expect("sendto an AF_UNSPEC address: taken as AF_INET, as Linux",
	       r == 0 && recv_within(a, big, 10) == 1 && big[0] == 'u',
	       "error %d", r);
	to.sin_family = AF_INET;
	sendto(s, "x", 1, 0, (struct sockaddr *)&to, sizeof(to));
	r = ERR(recvfrom(a, (void *)1, 10, 0, NULL, NULL));
	expect("recvfrom into a bad buffer: EFAULT", r == -EFAULT,
	       "error %d", r);
	r = ERR(listen(a, 1));
	expect("listen on a UDP socket: EOPNOTSUPP", r == -EOPNOTSUPP,
	       "error %d", r);
	close(s);
	close(a);
}

/* Linux drops a datagram only when the queue already holds SO_RCVBUF
   bytes: one larger than the buffer still gets through to an empty
   queue. */
static void small_buffer(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0), a = bound_udp(41007), v = 1;
	struct sockaddr_in to = inet_sockaddr(INADDR_LOOPBACK, 41007);
	static char buf[3000];
	ssize_t r;

	setsockopt(a, SOL_SOCKET, SO_RCVBUF, &v, sizeof(v));
	sendto(s, buf, sizeof(buf), 0, (struct sockaddr *)&to, sizeof(to));
	r = recv_within(a, buf, sizeof(buf));
	expect("SO_RCVBUF 2304: a 3000-byte datagram to an empty queue "
	       "arrives", r == (ssize_t)sizeof(buf), "got %zd", r);
	close(s);
	close(a);
}

/* On Linux a destination of 0.0.0.0 means this host (127.0.0.1). */
static void to_any(void)
{
	int s = socket(AF_INET, SOCK_DGRAM, 0), a = bound_udp(41008), r;
	struct sockaddr_in to = inet_sockaddr(INADDR_ANY, 41008), p;
	socklen_t len = sizeof(p);
	char c = 0;

	r = ERR(sendto(s, "a", 1, 0, (struct sockaddr *)&to, sizeof(to)));
	expect("sendto 0.0.0.0 reaches this host",
	       r == 0 && recv_within(a, &c, 1) == 1 && c == 'a',
	       "error %d", r);
	r = ERR(connect(s, (struct sockaddr *)&to, sizeof(to)));
	getpeername(s, (struct sockaddr *)&p, &len);
	expect("connect to 0.0.0.0: the peer is 127.0.0.1",
	       r == 0 && p.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
	       "error %d, peer %x", r, ntohl(p.sin_addr.s_addr));
	r = ERR(send(s, "b", 1, 0));
	expect("and a send reaches it",
	       r == 0 && recv_within(a, &c, 1) == 1 && c == 'b',
	       "error %d", r);
	close(s);
	close(a);
}

int main(int argc, char **argv)
{
	int buffers;

	check_init(argc, argv);
	if (is_init())
		mount("proc", "/proc", "proc", 0, NULL);
	buffers = sockstat("SKB");
	echo();
	edges();
	refused();
	connected_filter();
	readiness();
	bad_arguments();
	small_buffer();
	to_any();
	expect_buffers_back(buffers);
	return check_done();
}
