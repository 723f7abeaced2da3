/*
 * The fs lab: lseek's SEEK_DATA and SEEK_HOLE on sparse ext2 files (see
 * docs/labs/05-fs.md). Each case makes a file in /tmp with data blocks
 * and holes where it wants them, asks lseek where the data and the
 * holes are, and compares with what it made. A block (1 KiB) holds data
 * if it is on the disk, even if only part of it was written.
 */
#include "seek_lab.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define K 1024
#define M (1024 * 1024)
#define PATH "/tmp/seek_test.tmp"


/* lseek's answer, or -errno. */
static long seek(int fd, long off, int whence)
{
	off_t r = lseek(fd, off, whence);

	return r == (off_t)-1 ? -errno : (long)r;
}

static const char *name_of(int whence)
{
	return whence == SEEK_DATA ? "SEEK_DATA" : "SEEK_HOLE";
}

/* Does lseek(fd, off, whence) give want (an offset, or -ENXIO)? Notes
   the first answer that does not. */
static void want(int fd, long off, int whence, long want)
{
	long got = seek(fd, off, whence);

	if (got == want || why[0])
		return;
	snprintf(why, sizeof(why), "%s from %ld gave %ld%s, want %ld%s",
		 name_of(whence), off, got, got < 0 ? " (-errno)" : "",
		 want, want == -ENXIO ? " (-ENXIO)" : "");
}

/* A fresh file with a byte pattern at each (offset, length) pair, then
   cut or extended to size. */
static int make_file(long size, int n, ...)
{
	static char buf[4 * K];  /* the longest piece written */
	va_list ap;
	int fd;

	unlink(PATH);
	if ((fd = open(PATH, O_RDWR | O_CREAT | O_TRUNC, 0644)) < 0) {
		snprintf(why, sizeof(why), "open %s: %s", PATH,
			 strerror(errno));
		return -1;
	}
	memset(buf, 'd', sizeof(buf));
	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		long off = va_arg(ap, long), len = va_arg(ap, long);
		if (pwrite(fd, buf, len, off) != len)
			snprintf(why, sizeof(why), "pwrite: %s", strerror(errno));
	}
	va_end(ap);
	if (ftruncate(fd, size) < 0)
		snprintf(why, sizeof(why), "ftruncate: %s", strerror(errno));
	return fd;
}

static void finish(int fd, const char *name)
{
	if (fd >= 0)
		close(fd);
	report(name);
}

static void no_holes(void)
{
	int fd = make_file(3000, 1, 0L, 3000L);

	want(fd, 0, SEEK_DATA, 0);
	want(fd, 2999, SEEK_DATA, 2999);
	want(fd, 0, SEEK_HOLE, 3000);          /* the end is a hole */
	want(fd, 1500, SEEK_HOLE, 3000);
	finish(fd, "a file without holes is all data");
}

static void middle_hole(void)
{
	int fd = make_file(21000, 2, 0L, (long)K, 20L * K, 1000L);

	want(fd, 0, SEEK_HOLE, K);
	want(fd, 500, SEEK_HOLE, K);
	want(fd, K, SEEK_DATA, 20 * K);
	want(fd, 5000, SEEK_DATA, 20 * K);
	want(fd, 20 * K + 20, SEEK_DATA, 20 * K + 20);
	want(fd, 5000, SEEK_HOLE, 5000);       /* inside a hole: here */
	want(fd, 20 * K, SEEK_HOLE, 21000);
	finish(fd, "a hole between two data blocks");
}

static void past_the_end(void)
{
	int fd = make_file(21000, 2, 0L, (long)K, 20L * K, 1000L);

	want(fd, 21000, SEEK_DATA, -ENXIO);
	want(fd, 21000, SEEK_HOLE, -ENXIO);
	want(fd, 50000, SEEK_DATA, -ENXIO);
	want(fd, -1, SEEK_DATA, -ENXIO);
	want(fd, -1, SEEK_HOLE, -ENXIO);
	finish(fd, "at or past the end is ENXIO");
}

static void hole_at_end(void)
{
	int fd = make_file(100000, 1, 0L, (long)K);

	want(fd, K, SEEK_DATA, -ENXIO);        /* no data after the first block */
	want(fd, 0, SEEK_HOLE, K);
	want(fd, 50000, SEEK_HOLE, 50000);
	finish(fd, "a hole up to the end");
}

static void only_holes(void)
{
	int fd = make_file(10000, 0);

	want(fd, 0, SEEK_DATA, -ENXIO);
	want(fd, 0, SEEK_HOLE, 0);
	want(fd, 9999, SEEK_HOLE, 9999);
	finish(fd, "a file of holes only");
}

/* Data in the direct blocks, under the indirect block and under the
   double-indirect one (file blocks 0, 200 and 3072). */
static void indirect_holes(void)
{
	int fd = make_file(3 * M + K, 3, 0L, (long)K, 200L * K, (long)K,
			   3L * M, (long)K);

	want(fd, K, SEEK_DATA, 200 * K);
	want(fd, 200 * K, SEEK_HOLE, 201 * K);
	want(fd, 201 * K, SEEK_DATA, 3 * M);
	want(fd, 3 * M, SEEK_HOLE, 3 * M + K);
	finish(fd, "holes under indirect blocks");
}

/* The answer is the new offset: the next read starts there. */
static void offset_moves(void)
{
	int fd = make_file(21000, 2, 0L, (long)K, 20L * K, 1000L);
	char c = 0;

	if (fd >= 0 && seek(fd, K, SEEK_DATA) == 20 * K &&
	    (read(fd, &c, 1) != 1 || c != 'd' ||
	     seek(fd, 0, SEEK_CUR) != 20 * K + 1))
		snprintf(why, sizeof(why), "after SEEK_DATA, read gave '%c' "
			 "and the offset is %ld", c, seek(fd, 0, SEEK_CUR));
	want(fd, K, SEEK_DATA, 20 * K);
	if (!why[0] && (seek(fd, 0, SEEK_HOLE) != K ||
			seek(fd, 0, SEEK_CUR) != K))
		snprintf(why, sizeof(why), "after SEEK_HOLE the offset is %ld",
			 seek(fd, 0, SEEK_CUR));
	finish(fd, "the offset moves to the answer");
}

/* A write to the middle of a block puts all of that block on the disk:
   its start is data, though the bytes before the write read as zeros. */
static void partial_block(void)
{
	int fd = make_file(1510, 1, 1500L, 10L);

	want(fd, 0, SEEK_DATA, K);
	want(fd, 0, SEEK_HOLE, 0);
	want(fd, K, SEEK_HOLE, 1510);
	finish(fd, "a partly written block is data");
}

int main(void)
{
	alarm(60);              /* never hang the grader */
	no_holes();
	middle_hole();
	past_the_end();
	hole_at_end();
	only_holes();
	indirect_holes();
	offset_moves();
	partial_block();
	unlink(PATH);
	printf("seek_test: done\n");
	return 0;
}
