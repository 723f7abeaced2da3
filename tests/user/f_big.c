/*
 * Big files and a full disk: 16 MiB written and read back with a
 * checksum; a 200 MiB file (sparse: it is larger than the disk) whose
 * last bytes lie in the triple-indirect tree; then the disk filled until
 * write() says ENOSPC, and work
 * going on once the file is removed. (FTEST_NO_ENOSPC=1 skips the fill,
 * for running this on a machine whose disk you would rather not fill.)
 */
#include "f_test.h"

#define CHUNK 4096
#define BIG (16 << 20)

static unsigned int rng = 12345;

static void fill_random(unsigned int *buf, size_t words)
{
	for (size_t i = 0; i < words; i++) {
		rng ^= rng << 13;
		rng ^= rng >> 17;
		rng ^= rng << 5;
		buf[i] = rng;
	}
}

/* Fletcher-style: catches lost, repeated and swapped chunks. */
static void checksum(unsigned int *sum, const unsigned int *buf, size_t words)
{
	for (size_t i = 0; i < words; i++) {
		sum[0] += buf[i];
		sum[1] += sum[0];
	}
}

/* Read n bytes at offset off (no pread in our libc yet). */
static int pread_at(int fd, char *buf, size_t n, off_t off)
{
	return lseek(fd, off, SEEK_SET) == off && read(fd, buf, n) == (ssize_t)n;
}

static void big_file(void)
{
	static unsigned int buf[CHUNK / 4];
	unsigned int wsum[2] = { 0, 0 }, rsum[2] = { 0, 0 };
	int fd = open("big", O_CREAT | O_RDWR | O_TRUNC, 0644);
	int wrote = 0;
	for (int i = 0; i < BIG / CHUNK; i++) {
		fill_random(buf, CHUNK / 4);
		checksum(wsum, buf, CHUNK / 4);
		wrote += write_all(fd, buf, CHUNK) == 0;
	}
	EXPECT("16 MiB written", wrote == BIG / CHUNK);
	struct stat st;
	EXPECT("16 MiB: stat size", fstat(fd, &st) == 0 && st.st_size == BIG &&
	       st.st_blocks * 512 >= BIG);
	close(fd);
	fd = open("big", O_RDONLY);
	long total = 0, n;
	static unsigned int rbuf[3 * CHUNK / 4];       /* reads of another size */
	while ((n = read(fd, rbuf, sizeof(rbuf))) > 0) {
		checksum(rsum, rbuf, n / 4);
		total += n;
	}
	EXPECT("16 MiB read back", total == BIG);
	if (wsum[0] == rsum[0] && wsum[1] == rsum[1])
		ok("16 MiB: checksums match");
	else
		fail("16 MiB: checksums match", "wrote %08x%08x, read %08x%08x",
		     wsum[1], wsum[0], rsum[1], rsum[0]);
	lseek(fd, 5 * CHUNK + 100, SEEK_SET);
	unsigned int word;
	read(fd, &word, 4);
	close(fd);
	rng = 12345;
	for (int i = 0; i <= 5; i++)
		fill_random(buf, CHUNK / 4);
	EXPECT("16 MiB: a word read at an offset", word == buf[25]);
	EXPECT("16 MiB file removed", unlink("big") == 0);
}

#define FILL_CHUNK 65536
#define FILL_LIMIT (256 << 20)

static void full_disk(void)
{
	static char buf[FILL_CHUNK];
	memset(buf, 0xab, sizeof(buf));
	int fd = open("fill", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	long total = 0, n = 0;
	while (total < FILL_LIMIT && (n = write(fd, buf, sizeof(buf))) > 0)
		total += n;
	int err = errno;
	if (n < 0 && err == ENOSPC)
		ok("a full disk: ENOSPC");
	else
		fail("a full disk: ENOSPC", "after %ld bytes: result %ld, errno %d",
		     total, n, err);
	say("# the disk took %ld KiB before it was full\n", total / 1024);
	EXPECT_ERR("a full disk: still ENOSPC", write(fd, buf, sizeof(buf)), ENOSPC);
	close(fd);
	EXPECT("a full disk: the file can be removed", unlink("fill") == 0);
	fd = open("after", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	int wrote = 0;
	for (int i = 0; i < 16; i++)
		wrote += write_all(fd, buf, sizeof(buf)) == 0;
	EXPECT("after the full disk: 1 MiB written again", wrote == 16);
	close(fd);
	unlink("after");
	sync();
}

/* 1 KiB blocks: 12 direct, then 256 indirect, then 64 Ki double
   indirect blocks (64.26 MiB); bytes past that need the triple tree. */
static void huge_sparse_file(void)
{
	static const char tail[] = "the end";
	const off_t size = 200LL << 20;
	char got[sizeof(tail)], hole[16], zeros[16] = { 0 };
	struct stat st;
	int fd = open("huge", O_CREAT | O_RDWR | O_TRUNC, 0644);

	EXPECT("a 200 MiB file: write its last bytes (triple indirect)",
	       lseek(fd, size - sizeof(tail), SEEK_SET) == size - (off_t)sizeof(tail) &&
	       write(fd, tail, sizeof(tail)) == (ssize_t)sizeof(tail));
	EXPECT("a 200 MiB file: stat says 200 MiB, but few blocks are used",
	       fstat(fd, &st) == 0 && st.st_size == size && st.st_blocks < 64);
	EXPECT("a 200 MiB file: the last bytes read back",
	       pread_at(fd, got, sizeof(got), size - sizeof(tail)) &&
	       memcmp(got, tail, sizeof(tail)) == 0);
	EXPECT("a 200 MiB file: the middle is a hole that reads as zeros",
	       pread_at(fd, hole, sizeof(hole), 100LL << 20) &&
	       memcmp(hole, zeros, sizeof(hole)) == 0);
	close(fd);
	EXPECT("a 200 MiB file: removed", unlink("huge") == 0);
}

int main(void)
{
	const char *dir = enter_workdir("f_big");
	big_file();
	huge_sparse_file();
	if (getenv("FTEST_NO_ENOSPC"))
		say("# full-disk case skipped (FTEST_NO_ENOSPC)\n");
	else
		full_disk();
	chdir("/");
	EXPECT("f_big: work folder removed", rmdir(dir) == 0);
	return failures != 0;
}
