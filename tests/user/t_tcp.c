/*
 * TCP over 127.0.0.1 (net/tcp*.c): the handshake and an echo, a 4 MiB
 * transfer between two processes checked byte by byte, half-close,
 * ECONNREFUSED, ECONNRESET when a peer closes with unread data, the
 * listen backlog, SO_REUSEADDR against TIME_WAIT and a listener,
 * non-blocking connect and accept, poll readiness, EPIPE and SIGPIPE,
 * FIONREAD/SIOCOUTQ, MSG_PEEK/WAITALL/DONTWAIT, the TCP options,
 * /proc/net/tcp, the delayed ACK, and no connection left behind at the
 * end.
 */
#define _GNU_SOURCE
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
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

#ifndef SIOCOUTQ
#define SIOCOUTQ 0x5411
#endif
#ifndef TCP_NODELAY
#define TCP_NODELAY 1
#define TCP_MAXSEG 2
#endif

#define ERR(call) ((call) < 0 ? -errno : 0)
#define PORT 42000              /* each case its own port from here */
#define BIG (4 * 1024 * 1024)

static volatile int sigpipes;

static void on_sigpipe(int sig)
{
	(void)sig;
	sigpipes++;
}

static int tcp_socket(void)
{
	return socket(AF_INET, SOCK_STREAM, 0);
}

static int listener(int port, int backlog)
{
	int s = tcp_socket(), one = 1;
	struct sockaddr_in a = inet_sockaddr(INADDR_LOOPBACK, port);

	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) < 0 ||
	    listen(s, backlog) < 0) {
		perror("listener");
		exit(1);
	}
	return s;
}

static int connect_to(int port)
{
	int s = tcp_socket();
	struct sockaddr_in a = inet_sockaddr(INADDR_LOOPBACK, port);

	if (connect(s, (struct sockaddr *)&a, sizeof(a)) < 0) {
		int err = -errno;
		close(s);
		return err;
	}
	return s;
}

/* A connected pair over lo: *c the client's end, *a the server's. */
static void pair(int port, int *c, int *a)
{
	int l = listener(port, 5);

	*c = connect_to(port);
	*a = accept(l, NULL, NULL);
	close(l);
}

static int nonblock_connect(int port)
{
	int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	struct sockaddr_in a = inet_sockaddr(INADDR_LOOPBACK, port);
	int r = ERR(connect(s, (struct sockaddr *)&a, sizeof(a)));

	return r == -EINPROGRESS || r == 0 ? s : r;
}

static short poll1(int fd, short events, int ms)
{
	struct pollfd p = { fd, events, 0 };

	return poll(&p, 1, ms) == 1 ? p.revents : 0;
}

static int so_error(int s)
{
	int e = -1;
	socklen_t len = sizeof(e);

	getsockopt(s, SOL_SOCKET, SO_ERROR, &e, &len);
	return e;
}

/* ---- the cases ---- */

static void echo(void)
{
	int c, a;
	char buf[16] = "";
	struct sockaddr_in me, peer, acc;
	socklen_t len = sizeof(me);

	pair(PORT, &c, &a);
	expect("connect and accept over lo", c >= 0 && a >= 0, "%d %d", c, a);
	getsockname(c, (struct sockaddr *)&me, &len);
	len = sizeof(peer);
	getpeername(c, (struct sockaddr *)&peer, &len);
	len = sizeof(acc);
	getpeername(a, (struct sockaddr *)&acc, &len);
	expect("getpeername: the listener's port", peer.sin_port ==
	       htons(PORT) && peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
	       "port %d", ntohs(peer.sin_port));
	expect("the accepted socket's peer is the client", acc.sin_port ==
	       me.sin_port && ntohs(me.sin_port) >= 32768, "%d vs %d",
	       ntohs(acc.sin_port), ntohs(me.sin_port));
	write(c, "hello", 5);
	int n = read(a, buf, sizeof(buf));
	write(a, buf, n);
	memset(buf, 0, sizeof(buf));
	n = read(c, buf, sizeof(buf));
	expect("echo", n == 5 && !memcmp(buf, "hello", 5), "read %d", n);
	struct sockaddr_in x = inet_sockaddr(INADDR_LOOPBACK, PORT);
	expect("connect again: EISCONN",
	       ERR(connect(c, (struct sockaddr *)&x, sizeof(x))) == -EISCONN,
	       "wrong error");
	close(c);
	n = read(a, buf, sizeof(buf));
	expect("end of file after the peer's close", n == 0, "read %d", n);
	close(a);
}

static unsigned char pattern(unsigned int i)
{
	return (i * 7 + (i >> 11)) & 0xff;
}

/* The child writes BIG bytes in pieces of odd sizes; the parent reads
   and checks each byte, and a sum, against the pattern. */
static void big_writer(int port)
{
	static unsigned char buf[70001];
	int s = connect_to(port);
	unsigned int off = 0, sum = 0;

	while (off < BIG) {
		size_t n = 1 + (off * 13) % sizeof(buf);
		if (n > BIG - off)
			n = BIG - off;
		for (size_t i = 0; i < n; i++) {
			buf[i] = pattern(off + i);
			sum += buf[i];
		}
		if (write(s, buf, n) != (ssize_t)n)
			exit(1);
		off += n;
	}
	write(s, &sum, sizeof(sum));
	close(s);
}

static void big_transfer(void)
{
	static unsigned char buf[65536];
	int l = listener(PORT + 1, 1), a, status;
	unsigned int got = 0, sum = 0, bad = 0, theirs = 0;
	pid_t pid = fork();

	if (pid == 0) {
		big_writer(PORT + 1);
		_exit(0);
	}
	a = accept(l, NULL, NULL);
	for (;;) {
		ssize_t n = read(a, buf, got < BIG ? (BIG - got < sizeof(buf)
			? BIG - got : sizeof(buf)) : sizeof(buf));
		if (n <= 0)
			break;
		for (ssize_t i = 0; i < n; i++, got++) {
			if (got < BIG) {
				bad += buf[i] != pattern(got);
				sum += buf[i];
			} else if (got < BIG + 4) {
				theirs |= (unsigned)buf[i] << 8 * (got - BIG);
			}
		}
	}
	waitpid(pid, &status, 0);
	expect("4 MiB between two processes, every byte right",
	       got == BIG + 4 && bad == 0 && sum == theirs && status == 0,
	       "got %u, %u wrong, sum %x vs %x, writer %s", got, bad, sum,
	       theirs, describe(status));
	close(a);
	close(l);
}

/* Eight clients at once, each echoing 128 KiB through a forked server
   process per connection (the lecture's v3 server). */
#define CLIENTS 8
#define EACH (128 * 1024)

static void echo_client(int port, int id)
{
	static unsigned char out[EACH], in[EACH];
	int s = connect_to(port);
	size_t got = 0;

	for (size_t i = 0; i < EACH; i++)
		out[i] = pattern(i * (id + 1));
	if (s < 0)
		_exit(2);
	pid_t w = fork();
	if (w == 0) {           /* the writer, while the parent reads */
		_exit(write(s, out, EACH) == EACH ? 0 : 3);
	}
	while (got < EACH) {
		ssize_t n = read(s, in + got, EACH - got);
		if (n <= 0)
			break;
		got += n;
	}
	int status;
	waitpid(w, &status, 0);
	_exit(got == EACH && !memcmp(in, out, EACH) && status == 0 ? 0 : 4);
}

static void concurrent(void)
{
	static unsigned char buf[16384];
	int l = listener(PORT + 15, CLIENTS), ok = 0;
	pid_t pids[CLIENTS], servers[CLIENTS];

	for (int i = 0; i < CLIENTS; i++)
		if ((pids[i] = fork()) == 0)
			echo_client(PORT + 15, i);
	for (int i = 0; i < CLIENTS; i++) {
		int a = accept(l, NULL, NULL);
		if ((servers[i] = fork()) == 0) {
			ssize_t n;
			while ((n = read(a, buf, sizeof(buf))) > 0)
				if (write(a, buf, n) != n)
					_exit(1);
			_exit(0);
		}
		close(a);
	}
	for (int i = 0; i < CLIENTS; i++) {
		int st;
		waitpid(pids[i], &st, 0);
		ok += WIFEXITED(st) && WEXITSTATUS(st) == 0;
		waitpid(servers[i], &st, 0);
	}
	expect("8 clients at once, 128 KiB each echoed intact", ok == CLIENTS,
	       "%d of %d", ok, CLIENTS);
	close(l);
}

static void half_close(void)
{
	int c, a;
	char buf[8];

	pair(PORT + 2, &c, &a);
	shutdown(c, SHUT_WR);
	expect("half-close: the peer reads end of file", read(a, buf, 8) == 0,
	       "no EOF");
	expect("half-close: POLLRDHUP at the peer",
	       poll1(a, POLLIN | POLLRDHUP, 1000) & POLLRDHUP, "none");
	expect("half-close: the peer may still write",
	       write(a, "late", 4) == 4, "%s", strerror(errno));
	close(a);
	int n = read(c, buf, 8);
	expect("half-close: the closing side reads the rest",
	       n == 4 && !memcmp(buf, "late", 4), "read %d", n);
	expect("half-close: then end of file", read(c, buf, 8) == 0, "no EOF");
	close(c);
}

static void refused(void)
{
	int r = connect_to(PORT + 3);
	char c;

	expect("connect to a port nobody listens on: ECONNREFUSED",
	       r == -ECONNREFUSED, "got %d", r);
	int s = tcp_socket();
	expect("recv on a socket never connected: ENOTCONN",
	       ERR(recv(s, &c, 1, 0)) == -ENOTCONN, "wrong error");
	expect("send on a socket never connected: EPIPE",
	       ERR(send(s, &c, 1, MSG_NOSIGNAL)) == -EPIPE, "wrong error");
	close(s);
}

static void reset(void)
{
	int c, a;
	char buf[8];

	pair(PORT + 4, &c, &a);
	write(c, "unread", 6);
	poll1(a, POLLIN, 1000);
	close(a);               /* with bytes unread: a RST */
	poll1(c, POLLIN, 2000);
	int r = ERR(read(c, buf, sizeof(buf)));
	expect("close with unread data: the peer gets ECONNRESET",
	       r == -ECONNRESET, "read gave %d", r);
	expect("after the RST: end of file", read(c, buf, sizeof(buf)) == 0,
	       "not 0");
	close(c);
}

static void backlog(void)
{
	int l = listener(PORT + 5, 1), s[3], a;

	for (int i = 0; i < 3; i++)
		s[i] = nonblock_connect(PORT + 5);
	int ok0 = poll1(s[0], POLLOUT, 2000) & POLLOUT;
	int ok1 = poll1(s[1], POLLOUT, 2000) & POLLOUT;
	int wait2 = poll1(s[2], POLLOUT, 300) & POLLOUT;
	expect("backlog 1: two connections complete before accept",
	       ok0 && ok1, "%d %d", ok0, ok1);
	expect("backlog 1: the third waits", !wait2, "it completed");
	a = accept(l, NULL, NULL);
	close(a);
	int ok2 = poll1(s[2], POLLOUT, 10000) & POLLOUT;
	expect("backlog: after an accept the third completes (SYN resent)",
	       ok2 && so_error(s[2]) == 0, "poll %d error %d", ok2,
	       so_error(s[2]));
	for (int i = 0; i < 3; i++)
		close(s[i]);
	close(l);
}

static int bind_port(int port, int reuse)
{
	int s = tcp_socket();
	struct sockaddr_in a = inet_sockaddr(INADDR_LOOPBACK, port);

	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof(reuse));
	int r = ERR(bind(s, (struct sockaddr *)&a, sizeof(a)));
	close(s);
	return r;
}

static void reuseaddr(void)
{
	int l = listener(PORT + 6, 5), c, a;

	expect("a listener's port: EADDRINUSE",
	       bind_port(PORT + 6, 0) == -EADDRINUSE, "bound");
	expect("a listener's port, SO_REUSEADDR too: EADDRINUSE",
	       bind_port(PORT + 6, 1) == -EADDRINUSE, "bound");
	c = connect_to(PORT + 6);
	a = accept(l, NULL, NULL);
	close(l);
	close(a);               /* the server closes first: its TIME_WAIT */
	char b;
	read(c, &b, 1);
	close(c);
	expect("TIME_WAIT on the port, no SO_REUSEADDR: EADDRINUSE",
	       bind_port(PORT + 6, 0) == -EADDRINUSE, "bound");
	expect("TIME_WAIT on the port, SO_REUSEADDR: bind works",
	       bind_port(PORT + 6, 1) == 0, "EADDRINUSE");
}

static void nonblocking(void)
{
	int l = listener(PORT + 7, 5);
	int fl = fcntl(l, F_GETFL);

	fcntl(l, F_SETFL, fl | O_NONBLOCK);
	expect("accept with nobody waiting, non-blocking: EAGAIN",
	       ERR(accept(l, NULL, NULL)) == -EAGAIN, "wrong error");
	expect("a listener with nobody waiting is not readable",
	       poll1(l, POLLIN, 0) == 0, "readable");
	struct sockaddr_in a = inet_sockaddr(INADDR_LOOPBACK, PORT + 7);
	int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	int r = ERR(connect(s, (struct sockaddr *)&a, sizeof(a)));
	expect("non-blocking connect: EINPROGRESS", r == -EINPROGRESS,
	       "got %d", r);
	short ev = poll1(s, POLLOUT, 2000);
	expect("non-blocking connect: then writable, SO_ERROR 0",
	       (ev & POLLOUT) && so_error(s) == 0, "revents %x", ev);
	expect("a listener with a connection waiting is readable",
	       poll1(l, POLLIN, 1000) & POLLIN, "not readable");
	int c = accept(l, NULL, NULL);
	expect("then accept works", c >= 0, "%s", strerror(errno));
	close(c);
	close(s);
	s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	a = inet_sockaddr(INADDR_LOOPBACK, PORT + 8);
	r = ERR(connect(s, (struct sockaddr *)&a, sizeof(a)));
	ev = poll1(s, POLLOUT, 2000);
	expect("non-blocking connect refused: POLLERR, SO_ERROR ECONNREFUSED",
	       (r == -EINPROGRESS || r == -ECONNREFUSED) &&
	       (r == -ECONNREFUSED || ((ev & POLLERR) &&
				       so_error(s) == ECONNREFUSED)),
	       "connect %d revents %x", r, ev);
	close(s);
	close(l);
}

static void readiness(void)
{
	int c, a;
	char buf[256];

	pair(PORT + 9, &c, &a);
	expect("connected: writable, not readable",
	       poll1(c, POLLIN | POLLOUT, 0) == POLLOUT, "revents %x",
	       poll1(c, POLLIN | POLLOUT, 0));
	expect("MSG_DONTWAIT with nothing there: EAGAIN",
	       ERR(recv(c, buf, 1, MSG_DONTWAIT)) == -EAGAIN, "wrong error");
	write(a, "0123456789", 10);
	expect("data: readable", poll1(c, POLLIN, 2000) & POLLIN, "no");
	int n = -1;
	ioctl(c, FIONREAD, &n);
	expect("FIONREAD", n == 10, "%d", n);
	n = recv(c, buf, 4, MSG_PEEK);
	expect("MSG_PEEK leaves the bytes",
	       n == 4 && !memcmp(buf, "0123", 4) && recv(c, buf, 10, 0) == 10,
	       "peek %d", n);
	write(a, "abc", 3);
	write(a, "def", 3);
	pid_t pid = fork();
	if (pid == 0) {
		sleep_ms(200);
		write(a, "ghi", 3);
		_exit(0);
	}
	n = recv(c, buf, 9, MSG_WAITALL);
	waitpid(pid, NULL, 0);
	expect("MSG_WAITALL waits for all", n == 9 &&
	       !memcmp(buf, "abcdefghi", 9), "read %d", n);
	/* the reader's ACK is on its way (netd carries it) */
	for (int i = 0; i < 200 && (ioctl(a, SIOCOUTQ, &n), n != 0); i++)
		sleep_ms(10);
	expect("SIOCOUTQ: nothing unacknowledged", n == 0, "%d", n);
	close(a);
	expect("the peer closed: readable (end of file) and POLLRDHUP",
	       (poll1(c, POLLIN | POLLRDHUP, 2000) & (POLLIN | POLLRDHUP)) ==
	       (POLLIN | POLLRDHUP), "revents %x", poll1(c, POLLIN, 0));
	close(c);
	int s = tcp_socket();
	expect("a new socket: POLLOUT|POLLHUP",
	       poll1(s, POLLIN | POLLOUT, 0) == (POLLOUT | POLLHUP),
	       "revents %x", poll1(s, POLLIN | POLLOUT, 0));
	close(s);
}

static void epipe(void)
{
	int c, a;

	install_handler(SIGPIPE, on_sigpipe, 0);
	pair(PORT + 10, &c, &a);
	shutdown(c, SHUT_WR);
	sigpipes = 0;
	int r = ERR(write(c, "x", 1));
	expect("write after shutdown(SHUT_WR): EPIPE and SIGPIPE",
	       r == -EPIPE && sigpipes == 1, "%d, %d signals", r, sigpipes);
	r = ERR(send(c, "x", 1, MSG_NOSIGNAL));
	expect("MSG_NOSIGNAL: EPIPE without the signal",
	       r == -EPIPE && sigpipes == 1, "%d, %d signals", r, sigpipes);
	r = ERR(send(c, "", 0, MSG_NOSIGNAL));
	expect("no bytes after shutdown(SHUT_WR): EPIPE too", r == -EPIPE,
	       "%d", r);
	close(c);
	close(a);
	/* the peer's close: its RST answers our data, then EPIPE */
	pair(PORT + 11, &c, &a);
	close(a);
	char b;
	read(c, &b, 1);
	write(c, "x", 1);
	poll1(c, POLLERR, 2000);
	int e1 = ERR(write(c, "x", 1)), e2 = ERR(write(c, "x", 1));
	expect("writing to a closed peer: ECONNRESET, then EPIPE",
	       (e1 == -ECONNRESET || e1 == -EPIPE) && e2 == -EPIPE,
	       "%d then %d", e1, e2);
	close(c);
	signal(SIGPIPE, SIG_DFL);
}

/* The reader stops: its window closes, the writer's buffer fills and
   a non-blocking write says EAGAIN; the reader then takes it all, in
   order, and the window opens again for the rest. */
static void flow_control(void)
{
	static unsigned char buf[8192];
	int c, a, small = 4096;
	unsigned int sent = 0, got = 0, bad = 0;

	int l = listener(PORT + 14, 1);
	setsockopt(l, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small));
	c = connect_to(PORT + 14);
	a = accept(l, NULL, NULL);
	close(l);
	setsockopt(c, SOL_SOCKET, SO_SNDBUF, &small, sizeof(small));
	fcntl(c, F_SETFL, O_NONBLOCK);
	for (;;) {
		for (size_t i = 0; i < sizeof(buf); i++)
			buf[i] = pattern(sent + i);
		ssize_t n = write(c, buf, sizeof(buf));
		if (n < 0)
			break;
		sent += n;
		if (sent > 4 * 1024 * 1024)
			break;          /* no flow control at all */
	}
	int queued = -1;
	ioctl(c, SIOCOUTQ, &queued);
	expect("flow control: a stopped reader fills the writer (EAGAIN)",
	       errno == EAGAIN && sent < 1024 * 1024 && queued > 0,
	       "sent %u, errno %d, SIOCOUTQ %d", sent, errno, queued);
	fcntl(c, F_SETFL, 0);
	pid_t pid = fork();
	if (pid == 0) {         /* the writer goes on while the reader reads */
		for (unsigned int off = sent; off < sent + 200000;) {
			for (size_t i = 0; i < sizeof(buf); i++)
				buf[i] = pattern(off + i);
			ssize_t n = write(c, buf, sizeof(buf));
			if (n <= 0)
				_exit(1);
			off += n;
		}
		_exit(0);
	}
	close(c);
	for (;;) {
		ssize_t n = read(a, buf, sizeof(buf));
		if (n <= 0)
			break;
		for (ssize_t i = 0; i < n; i++, got++)
			bad += buf[i] != pattern(got);
	}
	int status;
	waitpid(pid, &status, 0);
	expect("flow control: then every byte arrives, in order",
	       got >= sent + 200000 && bad == 0 && status == 0,
	       "got %u of %u, %u wrong", got, sent + 200000, bad);
	close(a);
}

static void options(void)
{
	int s = tcp_socket(), v = 1, mss = 0;
	socklen_t len = sizeof(v);

	setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &v, sizeof(v));
	v = 0;
	getsockopt(s, IPPROTO_TCP, TCP_NODELAY, &v, &len);
	expect("TCP_NODELAY set and read back", v == 1, "%d", v);
	v = 10;
	expect("TCP_MAXSEG below 88: EINVAL",
	       ERR(setsockopt(s, IPPROTO_TCP, TCP_MAXSEG, &v, sizeof(v))) ==
	       -EINVAL, "accepted");
	close(s);
	int c, a;
	pair(PORT + 12, &c, &a);
	len = sizeof(mss);
	getsockopt(c, IPPROTO_TCP, TCP_MAXSEG, &mss, &len);
	expect("TCP_MAXSEG of a connection over lo", mss > 536 && mss < 65536,
	       "%d", mss);
	close(c);
	close(a);
}

/* Calls in the wrong state, with Linux's errors: a listener or a
   connection that was reset is not connected again. */
static void wrong_state(void)
{
	int l = listener(PORT + 14, 5), c, a;
	struct sockaddr_in to = inet_sockaddr(INADDR_LOOPBACK, PORT + 14);
	char buf[8];

	expect("connect on a listener: EISCONN",
	       ERR(connect(l, (struct sockaddr *)&to, sizeof(to))) == -EISCONN,
	       "%s", strerror(errno));
	c = connect_to(PORT + 14);
	a = accept(l, NULL, NULL);
	write(a, "unread", 6);
	poll1(c, POLLIN, 1000);
	close(c);               /* unread bytes: a RST */
	poll1(a, POLLERR, 2000);
	read(a, buf, sizeof(buf));
	expect("connect after a RST ended the connection: EISCONN",
	       ERR(connect(a, (struct sockaddr *)&to, sizeof(to))) == -EISCONN,
	       "%s", strerror(errno));
	expect("listen after a RST ended the connection: EINVAL",
	       ERR(listen(a, 1)) == -EINVAL, "%s", strerror(errno));
	close(a);
	close(l);
	/* the usual way to learn how a non-blocking connect ended */
	c = nonblock_connect(PORT + 17);
	poll1(c, POLLOUT, 2000);
	socklen_t len = sizeof(to);
	int r = ERR(getpeername(c, (struct sockaddr *)&to, &len));
	expect("getpeername after a refused connect: ENOTCONN",
	       r == -ENOTCONN, "%d", r);
	to = inet_sockaddr(INADDR_LOOPBACK, PORT + 17);
	r = ERR(connect(c, (struct sockaddr *)&to, sizeof(to)));
	expect("connect again after a refused non-blocking one: ECONNREFUSED",
	       r == -ECONNREFUSED, "%d", r);
	close(c);
	/* a socket whose connect failed may listen instead */
	l = tcp_socket();
	to = inet_sockaddr(INADDR_LOOPBACK, PORT + 17);
	connect(l, (struct sockaddr *)&to, sizeof(to));
	len = sizeof(to);
	listen(l, 1);
	getsockname(l, (struct sockaddr *)&to, &len);
	c = connect_to(ntohs(to.sin_port));
	expect("listen after a refused connect: connections come",
	       c >= 0, "%d", c);
	close(c);
	close(l);
}

/* A call that moved some bytes returns their count; the error that
   ended the connection meanwhile is kept for the next call (Linux). */
static void error_kept(void)
{
	static char big[1024 * 1024];
	int c, a;
	char buf[8];

	pair(PORT + 15, &c, &a);
	write(a, "x", 1);       /* c leaves it unread: its close sends a RST */
	write(c, "ab", 2);
	if (fork() == 0) {
		sleep_ms(300);
		close(c);
		_exit(0);
	}
	close(c);
	int n = recv(a, buf, sizeof(buf), MSG_WAITALL);
	int r = ERR(recv(a, buf, sizeof(buf), 0));
	expect("MSG_WAITALL cut short by a RST: the bytes, then ECONNRESET",
	       n == 2 && r == -ECONNRESET, "%d, then %d", n, r);
	close(a);
	wait(NULL);
	pair(PORT + 16, &c, &a);
	write(c, "x", 1);       /* a leaves it unread */
	if (fork() == 0) {
		sleep_ms(300);
		close(a);
		_exit(0);
	}
	close(a);
	n = send(c, big, sizeof(big), MSG_NOSIGNAL);
	r = n < (int)sizeof(big) && n > 0 ? ERR(send(c, "x", 1, MSG_NOSIGNAL))
					   : ERR(n);
	expect("a write cut short by a RST: the bytes, then ECONNRESET",
	       r == -ECONNRESET, "%d, then %d", n, r);
	close(c);
	wait(NULL);
}

/* Lines of /proc/net/tcp (the header not counted); -1: no file. */
static int proc_tcp(const char *want)
{
	FILE *f = fopen("/proc/net/tcp", "r");
	char line[256];
	int n = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!want || strstr(line, want))
			n++;
	fclose(f);
	return want ? n + 1 : n;
}

static void proc_file(void)
{
	char want[64];
	int l = listener(PORT + 13, 5);

	/* 127.0.0.1:42013 listening (state 0A) */
	snprintf(want, sizeof(want), "0100007F:%04X 00000000:0000 0A",
		 PORT + 13);
	expect("/proc/net/tcp shows the listener in Linux's format",
	       proc_tcp(want) == 1, "%d lines match %s", proc_tcp(want), want);
	int c = connect_to(PORT + 13), a = accept(l, NULL, NULL);
	snprintf(want, sizeof(want), ":%04X 01", PORT + 13);
	expect("/proc/net/tcp shows both ends ESTABLISHED",
	       proc_tcp(want) == 2, "%d", proc_tcp(want));
	close(c);
	close(a);
	close(l);
}

/* Every connection is gone once TIME_WAIT (2 s here) has passed, and
   with them their sockets and packet buffers. */
static void leaks(int conns, int socks, int skbs)
{
	int n = -1;

	if (conns < 0 || !on_sprout()) {
		skip("no connection left", conns < 0 ? "no /proc/net/tcp"
			: "TIME_WAIT is 60 s on Linux");
		return;
	}
	for (int i = 0; i < 50 && (n = proc_tcp(NULL)) != conns; i++)
		sleep_ms(200);
	expect("no connection left after TIME_WAIT", n == conns,
	       "%d lines, %d at the start", n, conns);
	expect("no TCP socket left (sockstat)", sockstat("TCP") == socks,
	       "%d, %d at the start", sockstat("TCP"), socks);
	expect("no packet buffer left (sockstat)", sockstat("SKB") == skbs,
	       "%d, %d at the start", sockstat("SKB"), skbs);
}

/* The packets lo has carried: its line of /proc/net/dev (lo's xmit is
   its receive, so every packet counts once). -1 without the file. */
static long lo_packets(void)
{
	FILE *f = fopen("/proc/net/dev", "r");
	char line[256];
	long bytes, packets = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, " lo: %ld %ld", &bytes, &packets) == 2)
			break;
	fclose(f);
	return packets;
}

/* Until a has n bytes to read (or 5 s went by). */
static void wait_readable(int a, int n)
{
	int queued = 0;

	for (int i = 0; i < 500 && queued < n; i++) {
		ioctl(a, FIONREAD, &queued);
		if (queued < n)
			sleep_ms(10);
	}
}

/* Eight full segments in one write, nobody reading: the receiver
   acknowledges every second one (the delayed ACK), so lo carries 8 + 4
   packets where an ACK per segment would make 16; a ninth, alone, is
   acknowledged when the delayed-ACK timer runs out. */
static void delayed_ack(void)
{
	int c, a, mss = 0;
	socklen_t len = sizeof(mss);
	long before, n = 0;
	char *buf;

	if (!on_sprout()) {
		skip("the delayed ACK", "Linux ACKs at once while it starts");
		return;
	}
	pair(PORT + 19, &c, &a);
	getsockopt(c, IPPROTO_TCP, TCP_MAXSEG, &mss, &len);
	buf = calloc(9, mss);
	before = lo_packets();
	write(c, buf, 8 * mss);
	wait_readable(a, 8 * mss);
	n = lo_packets() - before;
	expect("8 full segments get 4 ACKs (delayed ACK)", n == 12,
	       "%ld packets on lo", n);
	write(c, buf, mss);
	wait_readable(a, 9 * mss);
	for (int i = 0; i < 500 && (n = lo_packets() - before) < 14; i++)
		sleep_ms(10);
	expect("a lone segment's ACK comes when the timer runs out",
	       n == 14, "%ld packets on lo", n);
	free(buf);
	close(c);
	close(a);
}

/* connect to 0.0.0.0 reaches this host, as on Linux. */
static void to_any_address(void)
{
	int l = listener(PORT + 18, 1), s = tcp_socket(), r;
	struct sockaddr_in any = inet_sockaddr(INADDR_ANY, PORT + 18);

	r = connect(s, (struct sockaddr *)&any, sizeof(any)) < 0 ? -errno : 0;
	expect("connect to 0.0.0.0 reaches this host", r == 0, "error %d", r);
	close(s);
	close(l);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	if (is_init())          /* Sprout's process 1: /proc is ours to mount */
		mount("proc", "/proc", "proc", 0, NULL);
	int conns = proc_tcp(NULL), socks = sockstat("TCP");
	int skbs = sockstat("SKB");

	echo();
	big_transfer();
	concurrent();
	half_close();
	refused();
	reset();
	backlog();
	reuseaddr();
	nonblocking();
	readiness();
	epipe();
	flow_control();
	options();
	proc_file();
	wrong_state();
	error_kept();
	to_any_address();
	delayed_ack();
	leaks(conns, socks, skbs);
	return check_done();
}
