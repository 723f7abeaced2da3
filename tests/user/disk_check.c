/*
 * disk_check: data through the disk driver, checked (tests/guest_disk.py).
 * Each argument is one job:
 *
 *   w:NAME:SIZE:SEED   write SIZE bytes of the pattern SEED, fsync
 *   r:NAME:SIZE:SEED   read NAME back and compare with the pattern
 *   x:NAME             remove NAME
 *   e:NAME             overwrite NAME's first 8 KiB, sync(), then expect
 *                      fsync to fail with EIO (on a disk that fails the
 *                      writes there)
 *
 * where NAME is a file in /tmp (or a full path).
 * The reads run first, all at once in child processes (so several
 * requests wait in the driver's queue together), then the writes and
 * removals in order. The test boots the kernel between runs, so every
 * read comes from the disk, not from the cache; the host reads what was
 * written with debugfs and computes the same pattern.
 *
 * The pattern: 32-bit little-endian word k of the file is
 * k * 2654435761 ^ SEED (Knuth's multiplicative hash): no two nearby
 * sectors alike, so a sector read from or written to the wrong place
 * shows.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "check.h"

#define CHUNK 65536

static unsigned char buf[CHUNK], want[CHUNK];

/* The pattern's bytes [off, off + n); off is a multiple of 4. */
static void pattern(unsigned char *p, long off, size_t n, uint32_t seed)
{
	for (size_t i = 0; i < n; i += 4) {
		uint32_t w = (uint32_t)((off + i) / 4) * 2654435761u ^ seed;

		memcpy(p + i, &w, n - i < 4 ? n - i : 4);
	}
}

static int write_file(const char *path, long size, uint32_t seed)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		return 0;
	for (long off = 0; off < size; off += CHUNK) {
		size_t n = size - off < CHUNK ? size - off : CHUNK;

		pattern(buf, off, n, seed);
		if (write(fd, buf, n) != (ssize_t)n)
			return 0;
	}
	return fsync(fd) == 0 && close(fd) == 0;
}

/* sync(2) cannot report a write-back that failed: the next fsync must. */
static int write_error_reaches_fsync(const char *path)
{
	int fd = open(path, O_WRONLY);
	int ok;

	if (fd < 0)
		return 0;
	pattern(buf, 0, 8192, 0);
	ok = pwrite(fd, buf, 8192, 0) == 8192;
	sync();
	ok = ok && fsync(fd) < 0 && errno == EIO;
	close(fd);
	return ok;
}

/* 1 if the file holds exactly the pattern; else says where it differs. */
static int read_file(const char *path, long size, uint32_t seed)
{
	int fd = open(path, O_RDONLY);
	long off = 0;
	ssize_t n;

	if (fd < 0)
		return 0;
	while ((n = read(fd, buf, CHUNK)) > 0) {
		pattern(want, off, n, seed);
		for (ssize_t i = 0; i < n; i++)
			if (buf[i] != want[i]) {
				printf("disk_check: %s differs at byte %ld\n", path,
				       off + (long)i);
				return 0;
			}
		off += n;
	}
	close(fd);
	return n == 0 && off == size;
}

/* Split "w:PATH:SIZE:SEED" in place. */
static void parse(char *job, char **path, long *size, uint32_t *seed)
{
	char *p = strchr(job + 2, ':');

	*path = job + 2;
	*size = 0;
	*seed = 0;
	if (p) {
		*p++ = '\0';
		*size = strtol(p, &p, 10);
		*seed = strtoul(p + 1, NULL, 10);
	}
}

int main(int argc, char **argv)
{
	char name[128];

	check_init(argc, argv);
	if (chdir("/tmp") < 0)
		printf("FAIL chdir /tmp\n");
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] != 'r' || fork() != 0)
			continue;
		char *path;
		long size;
		uint32_t seed;

		parse(argv[i], &path, &size, &seed);
		snprintf(name, sizeof(name), "read %s", path);
		expect(name, read_file(path, size, seed), "not the pattern");
		exit(0);
	}
	while (wait(NULL) > 0)
		;
	for (int i = 1; i < argc; i++) {
		char *path;
		long size;
		uint32_t seed;

		if (argv[i][0] == 'r')
			continue;
		parse(argv[i], &path, &size, &seed);
		snprintf(name, sizeof(name), "%s %s", argv[i][0] == 'w' ? "write" :
			 argv[i][0] == 'e' ? "fsync reports the write error of" :
			 "remove", path);
		if (argv[i][0] == 'w')
			expect(name, write_file(path, size, seed), "write or fsync failed");
		else if (argv[i][0] == 'e')
			expect(name, write_error_reaches_fsync(path), "no EIO");
		else
			expect(name, unlink(path) == 0, "unlink failed");
	}
	return check_done();
}
