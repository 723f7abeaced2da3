/*
 * The kernel's copies to and from user memory fault pages in as they go:
 * they neither take memory the program did not touch nor fail a whole
 * transfer for a bad page half-way. And a read of memory never written
 * maps the shared zero page: it costs nothing until written.
 *
 * "Costs" is measured with sysinfo's free memory (free_bytes), in a
 * child, so the figures are the child's doing; page tables (one page
 * per 4 MiB reached) are the only allowed cost.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <dirent.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include "check.h"

#define MiB (1L << 20)
#define HUGE (1536 * MiB)               /* the 1.5 GiB */
#define SLACK (2 * MiB)                 /* page tables, kernel objects */

static char *untouched(long n)
{
	char *p = sbrk(n);

	if (p == (char *)-1) {
		printf("sbrk(%ld) failed\n", n);
		_exit(3);
	}
	return p;
}

/* Reading 64 MiB never written: all zeros, and no memory goes. One
   write then takes one page, and the pages around it stay zero. */
static void zero_page(void)
{
	char *p = untouched(64 * MiB);
	long long before = free_bytes();
	long sum = 0;

	for (long i = 0; i < 64 * MiB; i += 4096)
		sum += p[i];
	long long after = free_bytes();
	expect("reading untouched memory gives zeros", sum == 0,
	       "the bytes added up to %ld", sum);
	expect("reading 64 MiB of untouched memory takes no memory",
	       before - after < SLACK, "%lld KiB went",
	       (before - after) / 1024);
	p[5 * 4096 + 7] = 'x';
	expect("a write to a page read before gives it its own copy",
	       p[5 * 4096 + 7] == 'x' && p[4 * 4096 + 7] == 0 &&
	       p[6 * 4096 + 7] == 0 && p[5 * 4096 + 8] == 0,
	       "the page or its neighbours read wrong");
}

/* write() of 1.5 GiB never touched: the count comes back and nothing
   is kept. (Before, verify_area made every page present first: the
   machine ran out of memory, and the next process to fault died.) */
static void huge_to_devnull(void)
{
	char *p = untouched(HUGE);
	long long before = free_bytes();
	int fd = open("/dev/null", O_WRONLY);
	ssize_t n = write(fd, p, HUGE);

	expect("write of 1.5 GiB of untouched heap to /dev/null", n == HUGE,
	       "returned %zd, errno %d", n, errno);
	expect("and it takes no memory", before - free_bytes() < SLACK,
	       "%lld KiB went", (before - free_bytes()) / 1024);
}

/* The reader counts what comes through the pipe. */
static void huge_to_pipe(void)
{
	char *p = untouched(HUGE);
	static char buf[64 * 1024];
	int fd[2], status;
	long long got = 0;
	ssize_t n;

	if (pipe(fd) < 0)
		_exit(4);
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		n = write(fd[1], p, HUGE);
		_exit(n == HUGE ? 0 : 5);
	}
	close(fd[1]);
	while ((n = read(fd[0], buf, sizeof(buf))) > 0) {
		got += n;
		for (ssize_t i = 0; i < n; i += 4096)
			if (buf[i])
				_exit(6);
	}
	waitpid(pid, &status, 0);
	expect("write of 1.5 GiB of untouched heap to a pipe",
	       got == HUGE && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "the reader got %lld bytes of zeros, the writer %s", got,
	       describe(status));
}

/* The disk fills up first: a short count, then the file goes away. */
static void huge_to_file(void)
{
	char *p = untouched(HUGE);
	int fd = open("/tmp/uaccess-big", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ssize_t n = write(fd, p, HUGE);

	expect("write of 1.5 GiB of untouched heap to a file writes what "
	       "the disk holds", n > 0 || (n < 0 && errno == ENOSPC),
	       "returned %zd, errno %d", n, errno);
	close(fd);
	unlink("/tmp/uaccess-big");
}

/* read(fd, buf, 256 MiB) of a 10000-byte file: 3 pages are filled. */
static void read_into_huge(void)
{
	static char data[10000];
	int fd = open("/tmp/uaccess-small", O_RDWR | O_CREAT | O_TRUNC, 0600);

	memset(data, 'd', sizeof(data));
	if (fd < 0 || write(fd, data, sizeof(data)) != sizeof(data))
		_exit(7);
	lseek(fd, 0, SEEK_SET);
	char *p = untouched(256 * MiB);
	long long before = free_bytes();
	ssize_t n = read(fd, p, 256 * MiB);
	long long cost = before - free_bytes();

	expect("read of a small file into a huge untouched buffer",
	       n == sizeof(data) && p[0] == 'd' && p[9999] == 'd' &&
	       p[10000] == 0, "returned %zd", n);
	expect("takes only the pages it fills", cost < 64 * 1024,
	       "%lld KiB went", cost / 1024);
	close(fd);
	unlink("/tmp/uaccess-small");
}

/* A buffer whose second half lies past the heap: the transfer moves
   the first half and says so, as Linux's does. */
static void half_bad(void)
{
	char *end = sbrk(0), *buf;
	unsigned long pad = -(unsigned long)end & 4095;
	int fd = open("/tmp/uaccess-half", O_RDWR | O_CREAT | O_TRUNC, 0600);

	untouched(pad + 4096);
	buf = end + pad + 2048;         /* 2048 bytes, then unmapped */
	memset(buf, 'h', 2048);
	ssize_t n = write(fd, buf, 4096);
	expect("write of a buffer whose second half is unmapped writes the "
	       "first half", n == 2048, "returned %zd, errno %d", n, errno);
	expect("and the file holds just those bytes",
	       lseek(fd, 0, SEEK_END) == 2048, "its size is %ld",
	       (long)lseek(fd, 0, SEEK_END));
	n = write(fd, buf + 2048, 16);
	expect("a write from wholly unmapped memory is EFAULT",
	       n == -1 && errno == EFAULT, "returned %zd, errno %d", n, errno);
	lseek(fd, 0, SEEK_SET);
	write(fd, buf, 2048);
	write(fd, buf, 2048);
	lseek(fd, 0, SEEK_SET);
	memset(buf, 0, 2048);
	n = read(fd, buf, 4096);
	expect("read into a buffer whose second half is unmapped fills the "
	       "first half", n == 2048 && buf[0] == 'h' && buf[2047] == 'h',
	       "returned %zd, errno %d", n, errno);
	close(fd);
	unlink("/tmp/uaccess-half");
}

/* The vector calls, the directory listing and poll, the same way. */
static void half_bad_vectors(void)
{
	char *end = sbrk(0), *buf;
	unsigned long pad = -(unsigned long)end & 4095;
	int fd = open("/tmp/uaccess-vec", O_RDWR | O_CREAT | O_TRUNC, 0600);
	struct iovec iov[2];
	struct pollfd *pfd;
	ssize_t n;

	untouched(pad + 4096);
	buf = end + pad + 4096 - 100;   /* 100 bytes, then unmapped */
	memset(buf, 'v', 100);
	iov[0] = (struct iovec){ buf, 100 };
	iov[1] = (struct iovec){ buf + 100, 100 };
	n = writev(fd, iov, 2);
	expect("writev whose second vector is unmapped writes the first",
	       n == 100, "returned %zd, errno %d", n, errno);
	write(fd, buf, 100);
	lseek(fd, 0, SEEK_SET);
	n = readv(fd, iov, 2);
	expect("readv whose second vector is unmapped fills the first",
	       n == 100, "returned %zd, errno %d", n, errno);
	close(fd);
	unlink("/tmp/uaccess-vec");
	fd = open("/", O_RDONLY | O_DIRECTORY);
	n = getdents64(fd, buf, 4096);
	expect("getdents64 into a buffer that ends unmapped gives the "
	       "entries that fit", n > 0 && n <= 100, "returned %zd, errno %d",
	       n, errno);
	close(fd);
	pfd = (struct pollfd *)(buf + 100 - sizeof(*pfd));
	*pfd = (struct pollfd){ 0, POLLIN, 0 };
	errno = 0;
	n = poll(pfd, 2, 0);
	expect("poll of an array that runs into unmapped memory is EFAULT",
	       n == -1 && errno == EFAULT, "returned %zd, errno %d", n, errno);
	n = select(1, (fd_set *)(buf + 100), NULL, NULL,
		   &(struct timeval){ 0, 0 });
	expect("select with an unmapped fd_set is EFAULT",
	       n == -1 && errno == EFAULT, "returned %zd, errno %d", n, errno);
}

/* A pipe write of a buffer that faults mid-way: Linux fills the pipe a
   page at a time, so the whole 4 KiB before the fault go in, and the
   count says so (EFAULT only if not even one page could). */
static void pipe_half_bad(void)
{
	char *end = sbrk(0), *buf, back[8192];
	unsigned long pad = -(unsigned long)end & 4095;
	int p[2];
	ssize_t n;

	untouched(pad + 8192);
	buf = end + pad + 1024;         /* 7 KiB, then unmapped */
	memset(buf, 'p', 7168);
	pipe(p);
	n = write(p[1], buf, 8192);
	expect("a pipe write that faults after 7 KiB writes its first 4 KiB",
	       n == 4096, "returned %zd, errno %d", n, errno);
	expect("and the pipe holds just that", n > 0 &&
	       read(p[0], back, sizeof(back)) == n, "it does not");
}

static void in_child(const char *what, void (*fn)(void))
{
	long long before = free_bytes();
	int status = run_child(fn);
	long long after = free_bytes();
	char name[128];

	snprintf(name, sizeof(name), "%s: the child exits 0", what);
	expect(name, status == 0, "it %s", describe(status));
	snprintf(name, sizeof(name), "%s: its memory is back", what);
	expect(name, before - after < 256 * 1024,
	       "free memory went from %lld to %lld bytes", before, after);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	in_child("zero page", zero_page);
	in_child("read into a huge buffer", read_into_huge);
	in_child("half a buffer", half_bad);
	in_child("half a vector", half_bad_vectors);
	in_child("half a pipe write", pipe_half_bad);
	in_child("1.5 GiB to /dev/null", huge_to_devnull);
	in_child("1.5 GiB to a pipe", huge_to_pipe);
	in_child("1.5 GiB to a file", huge_to_file);
	return check_done();
}
