/*
 * AF_UNIX datagram sockets: each send is one message, kept whole or cut
 * (MSG_TRUNC); sendto and recvfrom with path and abstract names; the
 * connected peer as a default destination, and who may send to a
 * connected socket (EPERM); a full queue (EAGAIN, or a wait); EMSGSIZE;
 * a closed peer (ECONNREFUSED); autobind with SO_PASSCRED; SCM_RIGHTS.
 */
#define _GNU_SOURCE
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#define ERR(call) ((call) < 0 ? -errno : 0)
#define PATH_A "/tmp/t_unix_dgram.a"
#define PATH_B "/tmp/t_unix_dgram.b"

static socklen_t path_addr(struct sockaddr_un *a, const char *path)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	strcpy(a->sun_path, path);
	return offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
}

static int bound(const char *path)
{
	struct sockaddr_un a;
	socklen_t len = path_addr(&a, path);
	int s = socket(AF_UNIX, SOCK_DGRAM, 0);

	unlink(path);
	return bind(s, (struct sockaddr *)&a, len) < 0 ? -1 : s;
}

static void boundaries(void)
{
	int sv[2], r;
	char buf[16] = "";
	struct msghdr m = { 0 };
	struct iovec iov = { buf, 4 };

	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	send(sv[0], "one", 3, 0);
	send(sv[0], "two!", 4, 0);
	send(sv[0], "", 0, 0);
	r = recv(sv[1], buf, sizeof(buf), 0);
	expect("a datagram is read whole, not joined to the next",
	       r == 3 && !memcmp(buf, "one", 3), "got %d", r);
	r = recv(sv[1], buf, 2, MSG_PEEK);
	expect("MSG_PEEK of part of a datagram", r == 2, "got %d", r);
	r = recv(sv[1], buf, 2, MSG_TRUNC);
	expect("a short buffer with MSG_TRUNC: the datagram's full length",
	       r == 4 && !memcmp(buf, "tw", 2), "got %d", r);
	r = recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT);
	expect("an empty datagram is a message too", r == 0, "got %d", r);
	send(sv[0], "123456", 6, 0);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	r = recvmsg(sv[1], &m, 0);
	expect("recvmsg of a longer datagram: its start and MSG_TRUNC",
	       r == 4 && (m.msg_flags & MSG_TRUNC), "got %d flags %x", r,
	       m.msg_flags);
	r = ERR(recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT));
	expect("... and the rest is gone", r == -EAGAIN, "got %d", r);

	struct iovec two[2] = { { "ab", 2 }, { "cde", 3 } };
	struct msghdr g = { 0 };
	g.msg_iov = two;
	g.msg_iovlen = 2;
	r = sendmsg(sv[0], &g, 0);
	int n = recv(sv[1], buf, sizeof(buf), 0);
	expect("sendmsg's iovecs make one datagram", r == 5 && n == 5 &&
	       !memcmp(buf, "abcde", 5), "sent %d got %d", r, n);
	close(sv[0]);
	close(sv[1]);
}

static void addresses(void)
{
	int a = bound(PATH_A), b = bound(PATH_B), u = socket(AF_UNIX, SOCK_DGRAM, 0);
	struct sockaddr_un to, from;
	socklen_t tolen = path_addr(&to, PATH_A), flen = sizeof(from);
	char buf[16];
	int r;

	r = sendto(b, "hi", 2, 0, (struct sockaddr *)&to, tolen);
	int n = recvfrom(a, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen);
	expect("recvfrom names a bound sender", r == 2 && n == 2 &&
	       !strcmp(from.sun_path, PATH_B) &&
	       flen == path_addr(&to, PATH_B), "sent %d got %d from %s len %u",
	       r, n, from.sun_path, flen);
	tolen = path_addr(&to, PATH_A);
	sendto(u, "x", 1, 0, (struct sockaddr *)&to, tolen);
	flen = sizeof(from);
	n = recvfrom(a, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen);
	expect("an unnamed sender's address has length 0", n == 1 && flen == 0,
	       "got %d len %u", n, flen);
	r = ERR(send(u, "x", 1, 0));
	expect("send on an unconnected datagram socket is ENOTCONN",
	       r == -ENOTCONN, "got %d", r);
	struct sockaddr_un none;
	socklen_t nlen = path_addr(&none, "/tmp/t_unix_dgram.none");
	r = ERR(sendto(u, "x", 1, 0, (struct sockaddr *)&none, nlen));
	expect("sendto a path that does not exist is ENOENT", r == -ENOENT,
	       "got %d", r);

	/* connect: the default destination; a connected socket hears only
	   its peer */
	tolen = path_addr(&to, PATH_A);
	r = connect(b, (struct sockaddr *)&to, tolen);
	r = r == 0 ? send(b, "c", 1, 0) : -1;
	n = recv(a, buf, sizeof(buf), 0);
	expect("connect sets the destination of send", r == 1 && n == 1,
	       "send %d recv %d", r, n);
	tolen = path_addr(&to, PATH_B);
	connect(a, (struct sockaddr *)&to, tolen);
	r = ERR(sendto(u, "x", 1, 0, (struct sockaddr *)&to, tolen));
	expect("sendto a socket connected to another is EPERM", r == -EPERM,
	       "got %d", r);
	struct sockaddr unspec = { AF_UNSPEC, "" };
	r = connect(b, &unspec, sizeof(unspec));
	r = r == 0 ? ERR(send(b, "x", 1, 0)) : r;
	expect("connect to AF_UNSPEC forgets the destination", r == -ENOTCONN,
	       "got %d", r);
	close(a);
	tolen = path_addr(&to, PATH_A);
	r = ERR(sendto(b, "x", 1, 0, (struct sockaddr *)&to, tolen));
	expect("sendto a closed socket's path is ECONNREFUSED",
	       r == -ECONNREFUSED, "got %d", r);
	close(b);
	close(u);
	unlink(PATH_A);
	unlink(PATH_B);

	int sv[2];
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	close(sv[1]);
	r = ERR(send(sv[0], "x", 1, 0));
	expect("send to a closed peer is ECONNREFUSED", r == -ECONNREFUSED,
	       "got %d", r);
	close(sv[0]);
}

static void abstract_autobind(void)
{
	struct sockaddr_un a = { AF_UNIX, "" }, from;
	socklen_t len = offsetof(struct sockaddr_un, sun_path) + 9;
	memcpy(a.sun_path + 1, "dgram_ab", 8);
	int s = socket(AF_UNIX, SOCK_DGRAM, 0), c = socket(AF_UNIX, SOCK_DGRAM, 0);
	int on = 1, r, n;
	char buf[8];

	r = bind(s, (struct sockaddr *)&a, len);
	setsockopt(c, SOL_SOCKET, SO_PASSCRED, &on, sizeof(on));
	r = r == 0 ? sendto(c, "a", 1, 0, (struct sockaddr *)&a, len) : -1;
	socklen_t flen = sizeof(from);
	n = recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen);
	expect("sendto an abstract name", r == 1 && n == 1, "%d %d", r, n);
	expect("a SO_PASSCRED sender is autobound: its abstract name arrives",
	       flen == offsetof(struct sockaddr_un, sun_path) + 6 &&
	       from.sun_path[0] == 0, "len %u", flen);
	close(s);
	close(c);
}

/* Drain s without waiting. */
static void drain(int s)
{
	char buf[8];

	while (recv(s, buf, sizeof(buf), MSG_DONTWAIT) >= 0)
		;
}

static void full_queue(void)
{
	int sv[2], r, sent = 0;

	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	while ((r = send(sv[0], "q", 1, MSG_DONTWAIT)) == 1 && sent < 100000)
		sent++;
	expect("the send buffer bounds what a peer has not read: EAGAIN",
	       r < 0 && errno == EAGAIN && sent >= 10, "sent %d, then %d", sent,
	       r);
	pid_t pid = fork();
	if (pid == 0) {
		sleep_ms(200);
		drain(sv[1]);
		_exit(0);
	}
	r = send(sv[0], "w", 1, 0);
	waitpid(pid, NULL, 0);
	expect("a blocking send waits for the reader", r == 1, "got %d", r);
	close(sv[0]);
	close(sv[1]);

	/* a receiver not connected back holds max_dgram_qlen + 1 */
	int s = bound(PATH_A), u = socket(AF_UNIX, SOCK_DGRAM, 0);
	struct sockaddr_un to;
	socklen_t tolen = path_addr(&to, PATH_A);
	sent = 0;
	while ((r = sendto(u, "q", 1, MSG_DONTWAIT, (struct sockaddr *)&to,
			   tolen)) == 1 && sent < 100000)
		sent++;
	expect("a bound receiver's queue fills up: EAGAIN",
	       r < 0 && errno == EAGAIN && sent >= 10 && sent < 1000,
	       "sent %d, then %d", sent, r);
	pid = fork();
	if (pid == 0) {
		sleep_ms(200);
		drain(s);
		_exit(0);
	}
	r = sendto(u, "w", 1, 0, (struct sockaddr *)&to, tolen);
	waitpid(pid, NULL, 0);
	expect("a blocking sendto waits for room in the queue", r == 1,
	       "got %d", r);
	close(s);
	close(u);
	unlink(PATH_A);

	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	static char big[300 * 1024];
	r = ERR(send(sv[0], big, sizeof(big), 0));
	expect("a datagram larger than the send buffer is EMSGSIZE",
	       r == -EMSGSIZE, "got %d", r);
	r = send(sv[0], big, 100 * 1024, 0);
	int n = recv(sv[1], big, sizeof(big), 0);
	expect("a 100 KiB datagram goes whole", r == 100 * 1024 && n == r,
	       "sent %d got %d", r, n);
	close(sv[0]);
	close(sv[1]);
}

static void pass_fd(void)
{
	int sv[2], p[2], r;
	char cbuf[CMSG_SPACE(sizeof(int))], byte = 'f', buf[8];
	struct iovec iov = { &byte, 1 };
	struct msghdr m = { 0 };

	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	pipe(p);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = cbuf;
	m.msg_controllen = sizeof(cbuf);
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &p[1], sizeof(int));
	r = sendmsg(sv[0], &m, 0);
	close(p[1]);
	memset(cbuf, 0, sizeof(cbuf));
	m.msg_controllen = sizeof(cbuf);
	int n = recvmsg(sv[1], &m, MSG_CMSG_CLOEXEC);
	c = CMSG_FIRSTHDR(&m);
	int fd = -1;
	if (c && c->cmsg_type == SCM_RIGHTS)
		memcpy(&fd, CMSG_DATA(c), sizeof(int));
	expect("SCM_RIGHTS over a datagram socket", r == 1 && n == 1 && fd >= 0,
	       "sent %d got %d fd %d", r, n, fd);
	expect("MSG_CMSG_CLOEXEC marks the new fd close-on-exec",
	       fcntl(fd, F_GETFD) == FD_CLOEXEC, "flags %d",
	       fcntl(fd, F_GETFD));
	write(fd, "ok", 2);
	close(fd);
	n = read(p[0], buf, sizeof(buf));
	int eof = read(p[0], buf, sizeof(buf));
	expect("... the received fd is the pipe's write end", n == 2 && eof == 0,
	       "read %d then %d", n, eof);
	close(p[0]);
	close(sv[0]);
	close(sv[1]);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	signal(SIGPIPE, SIG_IGN);
	boundaries();
	addresses();
	abstract_autobind();
	full_queue();
	pass_fd();
	return check_done();
}
