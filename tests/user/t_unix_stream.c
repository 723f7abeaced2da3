/*
 * AF_UNIX stream sockets: names in the file system and abstract ones,
 * listen/connect/accept and the backlog, the addresses getsockname and
 * getpeername give, end of file and EPIPE/SIGPIPE when the peer is gone,
 * shutdown, MSG_PEEK and MSG_WAITALL, passing fds (SCM_RIGHTS) and
 * credentials (SO_PEERCRED, SCM_CREDENTIALS), and a 1 MiB transfer with
 * a checksum between two processes. The socket files made here are
 * removed again; the harness's e2fsck then checks the disk.
 */
#define _GNU_SOURCE             /* accept4, struct ucred in glibc */
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
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>

#define ERR(call) ((call) < 0 ? -errno : 0)
#define PATH "/tmp/t_unix_stream.sock"
#define MiB (1024 * 1024)

static volatile int sigpipes;

static void on_sigpipe(int sig)
{
	(void)sig;
	sigpipes++;
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* A 100 ms one-shot SIGALRM. */
static void alarm_soon(void)
{
	struct itimerval it = { { 0, 0 }, { 0, 100000 } };

	setitimer(ITIMER_REAL, &it, NULL);
}

static void signals(void)
{
	int sv[2], r;
	char c = 0;

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	install_handler(SIGALRM, on_alarm, 0);
	alarm_soon();
	r = ERR(read(sv[0], &c, 1));
	expect("a signal during a blocking read: EINTR", r == -EINTR,
	       "got %d", r);
	install_handler(SIGALRM, on_alarm, SA_RESTART);
	pid_t pid = fork();
	if (pid == 0) {
		sleep_ms(400);
		write(sv[1], "r", 1);
		_exit(0);
	}
	alarm_soon();
	r = read(sv[0], &c, 1);
	waitpid(pid, NULL, 0);
	expect("with SA_RESTART the read goes on after the handler",
	       r == 1 && c == 'r', "got %d", r);
	struct timeval tv = { 5, 0 };
	setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	alarm_soon();
	r = ERR(read(sv[0], &c, 1));
	expect("with SO_RCVTIMEO set, even SA_RESTART gives EINTR",
	       r == -EINTR, "got %d", r);
	close(sv[0]);
	close(sv[1]);
}

static socklen_t path_addr(struct sockaddr_un *a, const char *path)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	strcpy(a->sun_path, path);
	return offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
}

/* An abstract name: a NUL, then the bytes of name (no NUL of its own). */
static socklen_t abstract_addr(struct sockaddr_un *a, const char *name)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	memcpy(a->sun_path + 1, name, strlen(name));
	return offsetof(struct sockaddr_un, sun_path) + 1 + strlen(name);
}

static int listener(const char *path, int backlog)
{
	struct sockaddr_un a;
	socklen_t len = path_addr(&a, path);
	int s = socket(AF_UNIX, SOCK_STREAM, 0);

	if (bind(s, (struct sockaddr *)&a, len) < 0 || listen(s, backlog) < 0)
		return -1;
	return s;
}

static int connect_to(const char *path, int flags)
{
	struct sockaddr_un a;
	socklen_t len = path_addr(&a, path);
	int s = socket(AF_UNIX, SOCK_STREAM | flags, 0);

	return connect(s, (struct sockaddr *)&a, len) < 0 ? -1 : s;
}

static void names(void)
{
	struct sockaddr_un a, got;
	socklen_t len = path_addr(&a, PATH), glen = sizeof(got);
	struct stat st;
	int r;

	unlink(PATH);
	umask(022);
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	r = bind(s, (struct sockaddr *)&a, len);
	expect("bind to a path makes a socket file",
	       r == 0 && stat(PATH, &st) == 0 && S_ISSOCK(st.st_mode),
	       "bind %d errno %d", r, errno);
	expect("... with mode 0777 less the umask", (st.st_mode & 0777) == 0755,
	       "mode %o", st.st_mode & 0777);
	r = getsockname(s, (struct sockaddr *)&got, &glen);
	expect("getsockname gives the path and its length",
	       r == 0 && glen == len && !strcmp(got.sun_path, PATH),
	       "len %u (want %u) path %s", glen, len, got.sun_path);
	struct sockaddr_un b;
	socklen_t blen = path_addr(&b, PATH "2");
	r = ERR(bind(s, (struct sockaddr *)&b, blen));
	expect("a second bind of one socket is EINVAL, and makes no file",
	       r == -EINVAL && stat(PATH "2", &st) < 0, "got %d", r);
	r = ERR(bind(s, (struct sockaddr *)&a, len));
	expect("a second bind to its own path is EADDRINUSE",
	       r == -EADDRINUSE, "got %d", r);
	int t = socket(AF_UNIX, SOCK_STREAM, 0);
	r = ERR(bind(t, (struct sockaddr *)&a, len));
	expect("bind to a path that exists is EADDRINUSE", r == -EADDRINUSE,
	       "got %d", r);
	r = ERR(connect(t, (struct sockaddr *)&a, len));
	expect("connect to a bound socket nobody listens on is ECONNREFUSED",
	       r == -ECONNREFUSED, "got %d", r);
	close(s);
	r = ERR(connect(t, (struct sockaddr *)&a, len));
	expect("connect to a socket file whose socket is closed is "
	       "ECONNREFUSED", r == -ECONNREFUSED, "got %d", r);
	unlink(PATH);
	r = ERR(connect(t, (struct sockaddr *)&a, len));
	expect("connect to a path that does not exist is ENOENT",
	       r == -ENOENT, "got %d", r);
	len = path_addr(&a, "/bin/sh");
	r = ERR(connect(t, (struct sockaddr *)&a, len));
	expect("connect to a file that is no socket is ECONNREFUSED",
	       r == -ECONNREFUSED, "got %d", r);
	glen = sizeof(got);
	r = getsockname(t, (struct sockaddr *)&got, &glen);
	expect("an unnamed socket's name is just the family",
	       r == 0 && glen == sizeof(sa_family_t) && got.sun_family == AF_UNIX,
	       "len %u", glen);
	r = ERR(getpeername(t, (struct sockaddr *)&got, &glen));
	expect("getpeername unconnected is ENOTCONN", r == -ENOTCONN,
	       "got %d", r);
	r = ERR(listen(t, 1));
	expect("listen on an unbound stream socket is EINVAL", r == -EINVAL,
	       "got %d", r);
	close(t);

	/* an address that fills sun_path, without a NUL, is a path too */
	struct sockaddr_un full;
	memset(&full, 'x', sizeof(full));
	full.sun_family = AF_UNIX;
	memcpy(full.sun_path, "/tmp/", 5);
	t = socket(AF_UNIX, SOCK_STREAM, 0);
	r = ERR(bind(t, (struct sockaddr *)&full, sizeof(full)));
	char name[sizeof(full.sun_path) + 1];
	memcpy(name, full.sun_path, sizeof(full.sun_path));
	name[sizeof(full.sun_path)] = 0;
	expect("a 108-byte path with no NUL binds", r == 0 &&
	       stat(name, &st) == 0, "got %d", r);
	unlink(name);
	close(t);
}

static void abstract(void)
{
	struct sockaddr_un a, got;
	socklen_t len = abstract_addr(&a, "t_unix_stream"), glen = sizeof(got);
	int s = socket(AF_UNIX, SOCK_STREAM, 0), r;

	r = bind(s, (struct sockaddr *)&a, len);
	listen(s, 4);
	getsockname(s, (struct sockaddr *)&got, &glen);
	expect("an abstract name binds, and getsockname gives its length",
	       r == 0 && glen == len && got.sun_path[0] == 0 &&
	       !memcmp(got.sun_path + 1, "t_unix_stream", 13),
	       "bind %d len %u (want %u)", r, glen, len);
	int t = socket(AF_UNIX, SOCK_STREAM, 0);
	r = ERR(bind(t, (struct sockaddr *)&a, len));
	expect("an abstract name in use is EADDRINUSE", r == -EADDRINUSE,
	       "got %d", r);
	r = connect(t, (struct sockaddr *)&a, len);
	int c = accept(s, NULL, NULL);
	glen = sizeof(got);
	getpeername(t, (struct sockaddr *)&got, &glen);
	expect("connect by abstract name; getpeername gives it", r == 0 &&
	       c >= 0 && glen == len, "connect %d accept %d len %u", r, c,
	       glen);
	close(c);
	close(t);
	struct sockaddr_un shorter;
	socklen_t slen = abstract_addr(&shorter, "t_unix_strea");
	t = socket(AF_UNIX, SOCK_STREAM, 0);
	r = ERR(connect(t, (struct sockaddr *)&shorter, slen));
	expect("an abstract name is its bytes: a prefix is another name",
	       r == -ECONNREFUSED, "got %d", r);
	close(t);
	close(s);
	t = socket(AF_UNIX, SOCK_STREAM, 0);
	r = bind(t, (struct sockaddr *)&a, len);
	expect("an abstract name is free again once its socket is closed",
	       r == 0, "errno %d", errno);
	close(t);

	t = socket(AF_UNIX, SOCK_STREAM, 0);
	r = bind(t, (struct sockaddr *)&a, sizeof(sa_family_t));
	glen = sizeof(got);
	getsockname(t, (struct sockaddr *)&got, &glen);
	expect("bind with only the family picks an abstract name (autobind)",
	       r == 0 && glen == offsetof(struct sockaddr_un, sun_path) + 6 &&
	       got.sun_path[0] == 0, "bind %d len %u", r, glen);
	close(t);
}

static void connect_accept(void)
{
	struct sockaddr_un got;
	socklen_t glen = sizeof(got);
	int s = listener(PATH, 4), r, v;
	socklen_t vlen = sizeof(v);

	getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, &v, &vlen);
	expect("SO_ACCEPTCONN of a listening socket is 1", v == 1, "%d", v);
	int c = connect_to(PATH, 0);
	int a = accept(s, (struct sockaddr *)&got, &glen);
	expect("connect and accept join two sockets", c >= 0 && a >= 0,
	       "connect %d accept %d errno %d", c, a, errno);
	expect("accept gives an unnamed client's address: the family only",
	       glen == sizeof(sa_family_t), "len %u", glen);
	glen = sizeof(got);
	getsockname(a, (struct sockaddr *)&got, &glen);
	expect("the accepted socket's name is the listener's",
	       !strcmp(got.sun_path, PATH), "%s", got.sun_path);
	glen = sizeof(got);
	getpeername(c, (struct sockaddr *)&got, &glen);
	expect("the client's peer is the listener's path",
	       !strcmp(got.sun_path, PATH), "%s", got.sun_path);
	struct sockaddr_un addr;
	socklen_t len = path_addr(&addr, PATH);
	r = ERR(connect(c, (struct sockaddr *)&addr, len));
	expect("connect of a connected socket is EISCONN", r == -EISCONN,
	       "got %d", r);
	r = ERR(connect(s, (struct sockaddr *)&addr, len));
	expect("connect of a listening socket is EINVAL", r == -EINVAL,
	       "got %d", r);
	write(c, "ping", 4);
	char buf[8] = "";
	r = read(a, buf, sizeof(buf));
	expect("bytes go from client to accepted socket", r == 4 &&
	       !memcmp(buf, "ping", 4), "read %d", r);
	int d = socket(AF_UNIX, SOCK_DGRAM, 0);
	r = ERR(connect(d, (struct sockaddr *)&addr, len));
	expect("a datagram socket connecting to a stream one is EPROTOTYPE",
	       r == -EPROTOTYPE, "got %d", r);
	close(d);
	close(a);
	close(c);

	/* bytes sent before accept() wait in the new connection */
	c = connect_to(PATH, 0);
	write(c, "early", 5);
	a = accept4(s, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
	r = read(a, buf, sizeof(buf));
	expect("bytes sent before accept arrive", r == 5, "read %d", r);
	expect("accept4 SOCK_NONBLOCK|SOCK_CLOEXEC sets both",
	       (fcntl(a, F_GETFL) & O_NONBLOCK) &&
	       fcntl(a, F_GETFD) == FD_CLOEXEC, "fl %x fd %d",
	       fcntl(a, F_GETFL), fcntl(a, F_GETFD));
	close(a);
	close(c);
	fcntl(s, F_SETFL, O_NONBLOCK);
	r = ERR(accept(s, NULL, NULL));
	expect("a non-blocking accept with nobody waiting is EAGAIN",
	       r == -EAGAIN, "got %d", r);
	close(s);
	unlink(PATH);
}

static void backlog(void)
{
	int s = listener(PATH, 1), c[3], r;

	c[0] = connect_to(PATH, SOCK_NONBLOCK);
	c[1] = connect_to(PATH, SOCK_NONBLOCK);
	c[2] = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	struct sockaddr_un a;
	socklen_t len = path_addr(&a, PATH);
	r = ERR(connect(c[2], (struct sockaddr *)&a, len));
	expect("listen(1) queues two connections (backlog + 1)",
	       c[0] >= 0 && c[1] >= 0, "%d %d", c[0], c[1]);
	expect("a non-blocking connect past the backlog is EAGAIN",
	       r == -EAGAIN, "got %d", r);
	pid_t pid = fork();
	if (pid == 0) {                 /* blocks until the parent accepts */
		int t = connect_to(PATH, 0);
		_exit(t < 0);
	}
	sleep_ms(200);
	int got = accept(s, NULL, NULL);
	int status;
	waitpid(pid, &status, 0);
	expect("a blocking connect past the backlog waits for an accept",
	       got >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "%s", describe(status));
	close(got);
	for (int i = 0; i < 3; i++)
		close(c[i]);
	close(s);
	unlink(PATH);

	/* the listener closed with connections nobody accepted */
	s = listener(PATH, 4);
	int k = connect_to(PATH, 0);
	close(s);
	char ch;
	r = ERR(read(k, &ch, 1));
	expect("a connection the listener closed before accepting: "
	       "ECONNRESET", r == -ECONNRESET, "got %d", r);
	close(k);
	unlink(PATH);
}

static void end_of_stream(void)
{
	int sv[2], r;
	char buf[8];

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	write(sv[0], "bye", 3);
	close(sv[0]);
	r = read(sv[1], buf, sizeof(buf));
	int eof = read(sv[1], buf, sizeof(buf));
	expect("the peer's last bytes, then end of file", r == 3 && eof == 0,
	       "read %d then %d", r, eof);
	sigpipes = 0;
	r = ERR(write(sv[1], "x", 1));
	expect("writing to a closed peer is EPIPE and SIGPIPE",
	       r == -EPIPE && sigpipes == 1, "got %d, %d SIGPIPEs", r, sigpipes);
	r = ERR(send(sv[1], "x", 1, MSG_NOSIGNAL));
	expect("MSG_NOSIGNAL: EPIPE without SIGPIPE",
	       r == -EPIPE && sigpipes == 1, "got %d, %d SIGPIPEs", r, sigpipes);
	close(sv[1]);

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	shutdown(sv[0], SHUT_WR);
	r = read(sv[1], buf, sizeof(buf));
	expect("shutdown(SHUT_WR): the peer reads end of file", r == 0,
	       "read %d", r);
	r = ERR(send(sv[0], "x", 1, MSG_NOSIGNAL));
	expect("... and the shut end's writes are EPIPE", r == -EPIPE,
	       "got %d", r);
	r = write(sv[1], "back", 4);
	int n = read(sv[0], buf, sizeof(buf));
	expect("... while the other direction still works", r == 4 && n == 4,
	       "%d %d", r, n);
	shutdown(sv[0], SHUT_RD);
	r = ERR(send(sv[1], "x", 1, MSG_NOSIGNAL));
	expect("shutdown(SHUT_RD): the peer's writes are EPIPE", r == -EPIPE,
	       "got %d", r);
	close(sv[0]);
	close(sv[1]);
}

static void peek_waitall(void)
{
	int sv[2], r;
	char buf[16] = "";

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	write(sv[0], "abc", 3);
	write(sv[0], "def", 3);
	r = recv(sv[1], buf, sizeof(buf), MSG_PEEK);
	expect("MSG_PEEK sees the bytes of several writes", r == 6 &&
	       !memcmp(buf, "abcdef", 6), "got %d", r);
	r = recv(sv[1], buf, 4, 0);
	expect("... and leaves them to be read", r == 4 &&
	       !memcmp(buf, "abcd", 4), "got %d", r);
	r = read(sv[1], buf, sizeof(buf));
	expect("a read takes what is left", r == 2 && !memcmp(buf, "ef", 2),
	       "got %d", r);
	pid_t pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 4; i++) {
			sleep_ms(20);
			write(sv[0], "xy", 2);
		}
		_exit(0);
	}
	r = recv(sv[1], buf, 8, MSG_WAITALL);
	waitpid(pid, NULL, 0);
	expect("MSG_WAITALL waits for the whole count", r == 8, "got %d", r);
	close(sv[0]);
	close(sv[1]);
}

static int send_fds(int s, const int *fds, int n, const char *byte)
{
	char cbuf[CMSG_SPACE(4 * sizeof(int))];
	struct iovec iov = { (void *)byte, 1 };
	struct msghdr m = { 0 };
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = cbuf;
	m.msg_controllen = CMSG_SPACE(n * sizeof(int));
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(n * sizeof(int));
	memcpy(CMSG_DATA(c), fds, n * sizeof(int));
	return sendmsg(s, &m, 0);
}

/* Receive one byte and up to max fds: the count of fds, or -errno. */
static int recv_fds(int s, int *fds, int max, int *flags)
{
	char cbuf[CMSG_SPACE(4 * sizeof(int))], byte;
	struct iovec iov = { &byte, 1 };
	struct msghdr m = { 0 };
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = cbuf;
	m.msg_controllen = CMSG_SPACE(max * sizeof(int));
	if (recvmsg(s, &m, 0) < 0)
		return -errno;
	*flags = m.msg_flags;
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	if (!c || c->cmsg_type != SCM_RIGHTS)
		return 0;
	int n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
	memcpy(fds, CMSG_DATA(c), n * sizeof(int));
	return n;
}

static void pass_fds(void)
{
	int sv[2], p[2], got[4], flags = 0, r;
	char buf[16] = "";

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	pipe(p);
	pid_t pid = fork();
	if (pid == 0) {                 /* gets the pipe's write end */
		close(p[1]);
		close(p[0]);
		int n = recv_fds(sv[1], got, 4, &flags);
		_exit(n == 1 && write(got[0], "via fd", 6) == 6 ? 0 : 1);
	}
	r = send_fds(sv[0], &p[1], 1, "!");
	close(p[1]);
	int status;
	waitpid(pid, &status, 0);
	int n = read(p[0], buf, sizeof(buf));
	expect("SCM_RIGHTS: a child writes to a pipe it got as a passed fd",
	       r == 1 && WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	       n == 6, "sendmsg %d, child %s, read %d", r, describe(status), n);
	n = read(p[0], buf, sizeof(buf));
	expect("... and the passed write end is closed with the child",
	       n == 0, "read %d", n);
	close(p[0]);

	/* two fds, and too little room for them */
	pipe(p);
	send_fds(sv[0], p, 2, "2");
	n = recv_fds(sv[1], got, 2, &flags);
	expect("two fds in one message", n == 2 && got[0] != got[1],
	       "got %d", n);
	write(got[1], "z", 1);
	r = read(got[0], buf, 1);
	expect("... which are the pipe's two ends", r == 1 && buf[0] == 'z',
	       "read %d", r);
	close(got[0]);
	close(got[1]);
	send_fds(sv[0], p, 2, "3");
	n = recv_fds(sv[1], got, 1, &flags);
	expect("room for one of two fds: one, and MSG_CTRUNC",
	       n == 1 && (flags & MSG_CTRUNC), "got %d flags %x", n, flags);
	close(got[0]);
	close(p[0]);
	/* p[1] is held only by us now: the second fd was closed */
	sigpipes = 0;
	r = ERR(write(p[1], "x", 1));
	expect("... and the fd that did not fit is closed, not leaked",
	       r == -EPIPE, "write %d", r);
	close(p[1]);

	/* fds in flight when the receiving socket is closed unread */
	pipe(p);
	send_fds(sv[0], &p[0], 1, "4");
	close(p[0]);
	close(sv[1]);
	r = ERR(write(p[1], "x", 1));
	expect("an fd in flight is closed with the unread socket",
	       r == -EPIPE, "write %d", r);
	close(p[1]);
	close(sv[0]);
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	int bad = 99;
	r = ERR(send_fds(sv[0], &bad, 1, "7"));
	expect("passing an fd that is not open is EBADF", r == -EBADF,
	       "got %d", r);
	close(sv[0]);
	close(sv[1]);
}

static void credentials(void)
{
	int s = listener(PATH, 4), c, a;
	struct ucred cr = { 0 };
	socklen_t len = sizeof(cr);

	pid_t pid = fork();
	if (pid == 0) {
		c = connect_to(PATH, 0);
		char ch;
		read(c, &ch, 1);        /* until the parent is done */
		_exit(0);
	}
	a = accept(s, NULL, NULL);
	getsockopt(a, SOL_SOCKET, SO_PEERCRED, &cr, &len);
	expect("SO_PEERCRED on an accepted socket: the client's pid",
	       cr.pid == pid && len == sizeof(cr), "pid %d (want %d) len %u",
	       cr.pid, pid, len);
	write(a, "x", 1);
	waitpid(pid, NULL, 0);
	close(a);
	close(s);
	unlink(PATH);

	int sv[2], on = 1;
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &cr, &len);
	expect("SO_PEERCRED of a socketpair: our own pid, uid, gid",
	       cr.pid == getpid() && cr.uid == getuid() && cr.gid == getgid(),
	       "pid %d uid %u", cr.pid, cr.uid);
	setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof(on));
	write(sv[0], "c", 1);
	char cbuf[CMSG_SPACE(sizeof(struct ucred))], ch;
	struct iovec iov = { &ch, 1 };
	struct msghdr m = { 0 };
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = cbuf;
	m.msg_controllen = sizeof(cbuf);
	int r = recvmsg(sv[1], &m, 0);
	struct cmsghdr *h = CMSG_FIRSTHDR(&m);
	struct ucred *u = h ? (struct ucred *)CMSG_DATA(h) : NULL;
	expect("SO_PASSCRED: SCM_CREDENTIALS with the sender's pid",
	       r == 1 && h && h->cmsg_type == SCM_CREDENTIALS &&
	       u->pid == getpid(), "recvmsg %d", r);
	close(sv[0]);
	close(sv[1]);
}

static unsigned int checksum_step(unsigned int sum, unsigned char c)
{
	return (sum << 5) + sum + c;
}

static void one_mib(void)
{
	int s = listener(PATH, 4);
	static unsigned char buf[64 * 1024];

	pid_t pid = fork();
	if (pid == 0) {                 /* the sender */
		int c = connect_to(PATH, 0);
		unsigned int sum = 5381;
		for (long i = 0; i < MiB; i += sizeof(buf)) {
			for (size_t j = 0; j < sizeof(buf); j++)
				buf[j] = (unsigned char)((i + j) * 2654435761u >> 24);
			for (size_t j = 0; j < sizeof(buf); j++)
				sum = checksum_step(sum, buf[j]);
			size_t off = 0;
			while (off < sizeof(buf)) {
				ssize_t w = write(c, buf + off, sizeof(buf) - off);
				if (w <= 0)
					_exit(2);
				off += w;
			}
		}
		write(c, &sum, sizeof(sum));
		_exit(0);
	}
	int a = accept(s, NULL, NULL);
	unsigned int sum = 5381, theirs = 0;
	long total = 0;
	ssize_t r;
	while (total < MiB && (r = read(a, buf, MiB - total < (long)sizeof(buf)
					 ? (size_t)(MiB - total) : sizeof(buf))) > 0) {
		for (ssize_t j = 0; j < r; j++)
			sum = checksum_step(sum, buf[j]);
		total += r;
	}
	r = recv(a, &theirs, sizeof(theirs), MSG_WAITALL);
	int status;
	waitpid(pid, &status, 0);
	expect("1 MiB between two processes, checksums agree",
	       total == MiB && r == sizeof(theirs) && sum == theirs &&
	       WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "got %ld bytes, sum %x vs %x, sender %s", total, sum, theirs,
	       describe(status));
	close(a);
	close(s);
	unlink(PATH);
}

static void sndbuf_limit(void)
{
	int sv[2], v = 4096, r;
	long sent = 0;
	static char buf[4096];

	socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv);
	setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, sizeof(v));
	while ((r = write(sv[0], buf, sizeof(buf))) > 0 && sent < 1024 * 1024)
		sent += r;
	expect("SO_SNDBUF bounds what a writer may run ahead",
	       r < 0 && errno == EAGAIN && sent >= 4096 && sent <= 64 * 1024,
	       "sent %ld before %s", sent, r < 0 ? strerror(errno) : "no stop");
	close(sv[0]);
	close(sv[1]);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	install_handler(SIGPIPE, on_sigpipe, 0);
	names();
	abstract();
	connect_accept();
	backlog();
	end_of_stream();
	peek_waitall();
	pass_fds();
	credentials();
	one_mib();
	sndbuf_limit();
	signals();
	return check_done();
}
