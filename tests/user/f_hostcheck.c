/*
 * Files for the host to read back: f_hostcheck DIR writes the files below
 * into DIR, reads each back, calls sync() and leaves them there;
 * tests/guest_hostcheck.py then dumps them from the disk image with
 * debugfs and compares byte for byte. So what the kernel writes is
 * checked by another ext2 implementation, not only by itself.
 * Without DIR (as tests/guest_files.py runs it) the files go into a fresh
 * folder under /tmp and are removed at the end.
 *
 * The sizes are chosen for 1 KiB blocks: 12 direct blocks hold 12 KiB,
 * the indirect block 256 more (up to 268 KiB), the double-indirect block
 * the rest. Byte `off` of file number `n` is the top byte of
 *     (off + n * 1000003) * 2654435761 mod 2^32
 * (keep in step with guest_hostcheck.py): a block written to the wrong
 * place, or another file's block, shows.
 */
#include "f_test.h"

#define KiB 1024
#define CHUNK 3000              /* writes that straddle block boundaries */

static const struct plain {
	const char *name;
	long size;
} plain[] = {
	{ "empty", 0 },
	{ "one", 1 },
	{ "small", 5000 },
	{ "edge-indirect", 12 * KiB + 1 },      /* 1 byte in the indirect block */
	{ "indirect", 100 * KiB + 123 },
	{ "edge-double", 268 * KiB + 1 },       /* 1 byte double-indirect */
	{ "mid", 300 * KiB },
	{ "double", 2048 * KiB + 777 },
};
#define NPLAIN (int)(sizeof(plain) / sizeof(plain[0]))

/* The sparse file: these pieces, zeros between them. */
static const struct piece {
	long off, len;
} holes[] = { { 0, 100 }, { 50000, 100 }, { 400000, 100 } };
#define NHOLES (int)(sizeof(holes) / sizeof(holes[0]))
#define HOLES_NO 100                    /* its file number */
#define NESTED "sub/dir/nested"
#define NESTED_NO 200
#define NESTED_SIZE 1500

static unsigned char pattern(int n, long off)
{
	return ((unsigned int)(off + n * 1000003L) * 2654435761u) >> 24;
}

static void fill(unsigned char *buf, int n, long off, long len)
{
	for (long i = 0; i < len; i++)
		buf[i] = pattern(n, off + i);
}

static unsigned char buf[CHUNK];

/* Write bytes [off, off + len) of file number n at off. */
static int write_pattern(int fd, int n, long off, long len)
{
	if (lseek(fd, off, SEEK_SET) != off)
		return -1;
	for (long done = 0; done < len; done += CHUNK) {
		long k = len - done < CHUNK ? len - done : CHUNK;
		fill(buf, n, off + done, k);
		if (write_all(fd, buf, k) < 0)
			return -1;
	}
	return 0;
}

/* The byte at off of the sparse file. */
static unsigned char holes_byte(long off)
{
	for (int i = 0; i < NHOLES; i++)
		if (off >= holes[i].off && off < holes[i].off + holes[i].len)
			return pattern(HOLES_NO, off);
	return 0;
}

/* Read path back: size bytes, each as expected(n, off)? */
static int reads_back(const char *path, int n, long size,
		      unsigned char (*expected)(int, long))
{
	static unsigned char got[CHUNK];
	int fd = open(path, O_RDONLY);
	long off = 0, r;
	if (fd < 0)
		return 0;
	while ((r = read(fd, got, sizeof(got))) > 0) {
		for (long i = 0; i < r; i++) {
			if (off + i >= size || got[i] != expected(n, off + i)) {
				close(fd);
				return 0;
			}
		}
		off += r;
	}
	close(fd);
	return r == 0 && off == size;
}

static unsigned char holes_expected(int n, long off)
{
	(void)n;
	return holes_byte(off);
}

static void make_plain(int n)
{
	char name[80];
	int fd = open(plain[n].name, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	snprintf(name, sizeof(name), "%s (%ld bytes) written and read back",
		 plain[n].name, plain[n].size);
	EXPECT(name, fd >= 0 && write_pattern(fd, n, 0, plain[n].size) == 0 &&
	       close(fd) == 0 &&
	       reads_back(plain[n].name, n, plain[n].size, pattern));
}

/* The pieces in reverse order: each write after the first leaves a hole
   behind the piece, not a gap at the end. */
static void make_holes(void)
{
	int fd = open("holes", O_CREAT | O_WRONLY | O_TRUNC, 0644), bad = fd < 0;
	for (int i = NHOLES - 1; i >= 0 && !bad; i--)
		bad = write_pattern(fd, HOLES_NO, holes[i].off, holes[i].len);
	close(fd);
	long size = holes[NHOLES - 1].off + holes[NHOLES - 1].len;
	EXPECT("holes (lseek past the end, then write) read back as zeros",
	       !bad && reads_back("holes", HOLES_NO, size, holes_expected));
}

static void make_nested(void)
{
	int fd = -1;
	if (mkdir("sub", 0755) == 0 && mkdir("sub/dir", 0755) == 0)
		fd = open(NESTED, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	EXPECT(NESTED " written and read back",
	       fd >= 0 && write_pattern(fd, NESTED_NO, 0, NESTED_SIZE) == 0 &&
	       close(fd) == 0 &&
	       reads_back(NESTED, NESTED_NO, NESTED_SIZE, pattern));
}

static void remove_all(const char *dir)
{
	int bad = 0;
	for (int n = 0; n < NPLAIN; n++)
		bad |= unlink(plain[n].name);
	bad |= unlink("holes") | unlink(NESTED) | rmdir("sub/dir") |
	       rmdir("sub") | chdir("/") | rmdir(dir);
	EXPECT("all removed again", !bad);
}

int main(int argc, char **argv)
{
	const char *keep = argc > 1 ? argv[1] : NULL;
	if (keep && (mkdir(keep, 0755) < 0 || chdir(keep) < 0)) {
		fail("workdir", "cannot make and enter %s (errno %d)", keep,
		     errno);
		return 1;
	}
	const char *dir = keep ? keep : enter_workdir("hostcheck");
	for (int n = 0; n < NPLAIN; n++)
		make_plain(n);
	make_holes();
	make_nested();
	sync();
	if (!keep)
		remove_all(dir);
	return failures ? 1 : 0;
}
