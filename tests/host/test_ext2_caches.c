/* ext2 host test: the inode cache and the name cache answer as the disk
   does: names looked up first (so cached), then changed; inodes kept
   unused, then changed, pushed out, deleted. */
#include "ext2_host.h"
#include "check.h"
#include "fs/ext2.h"
#include <sprout/errno.h>
#include <stdlib.h>

#define IMG IMG_DIR "/ext2_caches.img"

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
		bad += path_stat(name).st_ino == 0;
	}
	return bad;
}

static void names(void)
{
	char buf[8];

	vfs_mkdir(NULL, "/a", 0755);
	vfs_mkdir(NULL, "/b", 0755);
	CASE("ext2 caches: a deleted file's number reused elsewhere") {
		CHECK(write_file("/a/x", "x", 1) == 0);
		uint32_t x = path_stat("/a/x").st_ino;
		CHECK(x && vfs_unlink(NULL, "/a/x") == 0);
		CHECK(write_file("/b/y", "y", 1) == 0 && path_stat("/b/y").st_ino == x);
		CHECK(path_stat("/a/x").st_ino == 0 && read_file("/b/y", buf, 8) == 1);
	}
	CASE("ext2 caches: a removed directory's number reused for a file") {
		CHECK(vfs_mkdir(NULL, "/d", 0755) == 0 && write_file("/d/f", "f", 1) == 0);
		uint32_t d = path_stat("/d").st_ino;
		CHECK(path_stat("/d/f").st_ino && vfs_unlink(NULL, "/d/f") == 0 &&
		      vfs_rmdir(NULL, "/d") == 0);
		CHECK(vfs_mkdir(NULL, "/e", 0755) == 0 && path_stat("/e").st_ino == d);
		CHECK(path_stat("/d/f").st_ino == 0 && path_stat("/e/f").st_ino == 0);
		CHECK(vfs_rmdir(NULL, "/e") == 0);
	}
	CASE("ext2 caches: names longer than the cached length") {
		const char *l1 = "/a/a-name-longer-than-twenty-seven-bytes-1";
		const char *l2 = "/a/a-name-longer-than-twenty-seven-bytes-2";
		CHECK(write_file(l1, "1", 1) == 0);
		uint32_t i1 = path_stat(l1).st_ino;
		CHECK(i1 && vfs_rename(NULL, l1, NULL, l2, 0) == 0 && path_stat(l1).st_ino == 0 &&
		      path_stat(l2).st_ino == i1);
		CHECK(vfs_unlink(NULL, l2) == 0 && path_stat(l2).st_ino == 0);
	}
	CASE("ext2 caches: rename over an empty directory, looked up first") {
		CHECK(vfs_mkdir(NULL, "/p", 0755) == 0 && vfs_mkdir(NULL, "/q", 0755) == 0);
		uint32_t p = path_stat("/p").st_ino, q = path_stat("/q").st_ino;
		CHECK(p && q && vfs_rename(NULL, "/p", NULL, "/q", 0) == 0);
		CHECK(path_stat("/q").st_ino == p && path_stat("/p").st_ino == 0);
		CHECK(vfs_rmdir(NULL, "/q") == 0 && path_stat("/q").st_ino == 0);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
	}
}

static void inodes(void)
{
	char name[32];

	vfs_mkdir(NULL, "/many", 0755);
	for (int i = 0; i < 300; i++) {
		snprintf(name, sizeof(name), "/many/%03d", i);
		write_file(name, "m", 1);
	}
	CASE("ext2 caches: chmod of an unused inode survives its push-out") {
		CHECK(write_file("/m", "m", 1) == 0 && path_stat("/m").st_ino);
		CHECK(set_mode("/m", 0600) == 0);
		CHECK(push_out(300) == 0);
		CHECK(path_stat("/m").st_mode == (S_IFREG | 0600));
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
		CHECK(system("debugfs -R 'stat /m' " IMG " 2>/dev/null | "
			     "grep -q 'Mode:  0600'") == 0);
	}
	CASE("ext2 caches: truncate of an unused inode survives its push-out") {
		static char big[5000];
		struct inode *inode;
		CHECK(write_file("/t", big, sizeof(big)) == 0 && path_stat("/t").st_ino);
		CHECK(namei("/t", &inode) == 0);
		CHECK(inode_truncate(inode, 10) == 0);
		iput(inode);
		CHECK(push_out(300) == 0);
		CHECK(read_file("/t", big, sizeof(big)) == 10);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
		CHECK(system("debugfs -R 'stat /t' " IMG " 2>/dev/null | "
			     "grep -q 'Size: 10$'") == 0);
	}
	CASE("ext2 caches: an unused inode unlinked through its other name") {
		uint32_t before = sbi.s->s_free_inodes_count;
		CHECK(write_file("/h", "h", 1) == 0 && link_path("/h", "/h2") == 0);
		CHECK(path_stat("/h").st_ino == path_stat("/h2").st_ino);
		CHECK(vfs_unlink(NULL, "/h") == 0 && path_stat("/h2").st_ino != 0);
		CHECK(vfs_unlink(NULL, "/h2") == 0 && path_stat("/h2").st_ino == 0);
		CHECK(sbi.s->s_free_inodes_count == before);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
	}
}

int main(void)
{
	make_image(IMG, NULL, "8M");
	in_child(IMG, names);
	in_child(IMG, inodes);
	return 0;
}
