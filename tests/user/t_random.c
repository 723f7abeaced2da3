/*
 * Random bytes (kernel/dev/random.c, docs/random.md): getrandom(), its
 * flags and errors, /dev/urandom and /dev/random, and getentropy(). A
 * generator cannot be proved random by a test, but a broken one shows:
 * bytes that repeat between calls or processes, a bit count far from
 * half, byte values that never come.
 */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include <sys/random.h>
#include <sys/wait.h>

#define BAD ((void *)0x1000)            /* user space, never mapped */
#define KERNEL ((void *)0xc0100000)     /* the kernel's half */

static unsigned char big[65536];

static int count_bits(const unsigned char *p, size_t n)
{
	int bits = 0;

	for (size_t i = 0; i < n; i++)
		bits += __builtin_popcount(p[i]);
	return bits;
}

static void calls(void)
{
	unsigned char a[64], b[64];
	ssize_t n, m;

	memset(a, 0, sizeof(a));
	n = getrandom(a, sizeof(a), 0);
	m = getrandom(b, sizeof(b), 0);
	expect("getrandom(64) returns 64", n == 64 && m == 64,
	       "returned %zd, %zd", n, m);
	expect("two calls give different bytes", memcmp(a, b, sizeof(a)) != 0,
	       "the same 64 bytes twice");
	expect("getrandom(0) returns 0", getrandom(a, 0, 0) == 0, "errno %d",
	       errno);
	n = getrandom(a, 16, GRND_NONBLOCK);
	expect("GRND_NONBLOCK: the generator is ready, 16 bytes", n == 16,
	       "returned %zd errno %d", n, errno);
	n = getrandom(a, 16, GRND_RANDOM);
	expect("GRND_RANDOM: 16 bytes (never blocks once seeded)", n == 16,
	       "returned %zd errno %d", n, errno);
	expect("an unknown flag is EINVAL",
	       getrandom(a, 16, 0x80) == -1 && errno == EINVAL, "errno %d",
	       errno);
	expect("GRND_INSECURE with GRND_RANDOM is EINVAL",
	       getrandom(a, 16, GRND_INSECURE | GRND_RANDOM) == -1 &&
	       errno == EINVAL, "errno %d", errno);
	expect("a bad buffer is EFAULT",
	       getrandom(BAD, 16, 0) == -1 && errno == EFAULT, "errno %d",
	       errno);
	expect("a kernel address is EFAULT",
	       getrandom(KERNEL, 16, 0) == -1 && errno == EFAULT, "errno %d",
	       errno);
}

/* 64 KiB: about half the bits set, every byte value seen. */
static void looks_random(void)
{
	int seen[256] = { 0 }, missing = 0;
	ssize_t n = getrandom(big, sizeof(big), 0);
	long bits = count_bits(big, sizeof(big)), half = sizeof(big) * 4;

	expect("getrandom(64 KiB) returns it all", n == (ssize_t)sizeof(big),
	       "returned %zd", n);
	/* the standard deviation is sqrt(524288)/2 = 362 bits: 6 of them */
	expect("about half the bits are 1", bits > half - 2200 &&
	       bits < half + 2200, "%ld of %ld", bits, half * 2);
	for (size_t i = 0; i < sizeof(big); i++)
		seen[big[i]]++;
	for (int v = 0; v < 256; v++)
		missing += seen[v] == 0;
	expect("every byte value appears", missing == 0, "%d missing",
	       missing);
}

/* A child's bytes differ from its parent's after fork. */
static void across_fork(void)
{
	unsigned char mine[32], theirs[32];
	int fds[2], status;
	pid_t pid;

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		getrandom(mine, sizeof(mine), 0);
		write(fds[1], mine, sizeof(mine));
		_exit(0);
	}
	getrandom(mine, sizeof(mine), 0);
	read(fds[0], theirs, sizeof(theirs));
	waitpid(pid, &status, 0);
	close(fds[0]);
	close(fds[1]);
	expect("parent and child after fork draw different bytes",
	       memcmp(mine, theirs, sizeof(mine)) != 0, "the same bytes");
}

static void devices(void)
{
	unsigned char a[100], b[100], seed[8] = "sprout!";
	int fd = open("/dev/urandom", O_RDWR), fr = open("/dev/random", O_RDONLY);
	struct pollfd p = { fr, POLLIN, 0 };
	ssize_t n, m;

	expect("/dev/urandom and /dev/random open", fd >= 0 && fr >= 0,
	       "fds %d %d errno %d", fd, fr, errno);
	n = read(fd, a, sizeof(a));
	m = read(fd, b, sizeof(b));
	expect("/dev/urandom reads 100 bytes, then 100 others",
	       n == 100 && m == 100 && memcmp(a, b, sizeof(a)) != 0,
	       "read %zd, %zd", n, m);
	n = read(fr, a, sizeof(a));
	expect("/dev/random reads 100 bytes at once", n == 100, "read %zd", n);
	expect("/dev/random is always readable to poll",
	       poll(&p, 1, 0) == 1 && (p.revents & POLLIN), "revents %#x",
	       p.revents);
	expect("a write to /dev/urandom is taken (mixed in)",
	       write(fd, seed, sizeof(seed)) == sizeof(seed), "errno %d", errno);
	expect("lseek on /dev/urandom succeeds and stays at 0",
	       lseek(fd, 100, SEEK_SET) == 0, "errno %d", errno);
	expect("a read into a bad buffer is EFAULT",
	       read(fd, BAD, 10) == -1 && errno == EFAULT, "errno %d", errno);
	close(fd);
	close(fr);
}

static void entropy(void)
{
	unsigned char buf[257];

	expect("getentropy(256) succeeds", getentropy(buf, 256) == 0,
	       "errno %d", errno);
	expect("getentropy(257) is EIO", getentropy(buf, 257) == -1 &&
	       errno == EIO, "errno %d", errno);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	calls();
	looks_random();
	across_fork();
	devices();
	entropy();
	return check_done();
}
