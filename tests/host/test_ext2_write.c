/* ext2 host test: writing files, big and sparse ones, truncate, unlink. */
#include "ext2_host.h"
#include "check.h"
#include "fs/ext2.h"
#include <sprout/errno.h>

#define IMG  IMG_DIR "/ext2_write.img"
#define MiB  (1024 * 1024)
#define BIG  (16 * MiB)

static void small(void)
{
	static const char msg[] = "a new file\n";
	char buf[32];

	CASE("ext2 write: create, write, read back") {
		CHECK(write_file("/new.txt", msg, sizeof(msg)) == 0);
		CHECK(read_file("/new.txt", buf, sizeof(buf)) == sizeof(msg));
		CHECK(!memcmp(buf, msg, sizeof(msg)));
	}
	CASE("ext2 write: debugfs sees the new file after journal_commit") {
		CHECK(journal_commit() == 0);
		CHECK(debugfs_same(IMG, "/new.txt", msg, sizeof(msg)));
		CHECK(e2fsck(IMG) == 0);
	}
}

static void write_big(void)
{
	char *chunk = malloc(4096);
	struct inode *inode;
	unsigned long before;
	size_t done;

	CASE("ext2 write: 16 MiB file in 4 KiB writes") {
		CHECK(vfs_mknod(NULL, "/big", S_IFREG | 0600, 0, &inode) == 0);
		for (done = 0; done < BIG; done += 4096) {
			fill_pattern(chunk, 4096, 16, done);
			if (inode_write(inode, chunk, done, 4096) != 4096)
				break;
		}
		CHECK(done == BIG && inode->i_size == BIG);
		/* 16384 data blocks, 1 indirect, 1 double + 63 below it */
		CHECK(inode->i_blocks == 2 * (16384 + 1 + 1 + 63));
		iput(inode);
	}
	CASE("ext2 write: journal_commit merges dirty blocks into long requests") {
		before = ata_requests;
		CHECK(journal_commit() == 0);
		fprintf(stderr, "journal_commit after 16 MiB: %lu disk requests\n", ata_requests - before);
		CHECK(ata_requests - before < 16384 / 32);
	}
	free(chunk);
}

static void read_big(void)
{
	char *got = malloc(BIG), *want = malloc(BIG);

	fill_pattern(want, BIG, 16, 0);
	CASE("ext2 write: 16 MiB file reads back after a fresh mount") {
		CHECK(read_file("/big", got, BIG) == BIG);
		CHECK(!memcmp(got, want, BIG));
	}
	CASE("ext2 write: debugfs agrees on the 16 MiB file; e2fsck clean") {
		CHECK(debugfs_same(IMG, "/big", want, BIG));
		CHECK(e2fsck(IMG) == 0);
	}
	free(got);
	free(want);
}

static void truncate_cases(void)
{
	char buf[3000], want[3000];
	struct inode *inode;
	uint32_t free_before;

	CASE("ext2 truncate: shrink the 16 MiB file to 1500 bytes frees blocks") {
		free_before = sbi.s->s_free_blocks_count;
		CHECK(namei("/big", &inode) == 0);
		CHECK(inode_truncate(inode, 1500) == 0);
		CHECK(inode->i_size == 1500 && inode->i_blocks == 4);
		CHECK(sbi.s->s_free_blocks_count == free_before + 16384 + 65 - 2);
	}
	CASE("ext2 truncate: growing again shows zeros past the old end") {
		CHECK(inode_truncate(inode, 3000) == 0);
		CHECK(inode_read(inode, buf, 0, 3000) == 3000);
		fill_pattern(want, 1500, 16, 0);
		memset(want + 1500, 0, 1500);
		CHECK(!memcmp(buf, want, 3000));
		iput(inode);
		CHECK(journal_commit() == 0);
		CHECK(debugfs_same(IMG, "/big", want, 3000));
		CHECK(e2fsck(IMG) == 0);
	}
}

static void sparse(void)
{
	struct inode *inode;
	char buf[16];
	loff_t far = 70LL * MiB + 5;    /* past 64.3 MiB: triple indirect */

	CASE("ext2 write: sparse file with a block in the triple-indirect tree") {
		CHECK(vfs_mknod(NULL, "/sparse", S_IFREG | 0644, 0, &inode) == 0);
		CHECK(inode_write(inode, "far", far, 3) == 3);
		CHECK(inode->i_size == far + 3);
		CHECK(inode->i_blocks == 2 * 4);    /* data + 3 levels */
		CHECK(inode_read(inode, buf, far - 2, 16) == 5);
		CHECK(!memcmp(buf, "\0\0far", 5));
		CHECK(inode_read(inode, buf, 12345678, 4) == 4 && !memcmp(buf, "\0\0\0\0", 4));
		iput(inode);
		CHECK(journal_commit() == 0);
		CHECK(e2fsck(IMG) == 0);
	}
}

static void unlink_open(void)
{
	struct inode *inode;
	uint32_t free_blocks = sbi.s->s_free_blocks_count;
	uint32_t free_inodes = sbi.s->s_free_inodes_count;
	char buf[8];

	CASE("ext2 unlink: an open file lives on until its last iput") {
		CHECK(vfs_mknod(NULL, "/open", S_IFREG | 0644, 0, &inode) == 0);
		CHECK(inode_write(inode, "still here", 0, 10) == 10);
		CHECK(vfs_unlink(NULL, "/open") == 0);
		CHECK(namei("/open", &(struct inode *){0}) == -ENOENT);
		CHECK(inode->i_nlink == 0);
		CHECK(inode_read(inode, buf, 0, 8) == 8 && !memcmp(buf, "still he", 8));
		CHECK(sbi.s->s_free_inodes_count == free_inodes - 1);
		iput(inode);
		CHECK(sbi.s->s_free_inodes_count == free_inodes);
		CHECK(sbi.s->s_free_blocks_count == free_blocks);
		CHECK(journal_commit() == 0);
		CHECK(e2fsck(IMG) == 0);
	}
	CASE("ext2 unlink: removing the sparse file frees all its blocks") {
		free_blocks = sbi.s->s_free_blocks_count;
		CHECK(vfs_unlink(NULL, "/sparse") == 0);
		CHECK(sbi.s->s_free_blocks_count == free_blocks + 4);
		CHECK(journal_commit() == 0);
		CHECK(e2fsck(IMG) == 0);
	}
}

int main(void)
{
	make_image(IMG, NULL, "64M");
	in_child(IMG, small);
	in_child(IMG, write_big);
	in_child(IMG, read_big);
	in_child(IMG, truncate_cases);
	in_child(IMG, sparse);
	in_child(IMG, unlink_open);
	CASE("ext2 write: e2fsck clean at the end") {
		CHECK(e2fsck(IMG) == 0);
	}
	return 0;
}
