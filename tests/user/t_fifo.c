/*
 * FIFOs (named pipes): mkfifo() puts a pipe's name in a directory; any
 * process may then open it. open() makes the two ends wait for each
 * other: O_RDONLY waits for a writer, O_WRONLY for a reader;
 * O_RDONLY | O_NONBLOCK returns at once, O_WRONLY | O_NONBLOCK with no
 * reader fails with ENXIO; O_RDWR does not wait (Linux). The bytes live
 * in memory and are gone once the last opener closes.
 *
 * One FIFO, /tmp/t_fifo.kept, stays on the disk, so that the test run's
 * final e2fsck looks at a FIFO inode too.
 */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define KiB 1024
#define WAIT_MS 150             /* how long the other side keeps us waiting */

static const char *fifo;        /* the FIFO the cases share */
static char buf[256 * KiB];

static unsigned char pattern(long i)
{
	return (unsigned char)((i * 2654435761u) >> 24);
}

static void making(void)
{
	const char *kept = disk_path("/tmp/t_fifo.kept");
	struct stat st;
	int r, err;

	umask(022);
	unlink(fifo);
	r = mkfifo(fifo, 0666);
	expect("mkfifo() makes a FIFO (S_IFIFO, mode 0644 after umask 022)",
	       r == 0 && stat(fifo, &st) == 0 && S_ISFIFO(st.st_mode) &&
	       (st.st_mode & 07777) == 0644 && st.st_size == 0,
	       "mkfifo gave %d, mode 0%o", r, st.st_mode);
	errno = 0;
	r = mkfifo(fifo, 0600);
	err = errno;
	expect("mkfifo() of an existing name: EEXIST", r == -1 && err == EEXIST,
	       "mkfifo gave %d, errno %d", r, err);
	unlink(kept);
	r = mknod(kept, S_IFIFO | 0600, 0);
	expect("mknod(S_IFIFO) makes one too",
	       r == 0 && stat(kept, &st) == 0 && S_ISFIFO(st.st_mode),
	       "mknod gave %d, mode 0%o", r, st.st_mode);
}

static void without_waiting(void)
{
	int rd, wr, err;
	char text[8];
	struct stat st;

	rd = open(fifo, O_RDONLY | O_NONBLOCK);
	expect("open(O_RDONLY | O_NONBLOCK) with no writer returns at once",
	       rd >= 0 && fstat(rd, &st) == 0 && S_ISFIFO(st.st_mode),
	       "open gave %d", rd);
	errno = 0;
	expect("read() with no writer is end of file, even with O_NONBLOCK",
	       read(rd, text, sizeof(text)) == 0, "errno %d", errno);
	close(rd);

	errno = 0;
	wr = open(fifo, O_WRONLY | O_NONBLOCK);
	err = errno;
	expect("open(O_WRONLY | O_NONBLOCK) with no reader: ENXIO",
	       wr == -1 && err == ENXIO, "open gave %d, errno %d", wr, err);

	rd = open(fifo, O_RDONLY | O_NONBLOCK);
	wr = open(fifo, O_WRONLY | O_NONBLOCK);
	expect("with a reader there, open(O_WRONLY | O_NONBLOCK) succeeds",
	       wr >= 0, "open gave %d, errno %d", wr, errno);
	write(wr, "abc", 3);
	expect("bytes written at one name are read at the other fd",
	       read(rd, text, sizeof(text)) == 3 && memcmp(text, "abc", 3) == 0,
	       "they were not");
	errno = 0;
	expect("lseek() on a FIFO: ESPIPE",
	       lseek(rd, 0, SEEK_SET) == -1 && errno == ESPIPE,
	       "errno %d", errno);
	close(wr);
	close(rd);

	rd = open(fifo, O_RDWR);
	expect("open(O_RDWR) does not wait", rd >= 0, "open gave %d", rd);
	write(rd, "stale", 5);
	close(rd);
	rd = open(fifo, O_RDWR | O_NONBLOCK);
	errno = 0;
	err = read(rd, text, sizeof(text));
	expect("bytes left when the last opener closed are gone",
	       err == -1 && errno == EAGAIN, "read gave %d, errno %d", err,
	       errno);
	close(rd);
}

/* The child opens with `flags`, timing the open, then reads "hi" or
   writes it. Exit 0: it waited and the bytes went through; 2: it did
   not wait; 3: open failed; 4: the bytes did not go through. */
static pid_t child_opens(int flags)
{
	pid_t pid = fork();

	if (pid == 0) {
		long long t = now_ns();
		int fd = open(fifo, flags);
		char text[4];

		if (fd < 0)
			_exit(3);
		t = now_ns() - t;
		if (flags == O_RDONLY && (read(fd, text, sizeof(text)) != 2 ||
					  memcmp(text, "hi", 2)))
			_exit(4);
		if (flags == O_WRONLY && write(fd, "hi", 2) != 2)
			_exit(4);
		_exit(t >= WAIT_MS / 2 * 1000000LL ? 0 : 2);
	}
	return pid;
}

static void waiting_for_the_other_end(void)
{
	int fd, status;
	char text[4] = "";
	pid_t pid;

	pid = child_opens(O_RDONLY);
	sleep_ms(WAIT_MS);
	fd = open(fifo, O_WRONLY);
	write(fd, "hi", 2);
	close(fd);
	waitpid(pid, &status, 0);
	expect("open(O_RDONLY) waits until a writer opens",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "%s (2: did not wait, 3: open failed, 4: no data)",
	       describe(status));

	pid = child_opens(O_WRONLY);
	sleep_ms(WAIT_MS);
	fd = open(fifo, O_RDONLY);
	read(fd, text, 2);
	waitpid(pid, &status, 0);
	close(fd);
	expect("open(O_WRONLY) waits until a reader opens",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	       memcmp(text, "hi", 2) == 0,
	       "%s (2: did not wait, 3: open failed, 4: no data)",
	       describe(status));
}

/* A reader killed while it waits in open() must not count as a reader. */
static void killed_while_waiting(void)
{
	int status, fd, err;
	pid_t pid = fork();

	if (pid == 0) {
		open(fifo, O_RDONLY);
		_exit(1);
	}
	sleep_ms(50);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	errno = 0;
	fd = open(fifo, O_WRONLY | O_NONBLOCK);
	err = errno;
	expect("a reader killed while waiting in open() leaves no reader behind",
	       WIFSIGNALED(status) && fd == -1 && err == ENXIO,
	       "%s, then open gave %d, errno %d", describe(status), fd, err);
	if (fd >= 0)
		close(fd);
}

/* 256 KiB from a child to the parent through the FIFO, then EOF. */
static void data_between_processes(void)
{
	const long total = sizeof(buf);
	long got = 0;
	int fd, status, bad = 0;
	ssize_t r;
	pid_t pid = fork();

	if (pid == 0) {
		fd = open(fifo, O_WRONLY);
		for (long i = 0; i < total; i++)
			buf[i] = pattern(i);
		_exit(write(fd, buf, total) == total ? 0 : 1);
	}
	fd = open(fifo, O_RDONLY);
	while ((r = read(fd, buf, 3000)) > 0) {
		for (ssize_t i = 0; i < r; i++)
			bad += (unsigned char)buf[i] != pattern(got + i);
		got += r;
	}
	close(fd);
	waitpid(pid, &status, 0);
	expect("256 KiB through a FIFO from one process to another, then EOF",
	       got == total && bad == 0 && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0, "got %ld of %ld bytes, %d wrong (%s)",
	       got, total, bad, describe(status));
}

/* The pipe is made at the first open and freed at the last close. */
static void no_leak(void)
{
	long long before = 0, after = 0;

	for (int round = 0; round < 2; round++) {
		before = free_bytes();
		for (int i = 0; i < 100; i++) {
			int fd = open(fifo, O_RDWR);
			write(fd, buf, 5000);
			close(fd);
		}
		after = free_bytes();
	}
	if (!on_sprout()) {
		skip("100 opens and closes of a FIFO give back every page",
		     "other processes share this machine's memory");
		return;
	}
	expect("100 opens and closes of a FIFO give back every page",
	       after == before, "free memory %lld KiB before, %lld KiB after",
	       before / KiB, after / KiB);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	fifo = disk_path("/tmp/t_fifo.fifo");
	making();
	without_waiting();
	waiting_for_the_other_end();
	killed_while_waiting();
	data_between_processes();
	no_leak();
	expect("unlink() removes the FIFO's name", unlink(fifo) == 0,
	       "errno %d", errno);
	return check_done();
}
