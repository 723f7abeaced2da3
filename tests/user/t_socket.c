/*
 * The socket layer: each call's errors (the fd, the numbers, the user's
 * pointers), the socketcall(102) multiplexer beside the direct calls, the
 * socket options, and a socket as a file - read, write, fstat, fcntl
 * (O_NONBLOCK), dup, fork and close-on-exec work on it as on any file.
 * AF_UNIX's own behaviour is in t_unix_stream.c and t_unix_dgram.c.
 *
 * The program execs itself in a helper mode, --fd-open N, which exits 0
 * if fd N is open and 1 if not: that is how close-on-exec is seen.
 */
#define _GNU_SOURCE             /* accept4() in glibc, for runs on Linux */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>

#define NR_socketcall 102
#define BAD ((void *)8)         /* an address no program has */

static const char *self;

/* -errno of a call that should fail, or its result. */
#define ERR(call) ((call) < 0 ? -errno : 0)

static int socketcall(int call, unsigned long *args)
{
	return syscall(NR_socketcall, call, args);
}

static int lowest_free_fd(void)
{
	int fd = dup(0);

	close(fd);
	return fd;
}

static void socket_errors(void)
{
	int r;

	r = ERR(socket(99, SOCK_STREAM, 0));
	expect("socket: an unknown family is EAFNOSUPPORT", r == -EAFNOSUPPORT,
	       "got %d", r);
	r = ERR(socket(-1, SOCK_STREAM, 0));
	expect("socket: a negative family is EAFNOSUPPORT", r == -EAFNOSUPPORT,
	       "got %d", r);
	r = ERR(socket(AF_UNIX, 12, 0));
	expect("socket: a type past the last is EINVAL", r == -EINVAL,
	       "got %d", r);
	r = ERR(socket(AF_UNIX, SOCK_STREAM | 0x100000, 0));
	expect("socket: an unknown flag in type is EINVAL", r == -EINVAL,
	       "got %d", r);
	r = ERR(socket(AF_UNIX, 0, 0));
	expect("socket: type 0 in AF_UNIX is ESOCKTNOSUPPORT",
	       r == -ESOCKTNOSUPPORT, "got %d", r);
	r = ERR(socket(AF_UNIX, SOCK_STREAM, 7));
	expect("socket: an unknown protocol is EPROTONOSUPPORT",
	       r == -EPROTONOSUPPORT, "got %d", r);
	r = socket(AF_UNIX, SOCK_STREAM, PF_UNIX);
	expect("socket: protocol PF_UNIX is AF_UNIX's own", r >= 0,
	       "errno %d", errno);
	close(r);
	r = socket(AF_UNIX, SOCK_RAW, 0);
	int type = 0;
	socklen_t len = sizeof(type);
	getsockopt(r, SOL_SOCKET, SO_TYPE, &type, &len);
	expect("socket: AF_UNIX takes SOCK_RAW for SOCK_DGRAM",
	       r >= 0 && type == SOCK_DGRAM, "fd %d type %d", r, type);
	close(r);
}

static void not_a_socket(void)
{
	struct sockaddr_un a = { AF_UNIX, "/tmp/x" };
	int p[2], r;

	pipe(p);
	r = ERR(bind(p[0], (struct sockaddr *)&a, sizeof(a)));
	expect("bind on a pipe is ENOTSOCK", r == -ENOTSOCK, "got %d", r);
	r = ERR(listen(p[0], 1));
	expect("listen on a pipe is ENOTSOCK", r == -ENOTSOCK, "got %d", r);
	r = ERR(send(p[1], "x", 1, 0));
	expect("send on a pipe is ENOTSOCK", r == -ENOTSOCK, "got %d", r);
	r = ERR(shutdown(p[0], SHUT_RD));
	expect("shutdown on a pipe is ENOTSOCK", r == -ENOTSOCK, "got %d", r);
	close(p[0]);
	close(p[1]);
	r = ERR(connect(99, (struct sockaddr *)&a, sizeof(a)));
	expect("connect on a closed fd is EBADF", r == -EBADF, "got %d", r);
	r = ERR(accept(-1, NULL, NULL));
	expect("accept on fd -1 is EBADF", r == -EBADF, "got %d", r);
}

static void bad_pointers(void)
{
	int s = socket(AF_UNIX, SOCK_DGRAM, 0), sv[2], r;
	int before = lowest_free_fd();
	socklen_t len = 4;

	r = ERR(bind(s, BAD, sizeof(struct sockaddr_un)));
	expect("bind with a bad address is EFAULT", r == -EFAULT, "got %d", r);
	r = ERR(socketpair(AF_UNIX, SOCK_STREAM, 0, BAD));
	expect("socketpair with a bad array is EFAULT", r == -EFAULT,
	       "got %d", r);
	expect("a failed socketpair leaves no fd behind",
	       lowest_free_fd() == before, "lowest free fd %d, was %d",
	       lowest_free_fd(), before);
	r = ERR(getsockname(s, BAD, &len));
	expect("getsockname into a bad buffer is EFAULT", r == -EFAULT,
	       "got %d", r);
	r = ERR(getsockopt(s, SOL_SOCKET, SO_TYPE, &r, BAD));
	expect("getsockopt with a bad length pointer is EFAULT", r == -EFAULT,
	       "got %d", r);
	r = ERR(sendmsg(s, BAD, 0));
	expect("sendmsg with a bad msghdr is EFAULT", r == -EFAULT, "got %d", r);
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	/* (On an unconnected socket Linux says ENOTCONN first: the bytes
	   are only looked at when they are copied.) */
	r = ERR(sendto(sv[0], BAD, 10, 0, NULL, 0));
	expect("sendto from a bad buffer is EFAULT", r == -EFAULT, "got %d", r);
	send(sv[0], "abc", 3, 0);
	r = ERR(recv(sv[1], BAD, 10, 0));
	expect("recv into a bad buffer is EFAULT", r == -EFAULT, "got %d", r);
	close(sv[0]);
	close(sv[1]);
	close(s);
}

/* The same calls through socketcall: the arguments are words in an
   array, which is a user pointer too. */
static void through_socketcall(void)
{
	int sv[2];
	char got[8] = "";
	unsigned long a[6] = { AF_UNIX, SOCK_STREAM, 0, (unsigned long)sv };
	int r = socketcall(8 /* SYS_SOCKETPAIR */, a);

	expect("socketcall(SYS_SOCKETPAIR) makes a pair", r == 0,
	       "errno %d", errno);
	unsigned long s[4] = { sv[0], (unsigned long)"hey", 3, 0 };
	unsigned long v[4] = { sv[1], (unsigned long)got, sizeof(got), 0 };
	r = socketcall(9 /* SYS_SEND */, s);
	int n = socketcall(10 /* SYS_RECV */, v);
	expect("socketcall(SYS_SEND) and (SYS_RECV) move bytes",
	       r == 3 && n == 3 && !memcmp(got, "hey", 3), "%d %d", r, n);
	unsigned long t[3] = { AF_UNIX, SOCK_DGRAM, 0 };
	int fd = socketcall(1 /* SYS_SOCKET */, t);
	int type = 0;
	socklen_t len = sizeof(type);
	getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len);
	expect("socketcall(SYS_SOCKET) gives a socket of the type asked",
	       fd >= 0 && type == SOCK_DGRAM, "fd %d type %d", fd, type);
	close(fd);
	r = ERR(socketcall(0, a));
	expect("socketcall(0) is EINVAL", r == -EINVAL, "got %d", r);
	r = ERR(socketcall(21, a));
	expect("socketcall(21) is EINVAL", r == -EINVAL, "got %d", r);
	r = ERR(socketcall(1, BAD));
	expect("socketcall with a bad argument array is EFAULT", r == -EFAULT,
	       "got %d", r);
	close(sv[0]);
	close(sv[1]);
}

static void as_a_file(void)
{
	int sv[2], r;
	char got[8] = "";
	struct stat st;

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	r = fstat(sv[0], &st);
	expect("fstat says a socket is S_IFSOCK", r == 0 && S_ISSOCK(st.st_mode),
	       "mode %o", st.st_mode);
	r = write(sv[0], "abc", 3);
	int n = read(sv[1], got, sizeof(got));
	expect("write and read work on a socket", r == 3 && n == 3 &&
	       !memcmp(got, "abc", 3), "write %d read %d", r, n);
	expect("a read of 0 bytes returns 0", read(sv[1], got, 0) == 0,
	       "errno %d", errno);
	int d = dup(sv[0]);
	close(sv[0]);
	r = write(d, "de", 2);
	n = read(sv[1], got, sizeof(got));
	expect("a dup'd socket fd still works after the first is closed",
	       r == 2 && n == 2 && !memcmp(got, "de", 2), "%d %d", r, n);
	pid_t pid = fork();
	if (pid == 0) {
		write(d, "child", 5);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	n = read(sv[1], got, sizeof(got));
	expect("a forked child writes to the parent's socket",
	       n == 5 && !memcmp(got, "child", 5), "read %d", n);
	ioctl(d, FIONREAD, &n);
	send(d, "12345", 5, 0);
	ioctl(sv[1], FIONREAD, &n);
	expect("ioctl FIONREAD counts the bytes waiting", n == 5, "%d", n);
	close(d);
	close(sv[1]);
}

static void nonblocking(void)
{
	int sv[2], r;
	char c;

	socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv);
	expect("SOCK_NONBLOCK shows as O_NONBLOCK",
	       fcntl(sv[0], F_GETFL) & O_NONBLOCK, "flags %x",
	       fcntl(sv[0], F_GETFL));
	r = ERR(read(sv[0], &c, 1));
	expect("a non-blocking read with nothing there is EAGAIN",
	       r == -EAGAIN, "got %d", r);
	fcntl(sv[0], F_SETFL, 0);
	r = ERR(recv(sv[0], &c, 1, MSG_DONTWAIT));
	expect("MSG_DONTWAIT is EAGAIN on a blocking socket", r == -EAGAIN,
	       "got %d", r);
	close(sv[0]);
	close(sv[1]);
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	fcntl(sv[0], F_SETFL, O_NONBLOCK);
	r = ERR(recv(sv[0], &c, 1, 0));
	expect("fcntl(O_NONBLOCK) makes a socket's reads EAGAIN", r == -EAGAIN,
	       "got %d", r);
	close(sv[0]);
	close(sv[1]);
}

/* 0 if fd is open in a freshly exec'd program, 1 if not. */
static int open_after_exec(int fd)
{
	char arg[16];
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		snprintf(arg, sizeof(arg), "%d", fd);
		execl(self, self, "--fd-open", arg, (char *)NULL);
		_exit(99);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void close_on_exec(void)
{
	int sv[2], s;

	socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
	expect("SOCK_CLOEXEC marks both fds FD_CLOEXEC",
	       fcntl(sv[0], F_GETFD) == FD_CLOEXEC &&
	       fcntl(sv[1], F_GETFD) == FD_CLOEXEC, "flags %d",
	       fcntl(sv[0], F_GETFD));
	expect("a SOCK_CLOEXEC socket is closed in the exec'd program",
	       open_after_exec(sv[0]) == 1, "it stayed open");
	s = socket(AF_UNIX, SOCK_DGRAM, 0);
	expect("a plain socket stays open across exec",
	       open_after_exec(s) == 0, "it was closed");
	close(s);
	close(sv[0]);
	close(sv[1]);
}

static void options(void)
{
	int s = socket(AF_UNIX, SOCK_STREAM, 0), v, r;
	socklen_t len = sizeof(v);

	v = 8192;
	setsockopt(s, SOL_SOCKET, SO_SNDBUF, &v, sizeof(v));
	getsockopt(s, SOL_SOCKET, SO_SNDBUF, &v, &len);
	expect("SO_SNDBUF set to 8192 reads back doubled", v == 16384,
	       "got %d", v);
	v = 1;
	setsockopt(s, SOL_SOCKET, SO_RCVBUF, &v, sizeof(v));
	len = sizeof(v);
	getsockopt(s, SOL_SOCKET, SO_RCVBUF, &v, &len);
	expect("SO_RCVBUF has a floor", v >= 2048 && v <= 4608, "got %d", v);
	len = sizeof(v);
	getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &len);
	expect("SO_TYPE is the socket's type", v == SOCK_STREAM &&
	       len == sizeof(int), "%d len %u", v, len);
	getsockopt(s, SOL_SOCKET, SO_DOMAIN, &v, &len);
	expect("SO_DOMAIN is AF_UNIX", v == AF_UNIX, "%d", v);
	getsockopt(s, SOL_SOCKET, SO_ERROR, &v, &len);
	expect("SO_ERROR of a new socket is 0", v == 0, "%d", v);
	getsockopt(s, SOL_SOCKET, SO_ACCEPTCONN, &v, &len);
	expect("SO_ACCEPTCONN of a new socket is 0", v == 0, "%d", v);
	v = 1;
	r = setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v));
	v = 0;
	getsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, &len);
	expect("SO_REUSEADDR is kept", r == 0 && v == 1, "%d %d", r, v);
	r = ERR(setsockopt(s, SOL_SOCKET, 9999, &v, sizeof(v)));
	expect("an unknown option is ENOPROTOOPT", r == -ENOPROTOOPT,
	       "got %d", r);
	r = ERR(getsockopt(s, SOL_SOCKET, 9999, &v, &len));
	expect("getsockopt of an unknown option is ENOPROTOOPT",
	       r == -ENOPROTOOPT, "got %d", r);
	r = ERR(setsockopt(s, SOL_SOCKET, SO_TYPE, &v, sizeof(v)));
	expect("SO_TYPE cannot be set (ENOPROTOOPT)", r == -ENOPROTOOPT,
	       "got %d", r);
	r = ERR(setsockopt(s, SOL_SOCKET, SO_SNDBUF, &v, 2));
	expect("an option shorter than an int is EINVAL", r == -EINVAL,
	       "got %d", r);
	r = ERR(setsockopt(s, 6 /* IPPROTO_TCP */, 1, &v, sizeof(v)));
	expect("a level AF_UNIX does not have is EOPNOTSUPP",
	       r == -EOPNOTSUPP, "got %d", r);
	short half = -1;
	len = sizeof(half);
	r = getsockopt(s, SOL_SOCKET, SO_TYPE, &half, &len);
	expect("getsockopt cuts the value to the room given",
	       r == 0 && len == sizeof(half), "r %d len %u", r, len);
	struct timeval tv = { 0, 1000000 };
	r = ERR(setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)));
	expect("SO_RCVTIMEO with tv_usec 1000000 is EDOM", r == -EDOM,
	       "got %d", r);
	tv = (struct timeval){ 2, 500000 };
	setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	tv = (struct timeval){ 0, 0 };
	len = sizeof(tv);
	getsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, &len);
	expect("SO_SNDTIMEO reads back", tv.tv_sec == 2 &&
	       tv.tv_usec == 500000, "%ld.%06ld", (long)tv.tv_sec,
	       (long)tv.tv_usec);
	close(s);
}

static void receive_timeout(void)
{
	int sv[2];
	char c;
	struct timeval tv = { 0, 200000 };

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	long long t0 = now_ns();
	int r = ERR(read(sv[0], &c, 1));
	long long ms = (now_ns() - t0) / 1000000;
	expect("a read past SO_RCVTIMEO is EAGAIN", r == -EAGAIN,
	       "got %d", r);
	expect("... after about the timeout", ms >= 150 && ms < 5000,
	       "%lld ms", ms);
	close(sv[0]);
	close(sv[1]);
}

static void call_errors(void)
{
	int s = socket(AF_UNIX, SOCK_DGRAM, 0), t = socket(AF_UNIX, SOCK_STREAM, 0);
	int r;
	char c;

	r = ERR(listen(s, 5));
	expect("listen on a datagram socket is EOPNOTSUPP", r == -EOPNOTSUPP,
	       "got %d", r);
	r = ERR(accept(s, NULL, NULL));
	expect("accept on a datagram socket is EOPNOTSUPP", r == -EOPNOTSUPP,
	       "got %d", r);
	r = ERR(accept(t, NULL, NULL));
	expect("accept on a stream socket not listening is EINVAL",
	       r == -EINVAL, "got %d", r);
	r = ERR(accept4(t, NULL, NULL, 0x10));
	expect("accept4 with an unknown flag is EINVAL", r == -EINVAL,
	       "got %d", r);
	r = ERR(shutdown(t, 3));
	expect("shutdown with how 3 is EINVAL", r == -EINVAL, "got %d", r);
	r = ERR(send(t, "x", 1, MSG_NOSIGNAL));
	expect("send on an unconnected stream socket is ENOTCONN",
	       r == -ENOTCONN, "got %d", r);
	r = ERR(recv(t, &c, 1, 0));
	expect("recv on an unconnected stream socket is EINVAL", r == -EINVAL,
	       "got %d", r);
	r = ERR(send(s, "x", 1, MSG_OOB));
	expect("MSG_OOB is EOPNOTSUPP", r == -EOPNOTSUPP, "got %d", r);
	struct msghdr m = { 0 };
	struct iovec iov = { &c, 1 };
	m.msg_iov = &iov;
	m.msg_iovlen = 1025;
	r = ERR(sendmsg(s, &m, 0));
	expect("sendmsg with more than 1024 iovecs is EMSGSIZE",
	       r == -EMSGSIZE, "got %d", r);
	struct sockaddr_un a = { AF_UNIX, "" };
	r = ERR(bind(t, (struct sockaddr *)&a, sizeof(a) + 1));
	expect("bind with a length past sockaddr_un is EINVAL", r == -EINVAL,
	       "got %d", r);
	a.sun_family = AF_INET;
	strcpy(a.sun_path, "/tmp/nope");
	r = ERR(bind(t, (struct sockaddr *)&a, sizeof(a)));
	expect("bind with another family's address is EINVAL", r == -EINVAL,
	       "got %d", r);
	close(s);
	close(t);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	if (argc == 3 && strcmp(argv[1], "--fd-open") == 0)
		return fcntl(atoi(argv[2]), F_GETFD) == -1;
	self = argv[0];
	signal(SIGPIPE, SIG_IGN);
	socket_errors();
	not_a_socket();
	bad_pointers();
	through_socketcall();
	as_a_file();
	nonblocking();
	close_on_exec();
	options();
	receive_timeout();
	call_errors();
	return check_done();
}
