/*
 * Pipes: pipe() gives two fds, a read end and a write end, joined by a
 * buffer in the kernel. read() takes what is there and waits only while
 * the pipe is empty; it sees end of file once every write end, in every
 * process, is closed. A write waits while the pipe is full; with no read
 * end left it raises SIGPIPE and fails with EPIPE. Writes of up to
 * PIPE_BUF bytes are atomic. pipe2() adds O_CLOEXEC and O_NONBLOCK.
 *
 * The program execs itself in a helper mode, --fd-open N, which exits 0
 * if fd N is open and 1 if not: that is how close-on-exec is seen.
 */
#define _GNU_SOURCE             /* pipe2() in glibc, for runs on Linux */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define SELF "/bin/tests/t_pipe"
#define KiB 1024
#define CAPACITY (64 * KiB)     /* Sprout's pipe holds what Linux's does */

static char buf[256 * KiB];

/* Byte i of the test streams. */
static unsigned char pattern(long i)
{
	return (unsigned char)((i * 2654435761u) >> 24);
}

/* Write all n bytes (a pipe write may be cut short only by a signal or
   O_NONBLOCK, but say what we mean); 0 or -1. */
static int write_all(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n) {
		ssize_t w = write(fd, c, n);
		if (w <= 0)
			return -1;
		c += w;
		n -= w;
	}
	return 0;
}

/* Read exactly n bytes unless end of file comes first: the count read. */
static size_t read_full(int fd, void *p, size_t n)
{
	char *c = p;
	size_t got = 0;
	ssize_t r;

	while (got < n && (r = read(fd, c + got, n - got)) > 0)
		got += r;
	return got;
}

static void basics(void)
{
	int p[2], lowest = dup(0), r;
	char text[100];
	struct stat st[3];

	close(lowest);
	r = pipe(p);
	expect("pipe() gives the two lowest free fds, read end first",
	       r == 0 && p[0] == lowest && p[1] == lowest + 1,
	       "pipe gave %d, fds %d and %d, lowest free was %d", r, p[0],
	       p[1], lowest);
	write(p[1], "hello", 5);
	r = read(p[0], text, sizeof(text));
	expect("read() returns the 5 bytes there, not the 100 asked for",
	       r == 5 && memcmp(text, "hello", 5) == 0, "read gave %d", r);
	expect("read() of 0 bytes returns 0 at once", read(p[0], text, 0) == 0,
	       "it did not");

	errno = 0;
	r = read(p[1], text, 1);
	expect("read() on the write end: EBADF", r == -1 && errno == EBADF,
	       "read gave %d, errno %d", r, errno);
	errno = 0;
	r = write(p[0], "x", 1);
	expect("write() on the read end: EBADF", r == -1 && errno == EBADF,
	       "write gave %d, errno %d", r, errno);

	errno = 0;
	r = lseek(p[0], 0, SEEK_CUR);
	expect("lseek() on the read end: ESPIPE", r == -1 && errno == ESPIPE,
	       "lseek gave %d, errno %d", r, errno);
	errno = 0;
	r = lseek(p[1], 0, SEEK_SET);
	expect("lseek() on the write end: ESPIPE", r == -1 && errno == ESPIPE,
	       "lseek gave %d, errno %d", r, errno);

	int q[2];
	pipe(q);
	fstat(p[0], &st[0]);
	fstat(p[1], &st[1]);
	fstat(q[0], &st[2]);
	expect("fstat() says S_IFIFO for both ends",
	       S_ISFIFO(st[0].st_mode) && S_ISFIFO(st[1].st_mode),
	       "modes 0%o and 0%o", st[0].st_mode, st[1].st_mode);
	expect("both ends are one inode; another pipe is another inode",
	       st[0].st_ino == st[1].st_ino && st[0].st_ino != st[2].st_ino,
	       "inodes %lu, %lu and %lu", (unsigned long)st[0].st_ino,
	       (unsigned long)st[1].st_ino, (unsigned long)st[2].st_ino);
	close(q[0]);
	close(q[1]);
	close(p[0]);
	close(p[1]);
}

/* A child keeps a copy of the write end: the parent's read must wait for
   it, not report end of file when the parent closes its own copy. */
static void eof_after_every_writer(void)
{
	int p[2], status;
	char text[16];
	ssize_t first, second;
	pid_t pid;

	pipe(p);
	pid = fork();
	if (pid == 0) {
		close(p[0]);
		sleep_ms(100);
		write(p[1], "late", 4);
		_exit(0);
	}
	close(p[1]);
	first = read(p[0], text, sizeof(text));
	second = read(p[0], text, sizeof(text));
	waitpid(pid, &status, 0);
	expect("with the child's write end open, read() waits for its bytes",
	       first == 4 && memcmp(text, "late", 4) == 0,
	       "first read gave %zd", first);
	expect("read() returns 0 once the child's copy is closed too",
	       second == 0, "second read gave %zd", second);
	close(p[0]);
}

/* FNV-1a over n bytes. */
static unsigned hash(unsigned h, const unsigned char *p, size_t n)
{
	while (n--)
		h = (h ^ *p++) * 16777619u;
	return h;
}

/* 1 MiB to a child in writes of odd sizes; it reads in other odd sizes
   and sends back the count and a checksum through a second pipe. */
static void one_mib(void)
{
	const long total = 1024 * KiB;
	int down[2], up[2], status;
	unsigned sum = 2166136261u, back[2] = { 0, 0 };
	pid_t pid;

	pipe(down);
	pipe(up);
	pid = fork();
	if (pid == 0) {
		unsigned n = 0, h = 2166136261u;
		ssize_t r;

		close(down[1]);
		close(up[0]);
		while ((r = read(down[0], buf, 777)) > 0) {
			h = hash(h, (unsigned char *)buf, r);
			n += r;
		}
		back[0] = n;
		back[1] = h;
		write(up[1], back, sizeof(back));
		_exit(0);
	}
	close(down[0]);
	close(up[1]);
	for (long off = 0; off < total;) {
		long n = off + 3001 > total ? total - off : 3001;
		for (long i = 0; i < n; i++)
			buf[i] = pattern(off + i);
		sum = hash(sum, (unsigned char *)buf, n);
		if (write_all(down[1], buf, n))
			break;
		off += n;
	}
	close(down[1]);
	read_full(up[0], back, sizeof(back));
	waitpid(pid, &status, 0);
	expect("1 MiB through a pipe to a child arrives whole (count, checksum)",
	       back[0] == total && back[1] == sum && WIFEXITED(status),
	       "child counted %u bytes, checksum %08x, want %08x (%s)",
	       back[0], back[1], sum, describe(status));
	close(up[0]);
}

/* A stage of the pipeline: copy in to out, adding 1 to every byte. */
static void add_one(int in, int out)
{
	char chunk[1000];
	ssize_t r;

	while ((r = read(in, chunk, sizeof(chunk))) > 0) {
		for (ssize_t i = 0; i < r; i++)
			chunk[i]++;
		if (write_all(out, chunk, r))
			_exit(1);
	}
	_exit(r == 0 ? 0 : 2);
}

/* producer | +1 | +1 | +1 | +1 | +1 | parent, built as a shell does:
   each child keeps only its own two ends. */
static void pipeline(void)
{
	const long total = 200 * KiB;
	pid_t pids[6];
	int in, p[2], bad = 0, status;
	long got = 0;
	ssize_t r;

	pipe(p);
	if ((pids[0] = fork()) == 0) {
		close(p[0]);
		for (long i = 0; i < total; i++)
			buf[i] = pattern(i);
		_exit(write_all(p[1], buf, total) ? 1 : 0);
	}
	close(p[1]);
	in = p[0];
	for (int stage = 1; stage <= 5; stage++) {
		pipe(p);
		if ((pids[stage] = fork()) == 0) {
			close(p[0]);
			add_one(in, p[1]);
		}
		close(in);
		close(p[1]);
		in = p[0];
	}
	while ((r = read(in, buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < r; i++)
			bad += (unsigned char)buf[i] !=
			       (unsigned char)(pattern(got + i) + 5);
		got += r;
	}
	close(in);
	for (int i = 0; i < 6; i++) {
		waitpid(pids[i], &status, 0);
		bad += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	}
	expect("a 6-process pipeline (producer, five +1 stages) delivers x + 5",
	       got == total && bad == 0, "got %ld of %ld bytes, %d wrong or "
	       "failed", got, total, bad);
}

static void write_to_closed_pipe(void)
{
	int p[2];

	pipe(p);
	close(p[0]);
	write(p[1], "x", 1);
	_exit(0);               /* only if SIGPIPE did not kill us */
}

/* Fills the pipe, then blocks until the parent closes the read end. */
static int blocked_writer[2];

static void write_until_reader_goes(void)
{
	close(blocked_writer[0]);
	write_all(blocked_writer[1], buf, 2 * CAPACITY);
	_exit(0);
}

static void broken_pipe(void)
{
	int status = run_child(write_to_closed_pipe), p[2], r;
	pid_t pid;

	expect("a write with no read end open kills the writer with SIGPIPE",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
	       "%s", describe(status));

	pipe(blocked_writer);
	pid = fork();
	if (pid == 0)
		write_until_reader_goes();
	close(blocked_writer[1]);
	sleep_ms(100);
	r = waitpid(pid, &status, WNOHANG);
	close(blocked_writer[0]);
	if (r == 0)
		waitpid(pid, &status, 0);
	expect("a writer asleep on a full pipe gets SIGPIPE when the reader closes",
	       r == 0 && WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE,
	       "waitpid(WNOHANG) gave %d, then %s", r, describe(status));

	/* Process 1 gets no signal it has not asked for, so it sees EPIPE. */
	if (!is_init()) {
		skip("a write with no reader fails with EPIPE (as process 1)",
		     "not process 1, and no signal(SIGPIPE, SIG_IGN) in libc yet");
	} else {
		pipe(p);
		close(p[0]);
		errno = 0;
		r = write(p[1], "x", 1);
		expect("a write with no reader fails with EPIPE (as process 1)",
		       r == -1 && errno == EPIPE, "write gave %d, errno %d",
		       r, errno);
		close(p[1]);
	}
}

static void write_nothing_to_closed_pipe(void)
{
	int p[2];

	pipe(p);
	close(p[0]);
	_exit(write(p[1], "", 0) == 0 ? 0 : 1);
}

static void empty_write(void)
{
	int status = run_child(write_nothing_to_closed_pipe);

	expect("a write of 0 bytes with no reader returns 0, no SIGPIPE",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s",
	       describe(status));
}

/* With O_NONBLOCK, whatever would wait fails with EAGAIN instead; a write
   of more than PIPE_BUF bytes puts in what fits. */
static void nonblocking(void)
{
	int p[2], r, total = 0, err;
	char text[16];

	r = pipe2(p, O_NONBLOCK);
	expect("pipe2(O_NONBLOCK) sets O_NONBLOCK on both ends",
	       r == 0 && (fcntl(p[0], F_GETFL) & O_NONBLOCK) &&
	       (fcntl(p[1], F_GETFL) & O_NONBLOCK), "pipe2 gave %d", r);
	errno = 0;
	r = read(p[0], text, sizeof(text));
	err = errno;
	expect("O_NONBLOCK: read() of an empty pipe fails with EAGAIN",
	       r == -1 && err == EAGAIN, "read gave %d, errno %d", r, err);

	while ((r = write(p[1], buf, KiB)) == KiB)
		total += r;
	err = errno;
	expect("O_NONBLOCK: writes fill the pipe (64 KiB), then EAGAIN",
	       total == CAPACITY && r == -1 && err == EAGAIN,
	       "%d bytes went in, then write gave %d, errno %d", total, r, err);
	read(p[0], text, 10);
	errno = 0;
	r = write(p[1], buf, PIPE_BUF);
	err = errno;
	expect("O_NONBLOCK: a PIPE_BUF write that does not all fit: EAGAIN",
	       r == -1 && err == EAGAIN, "write gave %d, errno %d", r, err);
	read_full(p[0], buf, CAPACITY / 2 - 10);
	r = write(p[1], buf, CAPACITY);
	expect("O_NONBLOCK: a longer write puts in what fits (32 KiB)",
	       r == CAPACITY / 2, "write gave %d", r);
	close(p[0]);
	close(p[1]);

	pipe(p);
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	errno = 0;
	r = read(p[0], text, sizeof(text));
	err = errno;
	expect("fcntl(F_SETFL, O_NONBLOCK) on a pipe: read() gives EAGAIN",
	       r == -1 && err == EAGAIN, "read gave %d, errno %d", r, err);
	close(p[0]);
	close(p[1]);
}

/* Two writers, 32 records of PIPE_BUF bytes each; every byte of record
   k from writer w is w * 32 + k. Everyone yields the processor after
   each write or read, so the writers take turns, and the reader takes
   odd-sized pieces: a writer that woke to a little room would split its
   record, and the other's bytes would come in between. */
#define RECORDS 32

static void write_records(int fd, int w)
{
	static char rec[PIPE_BUF];

	for (int k = 0; k < RECORDS; k++) {
		memset(rec, w * RECORDS + k, sizeof(rec));
		if (write(fd, rec, sizeof(rec)) != sizeof(rec))
			_exit(1);
		sched_yield();
	}
	_exit(0);
}

static void atomic_writes(void)
{
	int p[2], next[2] = { 0, 0 }, bad = 0, records = 0, status;
	long got = 0;
	pid_t pids[2];
	ssize_t r;

	pipe(p);
	for (int w = 0; w < 2; w++)
		if ((pids[w] = fork()) == 0) {
			close(p[0]);
			write_records(p[1], w);
		}
	close(p[1]);
	sleep_ms(50);           /* let both fill the pipe and wait */
	while (got < (long)sizeof(buf) && (r = read(p[0], buf + got,
		sizeof(buf) - got < 1000 ? sizeof(buf) - got : 1000)) > 0) {
		got += r;
		sched_yield();
	}
	for (long off = 0; off + PIPE_BUF <= got; off += PIPE_BUF) {
		unsigned char v = buf[off];
		int w = v / RECORDS;

		for (int i = 1; i < PIPE_BUF; i++)
			bad += (unsigned char)buf[off + i] != v;
		bad += w > 1 || v % RECORDS != next[w];
		if (w <= 1)
			next[w]++;
		records++;
	}
	for (int w = 0; w < 2; w++) {
		waitpid(pids[w], &status, 0);
		bad += !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	}
	expect("two writers' PIPE_BUF-byte writes arrive whole, never mixed",
	       got == 2 * RECORDS * PIPE_BUF && records == 2 * RECORDS &&
	       bad == 0, "%ld bytes, %d records, %d bad bytes or records",
	       got, records, bad);
	close(p[0]);
}

/* Does an exec'd program still have fd? (--fd-open N answers.) */
static int open_after_exec(int fd)
{
	char num[16];
	char *argv[] = { "t_pipe", "--fd-open", num, NULL };
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		snprintf(num, sizeof(num), "%d", fd);
		execve(disk_path(SELF), argv, environ);
		_exit(99);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) == 0 : -1;
}

static void close_on_exec(void)
{
	int p[2], q[2], r;

	r = pipe2(p, O_CLOEXEC);
	expect("pipe2(O_CLOEXEC) marks both fds FD_CLOEXEC",
	       r == 0 && fcntl(p[0], F_GETFD) == FD_CLOEXEC &&
	       fcntl(p[1], F_GETFD) == FD_CLOEXEC, "pipe2 gave %d", r);
	pipe(q);
	expect("pipe() leaves FD_CLOEXEC clear",
	       fcntl(q[0], F_GETFD) == 0 && fcntl(q[1], F_GETFD) == 0,
	       "it is set");
	r = open_after_exec(p[1]);
	expect("an O_CLOEXEC pipe end is closed in the exec'd program",
	       r == 0, "open_after_exec gave %d", r);
	r = open_after_exec(q[1]);
	expect("a plain pipe end stays open across exec", r == 1,
	       "open_after_exec gave %d", r);
	close(p[0]);
	close(p[1]);
	close(q[0]);
	close(q[1]);
}

static void bad_arguments(void)
{
	int p[2], lowest = dup(0), r, err, fine = 1;
	int *volatile nowhere = NULL;   /* hidden from the compiler's checks */

	close(lowest);
	errno = 0;
	r = pipe(nowhere);
	err = errno;
	expect("pipe(NULL): EFAULT", r == -1 && err == EFAULT,
	       "pipe gave %d, errno %d", r, err);
	errno = 0;
	r = pipe2((int *)0xC0000000, O_CLOEXEC);
	err = errno;
	expect("pipe2(kernel address): EFAULT", r == -1 && err == EFAULT,
	       "pipe2 gave %d, errno %d", r, err);
	for (int i = 0; i < 300; i++)       /* more than the open files */
		fine &= pipe(nowhere) == -1;
	r = pipe(p);
	expect("300 failed pipe(NULL) calls leave no fd or open file behind",
	       fine && r == 0 && p[0] == lowest, "pipe gave %d, fd %d, "
	       "lowest free was %d", r, p[0], lowest);
	close(p[0]);
	close(p[1]);

	errno = 0;
	r = pipe2(p, O_APPEND);
	err = errno;
	expect("pipe2(O_APPEND): EINVAL", r == -1 && err == EINVAL,
	       "pipe2 gave %d, errno %d", r, err);
	errno = 0;
	r = pipe2(p, O_TRUNC | O_CLOEXEC);
	err = errno;
	expect("pipe2(O_TRUNC | O_CLOEXEC): EINVAL", r == -1 && err == EINVAL,
	       "pipe2 gave %d, errno %d", r, err);
}

/* Pipes closed with bytes still in them free all their memory. */
static void no_leak(void)
{
	long long before, after;
	int p[2];

	for (int round = 0; round < 2; round++) {
		before = free_bytes();
		for (int i = 0; i < 100; i++) {
			if (pipe(p))
				break;
			write(p[1], buf, 5000);
			close(p[1]);
			close(p[0]);
		}
		after = free_bytes();
	}
	if (!on_sprout()) {
		skip("100 pipes closed with data in them give back every page",
		     "other processes share this machine's memory");
		return;
	}
	expect("100 pipes closed with data in them give back every page",
	       after == before, "free memory %lld KiB before, %lld KiB after",
	       before / KiB, after / KiB);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	if (argc == 3 && strcmp(argv[1], "--fd-open") == 0)
		return fcntl(atoi(argv[2]), F_GETFD) == -1;
	basics();
	eof_after_every_writer();
	one_mib();
	pipeline();
	broken_pipe();
	empty_write();
	nonblocking();
	atomic_writes();
	close_on_exec();
	bad_arguments();
	no_leak();
	return check_done();
}
