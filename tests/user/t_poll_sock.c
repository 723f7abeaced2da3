/*
 * poll and select on AF_UNIX sockets: a listener is readable when a
 * connection waits, a stream socket is writable while its peer has room
 * and readable once data or the peer's end (POLLHUP, POLLRDHUP) arrives,
 * a datagram socket is readable when a datagram waits, and one select
 * mixes a pipe, a socket and a regular file.
 */
#define _GNU_SOURCE             /* POLLRDHUP, on the host */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#define NAME "t_poll_sock"      /* abstract: leaves nothing on the disk */

/* poll one descriptor without waiting: its revents, or -1 on error. */
static int poll_now(int fd, short events)
{
	struct pollfd pfd = { fd, events, 0 };

	return poll(&pfd, 1, 0) < 0 ? -1 : pfd.revents;
}

static void must(const char *what, int ok)
{
	if (!ok) {
		expect(what, 0, "errno %d", errno);
		exit(1);
	}
}

static socklen_t abstract_address(struct sockaddr_un *a)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	memcpy(a->sun_path + 1, NAME, strlen(NAME));
	return offsetof(struct sockaddr_un, sun_path) + 1 + strlen(NAME);
}

static int connect_to_name(void)
{
	struct sockaddr_un a;
	socklen_t len = abstract_address(&a);
	int s = socket(AF_UNIX, SOCK_STREAM, 0);

	must("client socket()", s >= 0);
	must("connect()", connect(s, (struct sockaddr *)&a, len) == 0);
	return s;
}

static int listener(void)
{
	struct sockaddr_un a;
	socklen_t len = abstract_address(&a);
	int s = socket(AF_UNIX, SOCK_STREAM, 0);

	must("listener socket()", s >= 0);
	must("bind()", bind(s, (struct sockaddr *)&a, len) == 0);
	must("listen()", listen(s, 4) == 0);
	return s;
}

static void listening(void)
{
	int l = listener(), c, a, r;

	r = poll_now(l, POLLIN | POLLOUT);
	expect("poll: a listener with nobody waiting is not ready", r == 0,
	       "revents %#x", r);
	c = connect_to_name();
	r = poll_now(l, POLLIN);
	expect("poll: a listener with a connection waiting is readable",
	       r == POLLIN, "revents %#x", r);
	fcntl(l, F_SETFL, O_NONBLOCK);
	a = accept(l, NULL, NULL);
	expect("accept after POLLIN does not block", a >= 0, "errno %d",
	       errno);
	r = poll_now(l, POLLIN);
	expect("poll: the listener is not readable once accepted", r == 0,
	       "revents %#x", r);
	close(a);
	close(c);
	close(l);
}

/* Linux's answer for a stream socket with no peer yet: a write would
   not block (it fails at once), and there is nobody on the other end. */
static void unconnected(void)
{
	int s = socket(AF_UNIX, SOCK_STREAM, 0), r;

	must("socket()", s >= 0);
	r = poll_now(s, POLLIN | POLLOUT);
	expect("poll: a stream socket not yet connected: POLLOUT and POLLHUP",
	       r == (POLLOUT | POLLHUP), "revents %#x", r);
	close(s);
}

static void stream_rules(void)
{
	int sv[2], r;
	char c;

	must("socketpair()", socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	r = poll_now(sv[0], POLLIN | POLLOUT | POLLRDHUP);
	expect("poll: a fresh stream socket is writable, not readable",
	       r == POLLOUT, "revents %#x", r);
	write(sv[1], "x", 1);
	r = poll_now(sv[0], POLLIN | POLLRDHUP);
	expect("poll: readable after the peer writes", r == POLLIN,
	       "revents %#x", r);
	read(sv[0], &c, 1);
	shutdown(sv[1], SHUT_WR);
	r = poll_now(sv[0], POLLIN | POLLOUT | POLLRDHUP);
	expect("poll: POLLRDHUP after the peer's shutdown(SHUT_WR)",
	       r == (POLLIN | POLLOUT | POLLRDHUP), "revents %#x", r);
	close(sv[1]);
	r = poll_now(sv[0], POLLIN | POLLOUT | POLLRDHUP);
	expect("poll: POLLHUP and POLLRDHUP after the peer closes",
	       r == (POLLIN | POLLOUT | POLLHUP | POLLRDHUP), "revents %#x",
	       r);
	r = read(sv[0], &c, 1);
	expect("read after the peer closed gives end of file", r == 0,
	       "read gave %d", r);
	r = poll_now(sv[0], 0);
	expect("poll: POLLHUP even when no events are asked for",
	       r == POLLHUP, "revents %#x", r);
	close(sv[0]);
}

/* Shutting down one's own halves: SHUT_WR alone changes nothing poll
   shows (a write would not block: it fails with EPIPE), both halves
   read as the peer's close. */
static void own_shutdown(void)
{
	int sv[2], r;

	must("socketpair()", socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	shutdown(sv[0], SHUT_WR);
	r = poll_now(sv[0], POLLIN | POLLOUT | POLLRDHUP);
	expect("poll: after one's own shutdown(SHUT_WR), still POLLOUT",
	       r == POLLOUT, "revents %#x", r);
	shutdown(sv[0], SHUT_RD);
	r = poll_now(sv[0], POLLIN | POLLOUT | POLLRDHUP);
	expect("poll: after one's own shutdown of both halves, POLLHUP",
	       r == (POLLIN | POLLOUT | POLLHUP | POLLRDHUP), "revents %#x",
	       r);
	close(sv[0]);
	close(sv[1]);
}

static void full_send_buffer(void)
{
	char buf[4096] = { 0 };
	int sv[2], r;

	must("socketpair()", socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	fcntl(sv[0], F_SETFL, O_NONBLOCK);
	while (write(sv[0], buf, sizeof(buf)) > 0)
		;
	expect("writes until EAGAIN", errno == EAGAIN, "errno %d", errno);
	r = poll_now(sv[0], POLLOUT);
	expect("poll: a full socket is not writable", r == 0, "revents %#x",
	       r);
	fcntl(sv[1], F_SETFL, O_NONBLOCK);
	while (read(sv[1], buf, sizeof(buf)) > 0)
		;
	r = poll_now(sv[0], POLLOUT);
	expect("poll: writable again once the peer reads", r == POLLOUT,
	       "revents %#x", r);
	close(sv[0]);
	close(sv[1]);
}

static void datagrams(void)
{
	char buf[64] = { 0 }, c;
	int sv[2], r;

	must("socketpair()", socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == 0);
	r = poll_now(sv[0], POLLIN);
	expect("poll: a datagram socket with nothing queued is not readable",
	       r == 0, "revents %#x", r);
	send(sv[1], "d", 1, 0);
	r = poll_now(sv[0], POLLIN);
	expect("poll: a datagram socket is readable when a datagram waits",
	       r == POLLIN, "revents %#x", r);
	recv(sv[0], &c, 1, 0);
	r = poll_now(sv[0], POLLIN);
	expect("poll: not readable once the datagram is taken", r == 0,
	       "revents %#x", r);
	fcntl(sv[0], F_SETFL, O_NONBLOCK);
	fcntl(sv[1], F_SETFL, O_NONBLOCK);
	while (send(sv[0], buf, sizeof(buf), 0) > 0)
		;
	r = poll_now(sv[0], POLLOUT);
	expect("poll: a datagram sender whose receiver is full: no POLLOUT",
	       errno == EAGAIN && r == 0, "errno %d, revents %#x", errno, r);
	while (recv(sv[1], buf, sizeof(buf), 0) > 0)
		;
	r = poll_now(sv[0], POLLOUT);
	expect("poll: POLLOUT again once the receiver has read them all",
	       r == POLLOUT, "revents %#x", r);
	close(sv[0]);
	close(sv[1]);
}

static void bad_descriptor(void)
{
	int sv[2], fd, r;

	must("socketpair()", socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	fd = sv[0];
	close(sv[0]);
	close(sv[1]);
	r = poll_now(fd, POLLIN);
	expect("poll: POLLNVAL on a closed socket's number", r == POLLNVAL,
	       "revents %#x", r);
}

/* A pipe with data, a socket with none, a regular file (always ready):
   select sets exactly the ready ones. */
static void select_mix(void)
{
	struct timeval tv = { 0, 200000 };
	int p[2], sv[2], f, n, max;
	fd_set rd;

	must("pipe()", pipe(p) == 0);
	must("socketpair()", socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	f = open(disk_path("/bin/hello"), O_RDONLY);
	must("open /bin/hello", f >= 0);
	write(p[1], "x", 1);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	FD_SET(sv[0], &rd);
	FD_SET(f, &rd);
	max = p[0] > sv[0] ? p[0] : sv[0];
	max = max > f ? max : f;
	n = select(max + 1, &rd, NULL, NULL, &tv);
	expect("select: a pipe, a socket and a file, exactly the ready set",
	       n == 2 && FD_ISSET(p[0], &rd) && !FD_ISSET(sv[0], &rd) &&
		       FD_ISSET(f, &rd),
	       "select gave %d: pipe %d socket %d file %d", n,
	       FD_ISSET(p[0], &rd), FD_ISSET(sv[0], &rd), FD_ISSET(f, &rd));
	close(p[0]);
	close(p[1]);
	close(sv[0]);
	close(sv[1]);
	close(f);
}

static int peer;                /* what the child writes to */

static void child_writes(void)
{
	sleep_ms(100);
	write(peer, "x", 1);
}

static void child_connects(void)
{
	sleep_ms(100);
	close(connect_to_name());
}

/* poll(-1) waits until a child acts; the wait status is the child's. */
static int wait_for(int fd, void (*child)(void))
{
	struct pollfd pfd = { fd, POLLIN, 0 };
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		child();
		_exit(0);
	}
	if (poll(&pfd, 1, -1) != 1)
		pfd.revents = -1;
	waitpid(pid, &status, 0);
	return pfd.revents;
}

static void woken_by_a_child(void)
{
	int sv[2], l, r;

	must("socketpair()", socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	peer = sv[1];
	r = wait_for(sv[0], child_writes);
	expect("poll: waiting for ever, woken by a child's send", r == POLLIN,
	       "revents %#x", r);
	close(sv[0]);
	close(sv[1]);
	l = listener();
	r = wait_for(l, child_connects);
	expect("poll: waiting for ever, woken by a child's connect",
	       r == POLLIN, "revents %#x", r);
	close(l);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	listening();
	unconnected();
	stream_rules();
	own_shutdown();
	full_send_buffer();
	datagrams();
	bad_descriptor();
	select_mix();
	woken_by_a_child();
	return check_done();
}
