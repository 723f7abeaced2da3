/*
 * AF_UNIX sockets under load and in trouble, with the real programs:
 *   - 50 clients at once against /bin/echo-server -v 2 (a forked process
 *     per connection, waited for: the others wait in listen's queue) and
 *     -v 3 (all served at once), -v 4 (a thread per connection) and -v 5
 *     (a pool of 4 worker threads), each echoing 64 KiB with a checksum;
 *   - a descriptor passed with SCM_RIGHTS between two processes that did
 *     not inherit it: they then share one open file (one offset);
 *   - a server killed while a client waits on it: the client reads end of
 *     file or ECONNRESET, never hangs (alarm() is the watchdog).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include "check.h"

#define CLIENTS 50
#define TOTAL (64 << 10)
#define CHUNK 4096

static struct sockaddr_un unix_name(const char *path)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };

	strcpy(a.sun_path, path);
	return a;
}

static int connect_to(const char *path)
{
	struct sockaddr_un a = unix_name(path);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* A server's socket file appears at bind(), a moment before listen():
   until then connect() fails (ENOENT, then ECONNREFUSED). */
static int connect_when_ready(const char *path)
{
	int fd = connect_to(path);

	for (int i = 0; i < 1000 && fd < 0; i++) {
		sleep_ms(10);
		fd = connect_to(path);
	}
	return fd;
}

/* /bin/echo-server -v version -U path, its echoes of requests to
   /dev/null; returns once it takes connections. */
static pid_t start_server(const char *version, const char *path)
{
	pid_t pid;

	unlink(path);
	pid = fork();
	if (pid == 0) {
		const char *prog = disk_path("/bin/echo-server");
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 1);
		signal(SIGPIPE, SIG_DFL);       /* we ignore it; exec would keep that */
		execl(prog, "echo-server", "-v", version, "-U", path, (char *)NULL);
		_exit(127);
	}
	close(connect_when_ready(path));        /* an empty session */
	return pid;
}

static void stop_server(pid_t pid, const char *path)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	unlink(path);
}

static unsigned checksum(unsigned sum, const unsigned char *p, int n)
{
	while (n--)
		sum = sum * 31 + *p++;
	return sum;
}

/* Read exactly n bytes (a stream may hand them over in pieces). */
static int read_full(int fd, unsigned char *buf, int n)
{
	int done = 0;

	while (done < n) {
		int r = read(fd, buf + done, n - done);
		if (r <= 0)
			return -1;
		done += r;
	}
	return 0;
}

/* A client process with `conns` connections open at once: 64 KiB of
   its own bytes through each, a chunk at a time, every chunk sent on
   all of them before it is read back from each (the lecture's request
   and echo). Exits 0 if what came back has the checksums of what went. */
static void echo_client(const char *path, int seed, int conns)
{
	unsigned char out[CHUNK], in[CHUNK];
	unsigned sent = 0, got[conns], x = seed;
	int fd[conns];

	alarm(300);                             /* a hang fails, never blocks CI */
	for (int c = 0; c < conns; c++) {
		got[c] = 0;
		fd[c] = connect_to(path);
		if (fd[c] < 0)
			_exit(2);
	}
	for (int done = 0; done < TOTAL; done += CHUNK) {
		for (int i = 0; i < CHUNK; i++)
			out[i] = (x = x * 1103515245 + 12345) >> 16;
		sent = checksum(sent, out, CHUNK);
		for (int c = 0; c < conns; c++)
			if (write(fd[c], out, CHUNK) != CHUNK)
				_exit(3);
		for (int c = 0; c < conns; c++) {
			if (read_full(fd[c], in, CHUNK) < 0)
				_exit(3);
			got[c] = checksum(got[c], in, CHUNK);
		}
	}
	for (int c = 0; c < conns; c++)
		if (close(fd[c]) < 0 || got[c] != sent)
			_exit(4);
	_exit(0);
}

/* CLIENTS connections at once, from CLIENTS / per_process processes.
   v2 serves one connection at a time, and v5 four (its pool), so they
   need a process per connection; v3 has a server process per connection
   and v4 a thread, and the kernel's 64 task slots would not hold 50
   clients besides. (Serving them one at
   a time, as v1 and v2 do, would deadlock there: alarm() ends that.) */
static void many_clients(const char *version, int per_process)
{
	const char *path = "/tmp/load.sock";
	char name[100];
	pid_t server = start_server(version, path);
	int good = 0, last_bad = 0, processes = CLIENTS / per_process;

	for (int p = 0; p < processes; p++)
		if (fork() == 0)
			echo_client(path, p + 1, per_process);
	for (int p = 0; p < processes; p++) {
		int status;

		if (wait(&status) < 0)
			break;
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			good++;
		else
			last_bad = status;
	}
	stop_server(server, path);
	snprintf(name, sizeof(name), "echo-server -v %s: %d clients at once "
		 "echo 64 KiB each, checksums right", version, CLIENTS);
	expect(name, good == processes, "%d of %d client processes; a failure: %s",
	       good, processes, describe(last_bad));
}

/* SCM_RIGHTS: one byte of data carries the descriptor. */
static int send_fd(int sock, int fd)
{
	char control[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { .iov_base = "F", .iov_len = 1 };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = control, .msg_controllen = sizeof(control),
	};
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);

	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	return sendmsg(sock, &msg, 0) == 1 ? 0 : -1;
}

static int receive_fd(int sock)
{
	char control[CMSG_SPACE(sizeof(int))], byte;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = control, .msg_controllen = sizeof(control),
	};
	struct cmsghdr *c;
	int fd;

	if (recvmsg(sock, &msg, 0) != 1)
		return -1;
	c = CMSG_FIRSTHDR(&msg);
	if (!c || c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
		return -1;
	memcpy(&fd, CMSG_DATA(c), sizeof(int));
	return fd;
}

static const char pass_path[] = "/tmp/pass.sock", shared_file[] = "/tmp/shared.txt";

/* Opens the file after the fork (nobody inherits it), writes "hello ",
   and hands the descriptor to whoever connects. */
static void file_owner(void)
{
	struct sockaddr_un a = unix_name(pass_path);
	int file = open(shared_file, O_RDWR | O_CREAT | O_TRUNC, 0644);
	int sock = socket(AF_UNIX, SOCK_STREAM, 0), conn;
	char c;

	alarm(60);
	write(file, "hello ", 6);
	if (bind(sock, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(sock, 1) < 0)
		_exit(2);
	conn = accept(sock, NULL, NULL);
	if (conn < 0 || send_fd(conn, file) < 0)
		_exit(3);
	close(file);                            /* the receiver's copy lives on */
	read(conn, &c, 1);                      /* until it has written */
	_exit(0);
}

/* Never had the file: writes through the descriptor it is sent, at the
   offset the owner left (one open file description, shared). */
static void file_borrower(void)
{
	int sock, fd;

	alarm(60);
	sock = connect_when_ready(pass_path);
	fd = sock < 0 ? -1 : receive_fd(sock);
	if (fd < 0 || write(fd, "world", 5) != 5)
		_exit(3);
	_exit(0);
}

static void pass_descriptor(void)
{
	pid_t owner, borrower;
	int s1, s2, fd;
	char buf[32] = { 0 };

	unlink(pass_path);
	owner = fork();
	if (owner == 0)
		file_owner();
	borrower = fork();
	if (borrower == 0)
		file_borrower();
	waitpid(borrower, &s2, 0);
	waitpid(owner, &s1, 0);
	fd = open(shared_file, O_RDONLY);
	read(fd, buf, sizeof(buf) - 1);
	close(fd);
	expect("SCM_RIGHTS between processes that did not inherit the file: "
	       "one open file, one offset",
	       s1 == 0 && s2 == 0 && !strcmp(buf, "hello world"),
	       "owner %s, borrower %s, file \"%s\"", describe(s1),
	       describe(s2), buf);
	unlink(shared_file);
	unlink(pass_path);
}

/* The client exchanges a chunk, then waits for more that never comes;
   the server dies under it. */
static void killed_server(void)
{
	const char *path = "/tmp/dying.sock";
	pid_t server = start_server("1", path), client;
	int to_parent[2], status;
	char c;

	pipe(to_parent);
	client = fork();
	if (client == 0) {
		unsigned char buf[CHUNK] = { 1 };
		int fd = connect_to(path), n;

		alarm(20);
		if (fd < 0 || write(fd, buf, CHUNK) != CHUNK ||
		    read_full(fd, buf, CHUNK) < 0)
			_exit(2);
		write(to_parent[1], "r", 1);    /* served: now kill it */
		n = read(fd, buf, CHUNK);
		_exit(n == 0 ? 0 : n < 0 && errno == ECONNRESET ? 0 : 3);
	}
	close(to_parent[1]);
	read(to_parent[0], &c, 1);
	sleep_ms(200);                          /* let the client block in read */
	stop_server(server, path);
	waitpid(client, &status, 0);
	close(to_parent[0]);
	expect("a server killed mid-transfer: the client reads end of file "
	       "or ECONNRESET, no hang",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "client %s",
	       describe(status));
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	signal(SIGPIPE, SIG_IGN);
	many_clients("2", 1);
	many_clients("3", 10);
	many_clients("4", 10);
	many_clients("5", 1);
	pass_descriptor();
	killed_server();
	return check_done();
}
