/* ext2 host test: the inode cache and the name cache answer as the disk
   does: names looked up first (so cached), then changed; inodes kept
   unused, then changed, pushed out, deleted. */
#include "ext2_host.h"
#include "check.h"
#include "fs/ext2.h"
#include <sprout/errno.h>
#include <stdlib.h>

#define IMG IMG_DIR "/ext2_caches.img"

static uint32_t ino_of(const char *path)
{
	struct inode *inode;
	uint32_t ino;

	if (namei(path, &inode))
		return 0;
	ino = inode->i_ino;
	iput(inode);
	return ino;
}

static uint16_t mode_of(const char *path)
{
	struct inode *inode;
	uint16_t mode;

	if (namei(path, &inode))
		return 0;
	mode = inode->i_mode;
	iput(inode);
	return mode;
}

static int set_mode(const char *path, uint16_t perm)
{
	struct inode *inode;
	int err = namei(path, &inode);

	if (err)
		return err;
	inode->i_mode = (inode->i_mode & S_IFMT) | perm;
	inode_touch(inode, false);
	iput(inode);
	return 0;
}

/* Look up (and so cache) many other files, pushing out unused inodes. */
static int push_out(int n)
{
	char name[32];
	int bad = 0;

	for (int i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "/many/%03d", i);
		bad += ino_of(name) == 0;
	}
	return bad;
}

static void names(void)
{
	char buf[8];

	vfs_mkdir("/a", 0755);
	vfs_mkdir("/b", 0755);
	CASE("ext2 caches: a deleted file's number reused elsewhere") {
		CHECK(write_file("/a/x", "x", 1) == 0);
		uint32_t x = ino_of("/a/x");
		CHECK(x && vfs_unlink("/a/x") == 0);
		CHECK(write_file("/b/y", "y", 1) == 0 && ino_of("/b/y") == x);
		CHECK(ino_of("/a/x") == 0 && read_file("/b/y", buf, 8) == 1);
	}
	CASE("ext2 caches: a removed directory's number reused for a file") {
		CHECK(vfs_mkdir("/d", 0755) == 0 && write_file("/d/f", "f", 1) == 0);
		uint32_t d = ino_of("/d");
		CHECK(ino_of("/d/f") && vfs_unlink("/d/f") == 0 &&
		      vfs_rmdir("/d") == 0);
		CHECK(vfs_mkdir("/e", 0755) == 0 && ino_of("/e") == d);
		CHECK(ino_of("/d/f") == 0 && ino_of("/e/f") == 0);
		CHECK(vfs_rmdir("/e") == 0);
	}
	CASE("ext2 caches: names longer than the cached length") {
		const char *l1 = "/a/a-name-longer-than-twenty-seven-bytes-1";
		const char *l2 = "/a/a-name-longer-than-twenty-seven-bytes-2";
		CHECK(write_file(l1, "1", 1) == 0);
		uint32_t i1 = ino_of(l1);
		CHECK(i1 && vfs_rename(l1, l2) == 0 && ino_of(l1) == 0 &&
		      ino_of(l2) == i1);
		CHECK(vfs_unlink(l2) == 0 && ino_of(l2) == 0);
	}
	CASE("ext2 caches: rename over an empty directory, looked up first") {
		CHECK(vfs_mkdir("/p", 0755) == 0 && vfs_mkdir("/q", 0755) == 0);
		uint32_t p = ino_of("/p"), q = ino_of("/q");
		CHECK(p && q && vfs_rename("/p", "/q") == 0);
		CHECK(ino_of("/q") == p && ino_of("/p") == 0);
		CHECK(vfs_rmdir("/q") == 0 && ino_of("/q") == 0);
		CHECK(fs_sync() == 0 && e2fsck(IMG) == 0);
	}
}

static void inodes(void)
{
	char name[32];

	vfs_mkdir("/many", 0755);
	for (int i = 0; i < 300; i++) {
		snprintf(name, sizeof(name), "/many/%03d", i);
		write_file(name, "m", 1);
	}
	CASE("ext2 caches: chmod of an unused inode survives its push-out") {
		CHECK(write_file("/m", "m", 1) == 0 && ino_of("/m"));
		CHECK(set_mode("/m", 0600) == 0);
		CHECK(push_out(300) == 0);
		CHECK(mode_of("/m") == (S_IFREG | 0600));
		CHECK(fs_sync() == 0 && e2fsck(IMG) == 0);
		CHECK(system("debugfs -R 'stat /m' " IMG " 2>/dev/null | "
			     "grep -q 'Mode:  0600'") == 0);
	}
	CASE("ext2 caches: truncate of an unused inode survives its push-out") {
		static char big[5000];
		struct inode *inode;
		CHECK(write_file("/t", big, sizeof(big)) == 0 && ino_of("/t"));
		CHECK(namei("/t", &inode) == 0);
		CHECK(inode_truncate(inode, 10) == 0);
		iput(inode);
		CHECK(push_out(300) == 0);
		CHECK(read_file("/t", big, sizeof(big)) == 10);
		CHECK(fs_sync() == 0 && e2fsck(IMG) == 0);
		CHECK(system("debugfs -R 'stat /t' " IMG " 2>/dev/null | "
			     "grep -q 'Size: 10$'") == 0);
	}
	CASE("ext2 caches: an unused inode unlinked through its other name") {
		uint32_t before = sbi.s->s_free_inodes_count;
		CHECK(write_file("/h", "h", 1) == 0 && vfs_link("/h", "/h2") == 0);
		CHECK(ino_of("/h") == ino_of("/h2"));
		CHECK(vfs_unlink("/h") == 0 && ino_of("/h2") != 0);
		CHECK(vfs_unlink("/h2") == 0 && ino_of("/h2") == 0);
		CHECK(sbi.s->s_free_inodes_count == before);
		CHECK(fs_sync() == 0 && e2fsck(IMG) == 0);
	}
}

int main(void)
{
	make_image(IMG, NULL, "8M");
	in_child(IMG, names);
	in_child(IMG, inodes);
	return 0;
}
