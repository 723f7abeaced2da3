/*
 * poll, ppoll, select and pselect over pipes, FIFOs, a regular file and
 * /dev/null: the readiness rules, timeouts, wake-ups from another
 * process, signals (EINTR, the temporary mask of ppoll and pselect), the
 * errors, and many descriptors at once.
 */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>

#define NPIPES 30               /* 60 descriptors: nearly a full table */

static int p[2];                /* a fresh pipe for each case */

static void new_pipe(void)
{
	if (pipe(p) < 0) {
		expect("pipe()", 0, "errno %d", errno);
		exit(1);
	}
}

static void close_pipe(void)
{
	close(p[0]);
	close(p[1]);
}

/* poll one descriptor for events without waiting: its revents, or -1
   and errno if poll failed, or -2 if it counted wrongly. */
static int poll_now(int fd, short events)
{
	struct pollfd pfd = { fd, events, 0 };
	int n = poll(&pfd, 1, 0);

	if (n < 0)
		return -1;
	if (n != (pfd.revents != 0))
		return -2;
	return pfd.revents;
}

static void pipe_rules(void)
{
	int r;

	new_pipe();
	r = poll_now(p[0], POLLIN);
	expect("poll: an empty pipe is not readable", r == 0, "revents %#x", r);
	r = poll_now(p[1], POLLOUT);
	expect("poll: an empty pipe is writable", r == POLLOUT,
	       "revents %#x", r);
	write(p[1], "x", 1);
	r = poll_now(p[0], POLLIN | POLLOUT);
	expect("poll: a pipe with a byte is readable (the read end never "
	       "writable)", r == POLLIN, "revents %#x", r);
	r = poll_now(p[0], 0);
	expect("poll: only the asked bits come back", r == 0,
	       "revents %#x", r);
	close(p[1]);
	r = poll_now(p[0], POLLIN);
	expect("poll: data and no writer: POLLIN | POLLHUP",
	       r == (POLLIN | POLLHUP), "revents %#x", r);
	read(p[0], &r, 1);
	r = poll_now(p[0], POLLIN);
	expect("poll: empty and no writer: POLLHUP alone", r == POLLHUP,
	       "revents %#x", r);
	r = poll_now(p[0], 0);
	expect("poll: POLLHUP comes unasked", r == POLLHUP, "revents %#x", r);
	close(p[0]);

	new_pipe();
	close(p[0]);
	r = poll_now(p[1], POLLOUT);
	expect("poll: a write end with no reader: POLLERR",
	       r >= 0 && (r & POLLERR), "revents %#x", r);
	close(p[1]);

	new_pipe();
	fcntl(p[1], F_SETFL, O_NONBLOCK);
	while (write(p[1], "0123456789abcdef", 16) > 0)
		;
	r = poll_now(p[1], POLLOUT);
	expect("poll: a full pipe is not writable", r == 0, "revents %#x", r);
	close_pipe();
}

static void fifo_and_files(void)
{
	const char *fifo = disk_path("/tmp/t_poll.fifo");
	const char *file = disk_path("/tmp/t_poll.file");
	int rd, wr, fd, r;

	unlink(fifo);
	mkfifo(fifo, 0600);
	rd = open(fifo, O_RDONLY | O_NONBLOCK);
	r = poll_now(rd, POLLIN);
	expect("poll: a FIFO reader before any writer is not hung up (Linux)",
	       r == 0, "revents %#x", r);
	wr = open(fifo, O_WRONLY);
	r = poll_now(rd, POLLIN);
	expect("poll: an empty FIFO with a writer is not readable", r == 0,
	       "revents %#x", r);
	write(wr, "hi", 2);
	r = poll_now(rd, POLLIN);
	expect("poll: a FIFO with data is readable", r == POLLIN,
	       "revents %#x", r);
	r = poll_now(wr, POLLOUT);
	expect("poll: a FIFO's write end is writable", r == POLLOUT,
	       "revents %#x", r);
	close(wr);
	read(rd, &r, 2);
	r = poll_now(rd, POLLIN);
	expect("poll: a FIFO whose writer has gone: POLLHUP", r == POLLHUP,
	       "revents %#x", r);
	close(rd);
	unlink(fifo);

	fd = open(file, O_RDWR | O_CREAT | O_TRUNC, 0600);
	r = poll_now(fd, POLLIN | POLLOUT);
	expect("poll: a regular file is always readable and writable",
	       r == (POLLIN | POLLOUT), "revents %#x", r);
	close(fd);
	unlink(file);
	fd = open("/dev/null", O_RDWR);
	r = poll_now(fd, POLLIN | POLLOUT);
	expect("poll: /dev/null is always readable and writable",
	       r == (POLLIN | POLLOUT), "revents %#x", r);
	close(fd);
	fd = open("/", O_RDONLY);
	r = poll_now(fd, POLLIN);
	expect("poll: a directory is readable", r == POLLIN,
	       "revents %#x", r);
	close(fd);
}

static void bad_descriptors(void)
{
	struct pollfd pfd[2] = { { -1, POLLIN, 0x77 }, { 60, POLLIN, 0 } };
	int n;

	n = poll(pfd, 2, 0);
	expect("poll: a negative fd is ignored (revents 0), a closed one is "
	       "POLLNVAL", n == 1 && pfd[0].revents == 0 &&
	       pfd[1].revents == POLLNVAL,
	       "poll gave %d, revents %#x %#x", n, pfd[0].revents,
	       pfd[1].revents);
	errno = 0;
	n = poll(pfd, 100000, 0);
	expect("poll: more fds than may be open: EINVAL",
	       n == -1 && errno == EINVAL, "poll gave %d, errno %d", n, errno);
	errno = 0;
	n = poll((struct pollfd *)1, 1, 0);
	expect("poll: a bad pointer: EFAULT", n == -1 && errno == EFAULT,
	       "poll gave %d, errno %d", n, errno);
}

static void select_rules(void)
{
	fd_set rd, wr;
	struct timeval tv = { 0, 0 };
	int n;

	new_pipe();
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(p[1], &wr);
	n = select(p[1] + 1, &rd, &wr, NULL, &tv);
	expect("select: an empty pipe: only its write end is ready",
	       n == 1 && !FD_ISSET(p[0], &rd) && FD_ISSET(p[1], &wr),
	       "select gave %d", n);
	write(p[1], "x", 1);
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(p[1], &wr);
	n = select(p[1] + 1, &rd, &wr, NULL, &tv);
	expect("select: counts a bit per ready descriptor and set",
	       n == 2 && FD_ISSET(p[0], &rd) && FD_ISSET(p[1], &wr),
	       "select gave %d", n);
	close(p[1]);
	read(p[0], &n, 1);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	n = select(p[0] + 1, &rd, NULL, NULL, &tv);
	expect("select: a pipe with no writer is readable (read gives EOF)",
	       n == 1 && FD_ISSET(p[0], &rd), "select gave %d", n);
	close(p[0]);

	FD_ZERO(&rd);
	FD_SET(60, &rd);
	errno = 0;
	n = select(61, &rd, NULL, NULL, &tv);
	expect("select: a closed fd in a set: EBADF",
	       n == -1 && errno == EBADF, "select gave %d, errno %d", n, errno);
	errno = 0;
	n = select(-1, NULL, NULL, NULL, &tv);
	expect("select: nfds < 0: EINVAL", n == -1 && errno == EINVAL,
	       "select gave %d, errno %d", n, errno);
	tv.tv_usec = -1;
	errno = 0;
	n = select(1, NULL, NULL, NULL, &tv);
	expect("select: a negative timeout: EINVAL",
	       n == -1 && errno == EINVAL, "select gave %d, errno %d", n,
	       errno);
	tv.tv_usec = 0;
	errno = 0;
	n = select(1, (fd_set *)1, NULL, NULL, &tv);
	expect("select: a bad set pointer: EFAULT",
	       n == -1 && errno == EFAULT, "select gave %d, errno %d", n,
	       errno);
}

static void timeouts(void)
{
	struct pollfd pfd;
	struct timeval tv = { 0, 100000 };
	struct timespec ts = { 0, 100000000 };
	fd_set rd;
	long long t0, ms;
	int n;

	new_pipe();
	pfd = (struct pollfd){ p[0], POLLIN, 0 };
	t0 = now_ns();
	n = poll(&pfd, 1, 100);
	ms = (now_ns() - t0) / 1000000;
	expect("poll: a 100 ms timeout returns 0 after at least 100 ms",
	       n == 0 && ms >= 100 && ms < 5000, "poll gave %d after %lld ms",
	       n, ms);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	t0 = now_ns();
	n = select(p[0] + 1, &rd, NULL, NULL, &tv);
	ms = (now_ns() - t0) / 1000000;
	expect("select: a 100 ms timeout returns 0 after at least 100 ms, "
	       "the set cleared and the timeval at 0 (Linux)",
	       n == 0 && ms >= 100 && ms < 5000 && !FD_ISSET(p[0], &rd) &&
	       tv.tv_sec == 0 && tv.tv_usec == 0,
	       "select gave %d after %lld ms, timeval %ld.%06ld", n, ms,
	       (long)tv.tv_sec, (long)tv.tv_usec);
	t0 = now_ns();
	n = ppoll(&pfd, 1, &ts, NULL);
	ms = (now_ns() - t0) / 1000000;
	expect("ppoll: a 100 ms timeout, the caller's timespec unchanged",
	       n == 0 && ms >= 100 && ms < 5000 && ts.tv_nsec == 100000000,
	       "ppoll gave %d after %lld ms", n, ms);
	close_pipe();
}

static void child_writes(void)
{
	sleep_ms(100);
	write(p[1], "x", 1);
}

static void woken_by_a_child(void)
{
	struct pollfd pfd[2];
	fd_set rd;
	int n, status;
	pid_t pid;

	new_pipe();
	pfd[0] = (struct pollfd){ p[0], POLLIN, 0 };
	pfd[1] = (struct pollfd){ p[1], POLLIN, 0 };   /* never readable */
	pid = fork();
	if (pid == 0) {
		child_writes();
		_exit(0);
	}
	n = poll(pfd, 2, -1);
	expect("poll: waiting for ever, woken by a child's write",
	       n == 1 && pfd[0].revents == POLLIN && pfd[1].revents == 0,
	       "poll gave %d, revents %#x %#x", n, pfd[0].revents,
	       pfd[1].revents);
	waitpid(pid, &status, 0);
	read(p[0], &n, 1);
	pid = fork();
	if (pid == 0) {
		child_writes();
		_exit(0);
	}
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	n = select(p[0] + 1, &rd, NULL, NULL, NULL);
	expect("select: waiting for ever, woken by a child's write",
	       n == 1 && FD_ISSET(p[0], &rd), "select gave %d", n);
	waitpid(pid, &status, 0);
	close_pipe();
}

static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	caught = sig;
}

static void interrupted(void)
{
	struct pollfd pfd;
	struct itimerval it = { { 0, 0 }, { 0, 100000 } };
	fd_set rd;
	int n, err;

	new_pipe();
	install_handler(SIGALRM, on_signal, SA_RESTART);
	pfd = (struct pollfd){ p[0], POLLIN, 0 };
	caught = 0;
	setitimer(ITIMER_REAL, &it, NULL);
	errno = 0;
	n = poll(&pfd, 1, -1);
	err = errno;
	expect("poll: a handled signal (even SA_RESTART) ends it: EINTR",
	       n == -1 && err == EINTR && caught == SIGALRM,
	       "poll gave %d, errno %d, caught %d", n, err, caught);
	caught = 0;
	setitimer(ITIMER_REAL, &it, NULL);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	errno = 0;
	n = select(p[0] + 1, &rd, NULL, NULL, NULL);
	err = errno;
	expect("select: a handled signal (even SA_RESTART) ends it: EINTR",
	       n == -1 && err == EINTR && caught == SIGALRM,
	       "select gave %d, errno %d, caught %d", n, err, caught);
	close_pipe();
}

/* SIGUSR1 is blocked and pending: the call's own mask lets it in, only
   while the call waits. */
static void temporary_masks(void)
{
	sigset_t block, empty, now;
	struct timespec five = { 5, 0 }, zero = { 0, 0 };
	struct pollfd pfd;
	fd_set rd;
	int n, err;

	new_pipe();
	install_handler(SIGUSR1, on_signal, 0);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigemptyset(&empty);
	sigprocmask(SIG_BLOCK, &block, NULL);
	kill(getpid(), SIGUSR1);
	pfd = (struct pollfd){ p[0], POLLIN, 0 };
	caught = 0;
	n = ppoll(&pfd, 1, &zero, NULL);
	expect("ppoll: with no mask a blocked signal stays out",
	       n == 0 && caught == 0, "ppoll gave %d, caught %d", n, caught);
	errno = 0;
	n = ppoll(&pfd, 1, &five, &empty);
	err = errno;
	sigprocmask(SIG_BLOCK, NULL, &now);
	expect("ppoll: its mask lets the signal in (EINTR), then the old "
	       "mask is back", n == -1 && err == EINTR && caught == SIGUSR1 &&
	       sigismember(&now, SIGUSR1),
	       "ppoll gave %d, errno %d, caught %d", n, err, caught);
	kill(getpid(), SIGUSR1);
	caught = 0;
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	n = pselect(p[0] + 1, &rd, NULL, NULL, &zero, NULL);
	expect("pselect: with no mask a blocked signal stays out",
	       n == 0 && caught == 0, "pselect gave %d, caught %d", n, caught);
	FD_SET(p[0], &rd);
	errno = 0;
	n = pselect(p[0] + 1, &rd, NULL, NULL, &five, &empty);
	err = errno;
	sigprocmask(SIG_BLOCK, NULL, &now);
	expect("pselect: its mask lets the signal in (EINTR), then the old "
	       "mask is back", n == -1 && err == EINTR && caught == SIGUSR1 &&
	       sigismember(&now, SIGUSR1),
	       "pselect gave %d, errno %d, caught %d", n, err, caught);
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	errno = 0;
	n = syscall(309, &pfd, 1, &zero, &empty, 4);    /* ppoll */
	expect("ppoll: a mask size other than 8: EINVAL",
	       n == -1 && errno == EINVAL, "ppoll gave %d, errno %d", n, errno);
	close_pipe();
}

static void many(void)
{
	int fds[NPIPES][2], n, bad = -1;
	struct pollfd pfd[NPIPES];
	fd_set rd;
	int top = 0;

	for (int i = 0; i < NPIPES; i++) {
		if (pipe(fds[i]) < 0) {
			expect("many: 30 pipes", 0, "pipe %d: errno %d", i,
			       errno);
			return;
		}
		pfd[i] = (struct pollfd){ fds[i][0], POLLIN, 0 };
		if (fds[i][1] > top)
			top = fds[i][1];
	}
	write(fds[17][1], "x", 1);
	n = poll(pfd, NPIPES, -1);
	for (int i = 0; i < NPIPES; i++)
		if (pfd[i].revents != (i == 17 ? POLLIN : 0))
			bad = i;
	expect("poll: 30 pipes, the one with data is the one reported",
	       n == 1 && bad < 0, "poll gave %d, pipe %d wrong", n, bad);
	FD_ZERO(&rd);
	for (int i = 0; i < NPIPES; i++)
		FD_SET(fds[i][0], &rd);
	n = select(top + 1, &rd, NULL, NULL, NULL);
	bad = -1;
	for (int i = 0; i < NPIPES; i++)
		if (FD_ISSET(fds[i][0], &rd) != (i == 17))
			bad = i;
	expect("select: 30 pipes, the one with data is the one set",
	       n == 1 && bad < 0, "select gave %d, pipe %d wrong", n, bad);
	for (int i = 0; i < NPIPES; i++) {
		close(fds[i][0]);
		close(fds[i][1]);
	}
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	pipe_rules();
	fifo_and_files();
	bad_descriptors();
	select_rules();
	timeouts();
	woken_by_a_child();
	interrupted();
	temporary_masks();
	many();
	return check_done();
}
