/* ext2 host test: a full disk gives ENOSPC, corrupts nothing, and work
   goes on once something is deleted. */
#include "ext2_host.h"
#include "check.h"
#include "fs/ext2.h"
#include <sprout/errno.h>

#define IMG IMG_DIR "/ext2_full.img"

static void fill_blocks(void)
{
	static char chunk[4096];
	struct inode *inode;
	ssize_t n = 0;
	loff_t pos = 0;
	char name[32];
	int i, err = 0;

	CASE("ext2 full: writing until the disk is full gives ENOSPC") {
		CHECK(vfs_mknod(NULL, "/hog", S_IFREG | 0644, 0, &inode) == 0);
		for (;;) {
			fill_pattern(chunk, sizeof(chunk), 3, pos);
			if ((n = inode_write(inode, chunk, pos, sizeof(chunk))) != sizeof(chunk))
				break;
			pos += n;
		}
		if (n > 0) {                    /* a short write, then ENOSPC */
			pos += n;
			n = inode_write(inode, chunk, pos, sizeof(chunk));
		}
		CHECK(n == -ENOSPC);
		CHECK(inode->i_size == pos);
		CHECK(sbi.s->s_free_blocks_count == 0);
		iput(inode);
	}
	CASE("ext2 full: new directories and names fail cleanly") {
		for (i = 0; i < 200 && !err; i++) {
			snprintf(name, sizeof(name), "/name-%03d-padding-padding", i);
			err = vfs_mknod(NULL, name, S_IFREG | 0644, 0, NULL);
		}
		CHECK(err == -ENOSPC);
		CHECK(vfs_mkdir(NULL, "/newdir", 0755) == -ENOSPC);
		CHECK(namei("/newdir", &inode) == -ENOENT);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
	}
	CASE("ext2 full: after a delete, work goes on") {
		CHECK(vfs_unlink(NULL, "/hog") == 0);
		/* The next system call starts (fs_lock): the disk is nearly
		   full but for the blocks the unlink freed, so the journal
		   commits first and they may be used again. */
		journal_op_start();
		CHECK(vfs_mkdir(NULL, "/newdir", 0755) == 0);
		CHECK(write_file("/newdir/after", "after", 5) == 0);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
		CHECK(debugfs_same(IMG, "/newdir/after", "after", 5));
	}
}

static void fill_inodes(void)
{
	char name[32];
	int i, made, err = 0;

	CASE("ext2 full: running out of inodes gives ENOSPC too") {
		for (made = 0; !err; made++) {
			snprintf(name, sizeof(name), "/newdir/i%d", made);
			err = vfs_mknod(NULL, name, S_IFREG | 0644, 0, NULL);
		}
		CHECK(err == -ENOSPC && sbi.s->s_free_inodes_count == 0);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
		for (i = 0, err = 0; i < made - 1; i++) {
			snprintf(name, sizeof(name), "/newdir/i%d", i);
			err |= vfs_unlink(NULL, name);
		}
		CHECK(err == 0 && write_file("/again", "again", 5) == 0);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
	}
}

int main(void)
{
	make_image(IMG, NULL, "2M");
	in_child(IMG, fill_blocks);
	in_child(IMG, fill_inodes);
	return 0;
}
