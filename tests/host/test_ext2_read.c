/* ext2 host test: reading files that mke2fs -d put in the image. */
#include "ext2_host.h"
#include "check.h"

#include <sprout/errno.h>
#include <sprout/dirent.h>

#define STAGE IMG_DIR "/ext2_read.stage"
#define IMG   IMG_DIR "/ext2_read.img"
#define BIG   (3 * 1024 * 1024 + 123)    /* reaches the double indirect */

static char *big;

static void stage(void)
{
	FILE *f;

	if (system("rm -rf " STAGE " && mkdir -p " STAGE "/sub/dir " STAGE "/emptydir"))
		exit(1);
	big = malloc(BIG);
	fill_pattern(big, BIG, 7, 0);
	f = fopen(STAGE "/big.bin", "w");
	fwrite(big, 1, BIG, f);
	fclose(f);
	f = fopen(STAGE "/hello.txt", "w");
	fputs("hello, world\n", f);
	fclose(f);
	f = fopen(STAGE "/sub/dir/deep.txt", "w");
	fputs("deep", f);
	fclose(f);
	fclose(fopen(STAGE "/empty", "w"));
	if (system("chmod 640 " STAGE "/hello.txt")) exit(1);
	make_image(IMG, STAGE, "8M");
}

struct listing { int n, dirs, regs; bool hello; };

static int count_entry(void *ctx, const char *name, size_t len, uint32_t ino, uint8_t type)
{
	struct listing *l = ctx;

	l->n++;
	l->dirs += type == DT_DIR;
	l->regs += type == DT_REG;
	if (len == 9 && !memcmp(name, "hello.txt", 9))
		l->hello = true;
	return 0;
}

static int stop_at_two(void *ctx, const char *name, size_t len, uint32_t ino, uint8_t type)
{
	return ++*(int *)ctx > 2;
}

static void reads(void)
{
	char buf[64];
	struct inode *inode;
	struct stat64 st;

	CASE("ext2 read: small file by absolute path") {
		CHECK(read_file("/hello.txt", buf, sizeof(buf)) == 13);
		CHECK(!memcmp(buf, "hello, world\n", 13));
	}
	CASE("ext2 read: stat of a file from the image") {
		CHECK(namei("/hello.txt", &inode) == 0);
		inode_stat(inode, &st);
		CHECK(st.st_mode == (S_IFREG | 0640));
		CHECK(st.st_size == 13 && st.st_nlink == 1 && st.st_blocks == 2);
		CHECK(st.st_ino > 11);
		iput(inode);
	}
	CASE("ext2 read: path with . and .. and repeated slashes") {
		CHECK(read_file("//sub/./dir/../dir//deep.txt", buf, sizeof(buf)) == 4);
		CHECK(!memcmp(buf, "deep", 4));
		CHECK(read_file("/sub/dir/../../hello.txt", buf, sizeof(buf)) == 13);
		CHECK(read_file("/../../hello.txt", buf, sizeof(buf)) == 13);
	}
	CASE("ext2 read: relative path from current->fs->cwd") {
		CHECK(namei("/sub", &current->fs->cwd) == 0);
		CHECK(read_file("dir/deep.txt", buf, sizeof(buf)) == 4);
		CHECK(read_file("../hello.txt", buf, sizeof(buf)) == 13);
		iput(current->fs->cwd);
		current->fs->cwd = NULL;
	}
	CASE("ext2 read: empty file reads 0 bytes; reading past the end too") {
		CHECK(read_file("/empty", buf, sizeof(buf)) == 0);
		CHECK(namei("/hello.txt", &inode) == 0);
		CHECK(inode_read(inode, buf, 13, 10) == 0);
		CHECK(inode_read(inode, buf, 1000, 10) == 0);
		CHECK(inode_read(inode, buf, 7, 100) == 6 && !memcmp(buf, "world\n", 6));
		iput(inode);
	}
}

static void big_file(void)
{
	char *got = malloc(BIG);
	struct inode *inode;
	unsigned long before = ata_requests;
	size_t done = 0;

	CASE("ext2 read: 3 MiB file, cold, in one read, same bytes") {
		CHECK(read_file("/big.bin", got, BIG + 100) == BIG);
		CHECK(!memcmp(got, big, BIG));
	}
	CASE("ext2 read: cold read is clustered (few disk requests)") {
		/* 3 MiB is 3073 blocks: one request per block would be 3000+ */
		CHECK(ata_requests - before < 3073 / 16);
		fprintf(stderr, "cold read of 3 MiB: %lu disk requests\n", ata_requests - before);
	}
	CASE("ext2 read: odd-sized reads at odd offsets, warm") {
		CHECK(namei("/big.bin", &inode) == 0);
		memset(got, 0, BIG);
		while (done < BIG) {
			ssize_t n = inode_read(inode, got + done, done, 777);
			if (n <= 0)
				break;
			done += n;
		}
		CHECK(done == BIG && !memcmp(got, big, BIG));
		iput(inode);
	}
	free(got);
}

static void dirs(void)
{
	struct listing l = { 0 };
	struct inode *dir;
	loff_t pos = 0;
	int seen = 0;

	CASE("ext2 read: dir_iterate lists the root with file types") {
		CHECK(dir_iterate(root_inode, &pos, count_entry, &l) == 0);
		/* . .. lost+found sub emptydir big.bin hello.txt empty */
		CHECK(l.n == 8 && l.dirs == 5 && l.regs == 3 && l.hello);
		CHECK(pos == root_inode->i_size);
	}
	CASE("ext2 read: dir_iterate stops and resumes at *pos") {
		pos = 0;
		CHECK(dir_iterate(root_inode, &pos, stop_at_two, &seen) == 0);
		CHECK(seen == 3 && pos > 0 && pos < root_inode->i_size);
		memset(&l, 0, sizeof(l));
		CHECK(dir_iterate(root_inode, &pos, count_entry, &l) == 0);
		CHECK(l.n == 6);
	}
	CASE("ext2 read: root and subdirectory link counts") {
		CHECK(root_inode->i_nlink == 5);    /* . .. lost+found sub emptydir */
		CHECK(namei("/sub/dir/", &dir) == 0 && S_ISDIR(dir->i_mode));
		CHECK(dir->i_nlink == 2);
		iput(dir);
	}
}

/* A corrupt indirect pointer (past the end of the file system, and so
   large that block * 2 sectors wraps past 4 GiB) must give EIO, never a
   read of some other block. */
static void corrupt_pointer(void)
{
	char buf[16];
	struct inode *inode;

	CASE("ext2 read: a block number outside the file system gives EIO") {
		CHECK(namei("/big.bin", &inode) == 0);
		CHECK(inode_read(inode, buf, 0, sizeof(buf)) == sizeof(buf));
		CHECK(inode_read(inode, buf, 12 * 1024, sizeof(buf)) == -EIO);
		iput(inode);
	}
}

int main(void)
{
	stage();
	in_child(IMG, reads);
	in_child(IMG, big_file);
	in_child(IMG, dirs);
	CASE("ext2 read: e2fsck clean after reading") {
		CHECK(e2fsck(IMG) == 0);
	}
	if (system("debugfs -w -R 'set_inode_field /big.bin block[IND] 0x80000001' "
		   IMG " >/dev/null 2>&1"))
		return 1;
	in_child(IMG, corrupt_pointer);
	return 0;
}
