/*
 * The fs lab, part 2: fallocate(FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE)
 * on ext2 (see docs/labs/05-fs.md). Each case fills a file in /tmp,
 * punches a hole, and checks what a program can see: the bytes, the
 * size, the file's st_blocks, the disk's free blocks (statvfs) and
 * where SEEK_HOLE finds the hole.
 *
 *     punch_test           the cases, then the files are removed
 *     punch_test --keep    the files stay, for e2fsck to check the disk
 */
#include "seek_lab.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#define K 1024
#define PUNCH (FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE)

static char buf[300 * K];

static void wrong(const char *fmt, long a, long b)
{
	if (!why[0])
		snprintf(why, sizeof(why), fmt, a, b);
}

/* A file of n bytes, each byte (offset % 251) + 1: never zero. */
static int filled(const char *path, long n)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);

	for (long i = 0; i < n; i++)
		buf[i] = i % 251 + 1;
	if (fd < 0 || write(fd, buf, n) != n)
		wrong("making the file: errno %ld%.0ld", errno, 0);
	fsync(fd);
	return fd;
}

static long blocks_of(int fd)           /* st_blocks: 512-byte units */
{
	struct stat st;

	return fstat(fd, &st) < 0 ? -1 : (long)st.st_blocks;
}

static long size_of(int fd)
{
	struct stat st;

	return fstat(fd, &st) < 0 ? -1 : (long)st.st_size;
}

static long free_blocks(void)           /* the disk's, in 1 KiB blocks */
{
	struct statvfs sv;

	return statvfs("/tmp", &sv) < 0 ? -1 : (long)sv.f_bfree;
}

static void punch(int fd, long off, long len)
{
	if (fallocate(fd, PUNCH, off, len) < 0)
		wrong("fallocate(%ld, ...): errno %ld", off, errno);
}

/* Bytes [from, to) read back as zeros (zero) or as filled() wrote them. */
static void expect_bytes(int fd, long from, long to, int zero)
{
	static char got[300 * K];

	if (pread(fd, got, to - from, from) != to - from) {
		wrong("pread at %ld: errno %ld", from, errno);
		return;
	}
	for (long i = from; i < to; i++)
		if (got[i - from] != (zero ? 0 : (char)(i % 251 + 1))) {
			wrong(zero ? "byte %ld is %d, not 0" :
			      "byte %ld is %d, not what was written", i,
			      got[i - from]);
			return;
		}
}

static void expect_seek(int fd, long off, int whence, long want)
{
	off_t got = lseek(fd, off, whence);

	if (got != want)
		wrong("lseek from %ld gave %ld", off, got);
}

static int whole_blocks(const char *path)
{
	int fd = filled(path, 64 * K);
	long blocks = blocks_of(fd), bfree = free_blocks();

	punch(fd, 8 * K, 32 * K);               /* file blocks 8..39 */
	if (blocks_of(fd) != blocks - 64)
		wrong("st_blocks went from %ld to %ld, not down by 64 "
		      "(32 blocks)", blocks, blocks_of(fd));
	if (free_blocks() != bfree + 32)
		wrong("the disk's free blocks went from %ld to %ld, not up "
		      "by 32", bfree, free_blocks());
	report("punching frees the whole blocks");
	expect_bytes(fd, 8 * K, 40 * K, 1);
	expect_bytes(fd, 0, 8 * K, 0);
	expect_bytes(fd, 40 * K, 64 * K, 0);
	if (size_of(fd) != 64 * K)
		wrong("the size is %ld, not %ld", size_of(fd), 64 * K);
	report("the hole reads as zeros, the rest and the size stay");
	expect_seek(fd, 0, SEEK_HOLE, 8 * K);
	expect_seek(fd, 8 * K, SEEK_DATA, 40 * K);
	report("SEEK_HOLE finds the punched hole");
	return fd;
}

/* A range that covers no block whole frees nothing: it zeroes. */
static int partial_blocks(const char *path)
{
	int fd = filled(path, 8 * K);
	long blocks = blocks_of(fd);

	punch(fd, 100, 200);                    /* inside block 0 */
	punch(fd, 2 * K + 1000, 1000);          /* the end of 2, start of 3 */
	if (blocks_of(fd) != blocks)
		wrong("st_blocks went from %ld to %ld", blocks, blocks_of(fd));
	expect_bytes(fd, 0, 100, 0);
	expect_bytes(fd, 100, 300, 1);
	expect_bytes(fd, 300, 2 * K + 1000, 0);
	expect_bytes(fd, 2 * K + 1000, 2 * K + 2000, 1);
	expect_bytes(fd, 2 * K + 2000, 8 * K, 0);
	report("partly covered blocks are zeroed, not freed");
	return fd;
}

/* Past the end: only up to the end is punched, and the size stays. */
static int past_the_end(const char *path)
{
	int fd = filled(path, 10 * K);
	long blocks = blocks_of(fd);

	punch(fd, 6 * K, 100 * K);
	if (size_of(fd) != 10 * K || blocks_of(fd) != blocks - 8)
		wrong("size %ld, st_blocks %ld after punching the tail",
		      size_of(fd), blocks_of(fd));
	expect_bytes(fd, 0, 6 * K, 0);
	expect_seek(fd, 0, SEEK_HOLE, 6 * K);
	report("a range past the end stops at the end");
	return fd;
}

/* Blocks 12..267 are all the indirect block maps: punching them all
   frees it too, 257 blocks in all. */
static int indirect(const char *path)
{
	int fd = filled(path, 300 * K);
	long blocks = blocks_of(fd), bfree = free_blocks();

	punch(fd, 12 * K, 256 * K);
	if (free_blocks() != bfree + 257)
		wrong("the disk's free blocks went from %ld to %ld, not up "
		      "by 257 (256 and their indirect block)", bfree,
		      free_blocks());
	if (blocks_of(fd) != blocks - 514)
		wrong("st_blocks went from %ld to %ld, not down by 514",
		      blocks, blocks_of(fd));
	expect_bytes(fd, 268 * K, 300 * K, 0);
	expect_bytes(fd, 0, 12 * K, 0);
	report("an indirect block that maps nothing more is freed");
	return fd;
}

static int failed_with(int ret, int err)
{
	return ret == -1 && errno == err;
}

static void errors(const char *path)
{
	int fd = filled(path, 4 * K), ro = open(path, O_RDONLY), p[2];
	int null = open("/dev/null", O_WRONLY);

	if (!failed_with(fallocate(fd, PUNCH, 0, 0), EINVAL) ||
	    !failed_with(fallocate(fd, PUNCH, -1, K), EINVAL))
		wrong("a length of 0 or a negative offset: not EINVAL%.0ld%.0ld",
		      0, 0);
	if (!failed_with(fallocate(fd, FALLOC_FL_PUNCH_HOLE, 0, K),
			 EOPNOTSUPP) ||
	    !failed_with(fallocate(fd, 0, 0, K), EOPNOTSUPP))
		wrong("a hole without KEEP_SIZE, or mode 0: not "
		      "EOPNOTSUPP%.0ld%.0ld", 0, 0);
	if (!failed_with(fallocate(ro, PUNCH, 0, K), EBADF) ||
	    !failed_with(fallocate(99, PUNCH, 0, K), EBADF))
		wrong("a read-only or a closed fd: not EBADF%.0ld%.0ld", 0, 0);
	if (pipe(p) < 0 || !failed_with(fallocate(p[1], PUNCH, 0, K), ESPIPE))
		wrong("a pipe: not ESPIPE%.0ld%.0ld", 0, 0);
	if (!failed_with(fallocate(null, PUNCH, 0, K), ENODEV))
		wrong("/dev/null: not ENODEV%.0ld%.0ld", 0, 0);
	if (!failed_with(fallocate(fd, PUNCH, 1LL << 40, K), EFBIG))
		wrong("past the largest file: not EFBIG%.0ld%.0ld", 0, 0);
	expect_bytes(fd, 0, 4 * K, 0);
	report("bad arguments: EINVAL, EOPNOTSUPP, EBADF, ESPIPE, ENODEV, EFBIG");
	close(ro);
	close(null);
	close(fd);
	unlink(path);
}

int main(int argc, char **argv)
{
	const char *paths[] = { "/tmp/punch.whole", "/tmp/punch.partial",
				"/tmp/punch.end", "/tmp/punch.indirect" };
	int keep = argc > 1 && !strcmp(argv[1], "--keep"), fds[4];

	alarm(60);              /* never hang the grader */
	fds[0] = whole_blocks(paths[0]);
	fds[1] = partial_blocks(paths[1]);
	fds[2] = past_the_end(paths[2]);
	fds[3] = indirect(paths[3]);
	errors("/tmp/punch.errors");
	for (int i = 0; i < 4; i++) {
		close(fds[i]);
		if (!keep)
			unlink(paths[i]);
	}
	sync();
	printf("punch_test: done\n");
	return 0;
}
