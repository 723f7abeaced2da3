/* ext2 host test: directories: many files, deep trees, rename, link, mknod. */
#include "ext2_host.h"
#include "check.h"
#include "fs/ext2.h"
#include <sprout/errno.h>

static uint32_t sbi_free_inodes(void)
{
	return sbi.s->s_free_inodes_count;
}

#define IMG IMG_DIR "/ext2_dirs.img"
#define NFILES 1000
#define DEPTH 40

static int count(void *ctx, const char *name, size_t len, uint32_t ino, uint8_t type)
{
	++*(int *)ctx;
	return 0;
}

static int entries(const char *path)
{
	struct inode *dir;
	loff_t pos = 0;
	int n = 0;

	if (namei(path, &dir))
		return -1;
	dir_iterate(dir, &pos, count, &n);
	iput(dir);
	return n;
}

static void many_files(void)
{
	char name[64], buf[64];
	int i, bad = 0;

	CASE("ext2 dirs: 1000 files created in one directory") {
		CHECK(vfs_mkdir(NULL, "/many", 0755) == 0);
		for (i = 0; i < NFILES; i++) {
			snprintf(name, sizeof(name), "/many/file-with-a-longish-name-%d", i);
			bad += write_file(name, name, strlen(name)) != 0;
		}
		CHECK(bad == 0);
		CHECK(entries("/many") == NFILES + 2);
		for (i = 0, bad = 0; i < NFILES; i += 7) {
			snprintf(name, sizeof(name), "/many/file-with-a-longish-name-%d", i);
			bad += read_file(name, buf, sizeof(buf)) != (ssize_t)strlen(name) ||
			       memcmp(buf, name, strlen(name));
		}
		CHECK(bad == 0);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
		CHECK(debugfs_same(IMG, "/many/file-with-a-longish-name-999",
				   "/many/file-with-a-longish-name-999", 34));
	}
	CASE("ext2 dirs: 1000 files deleted (odd ones first), directory removed") {
		for (i = 1, bad = 0; i < NFILES; i += 2) {
			snprintf(name, sizeof(name), "/many/file-with-a-longish-name-%d", i);
			bad += vfs_unlink(NULL, name) != 0;
		}
		CHECK(entries("/many") == NFILES / 2 + 2);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
		for (i = 0; i < NFILES; i += 2) {
			snprintf(name, sizeof(name), "/many/file-with-a-longish-name-%d", i);
			bad += vfs_unlink(NULL, name) != 0;
		}
		CHECK(bad == 0);
		CHECK(entries("/many") == 2);
		CHECK(vfs_rmdir(NULL, "/many") == 0);
		CHECK(root_inode->i_nlink == 3);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
	}
}

static void deep_tree(void)
{
	char path[DEPTH * 8 + 32] = "";
	int i, bad = 0;

	CASE("ext2 dirs: a 40-level tree made and removed") {
		for (i = 0; i < DEPTH; i++) {
			sprintf(path + strlen(path), "/d%d", i);
			bad += vfs_mkdir(NULL, path, 0755) != 0;
		}
		CHECK(bad == 0);
		strcat(path, "/leaf");
		CHECK(write_file(path, "leaf", 4) == 0);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
		CHECK(debugfs_same(IMG, path, "leaf", 4));
		CHECK(vfs_rmdir(NULL, "/d0") == -ENOTEMPTY);
		CHECK(vfs_unlink(NULL, path) == 0);
		*strrchr(path, '/') = '\0';
		for (i = DEPTH; i > 0; i--) {
			bad += vfs_rmdir(NULL, path) != 0;
			*strrchr(path, '/') = '\0';
		}
		CHECK(bad == 0 && strcmp(path, "") == 0);
		CHECK(namei("/d0", &(struct inode *){0}) == -ENOENT);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
	}
}

static void renames(void)
{
	char buf[16];
	uint32_t ino;

	vfs_mkdir(NULL, "/a", 0755);
	vfs_mkdir(NULL, "/b", 0755);
	write_file("/a/f", "file f", 6);
	write_file("/a/g", "file g", 6);
	CASE("ext2 rename: a file within a directory") {
		ino = path_stat("/a/f").st_ino;
		CHECK(vfs_rename(NULL, "/a/f", NULL, "/a/f2", 0) == 0);
		CHECK(path_stat("/a/f2").st_ino == ino && path_stat("/a/f").st_ino == 0);
	}
	CASE("ext2 rename: a file to another directory") {
		CHECK(vfs_rename(NULL, "/a/f2", NULL, "/b/f", 0) == 0);
		CHECK(path_stat("/b/f").st_ino == ino);
		CHECK(read_file("/b/f", buf, 16) == 6 && !memcmp(buf, "file f", 6));
	}
	CASE("ext2 rename: replacing an existing file frees the old one") {
		uint32_t free_inodes = sbi_free_inodes();
		CHECK(vfs_rename(NULL, "/a/g", NULL, "/b/f", 0) == 0);
		CHECK(read_file("/b/f", buf, 16) == 6 && !memcmp(buf, "file g", 6));
		CHECK(path_stat("/a/g").st_ino == 0);
		CHECK(sbi_free_inodes() == free_inodes + 1);
	}
	CASE("ext2 rename: onto itself, and between two links of one file") {
		CHECK(vfs_rename(NULL, "/b/f", NULL, "/b/f", 0) == 0);
		CHECK(link_path("/b/f", "/b/f-link") == 0);
		CHECK(path_stat("/b/f").st_nlink == 2);
		CHECK(vfs_rename(NULL, "/b/f", NULL, "/b/f-link", 0) == 0);
		CHECK(path_stat("/b/f").st_nlink == 2);       /* POSIX: nothing happens */
		CHECK(vfs_unlink(NULL, "/b/f-link") == 0 && path_stat("/b/f").st_nlink == 1);
	}
	CASE("ext2 rename: a directory to another parent updates .. and link counts") {
		CHECK(vfs_mkdir(NULL, "/a/sub", 0755) == 0);
		CHECK(write_file("/a/sub/x", "x", 1) == 0);
		CHECK(path_stat("/a").st_nlink == 3 && path_stat("/b").st_nlink == 2);
		CHECK(vfs_rename(NULL, "/a/sub", NULL, "/b/moved", 0) == 0);
		CHECK(path_stat("/a").st_nlink == 2 && path_stat("/b").st_nlink == 3);
		CHECK(path_stat("/b/moved/..").st_ino == path_stat("/b").st_ino);
		CHECK(read_file("/b/moved/../moved/x", buf, 16) == 1);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
	}
	CASE("ext2 rename: a directory over an empty directory") {
		CHECK(vfs_mkdir(NULL, "/a/empty", 0755) == 0);
		CHECK(vfs_rename(NULL, "/b/moved", NULL, "/a/empty", 0) == 0);
		CHECK(path_stat("/a").st_nlink == 3 && path_stat("/b").st_nlink == 2);
		CHECK(read_file("/a/empty/x", buf, 16) == 1);
		CHECK(path_stat("/a/empty/..").st_ino == path_stat("/a").st_ino);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
	}
	CASE("ext2 rename: refusals (EINVAL, ENOTEMPTY, EISDIR, ENOTDIR, EBUSY)") {
		CHECK(vfs_mkdir(NULL, "/a/empty/inner", 0755) == 0);
		CHECK(vfs_rename(NULL, "/a", NULL, "/a/empty/inner/a", 0) == -EINVAL);
		CHECK(vfs_rename(NULL, "/a", NULL, "/a/empty/a", 0) == -EINVAL);
		CHECK(vfs_rename(NULL, "/b", NULL, "/a", 0) == -ENOTEMPTY);
		CHECK(vfs_rename(NULL, "/b/f", NULL, "/a", 0) == -EISDIR);
		CHECK(vfs_rename(NULL, "/a", NULL, "/b/f", 0) == -ENOTDIR);
		CHECK(vfs_rename(NULL, "/b/f", NULL, "/b/f/", 0) == -ENOTDIR);
		CHECK(vfs_rename(NULL, "/b/.", NULL, "/c", 0) == -EBUSY);
		CHECK(vfs_rename(NULL, "/nothing", NULL, "/c", 0) == -ENOENT);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
	}
}

static void links_and_nodes(void)
{
	struct inode *inode;
	char buf[8];

	CASE("ext2 link: a second name, then the first removed") {
		CHECK(link_path("/b/f", "/hard") == 0);
		CHECK(path_stat("/hard").st_nlink == 2);
		CHECK(vfs_unlink(NULL, "/b/f") == 0);
		CHECK(read_file("/hard", buf, 8) == 6 && !memcmp(buf, "file g", 6));
		CHECK(path_stat("/hard").st_nlink == 1);
	}
	CASE("ext2 mknod: a character device keeps its number") {
		CHECK(vfs_mknod(NULL, "/tty1", S_IFCHR | 0620, MKDEV(4, 1), &inode) == 0);
		CHECK(inode->i_rdev == MKDEV(4, 1));
		iput(inode);
		CHECK(vfs_mknod(NULL, "/fifo", S_IFIFO | 0644, 0, NULL) == 0);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
	}
	CASE("ext2 mknod: a major number above 255 as Linux encodes it") {
		CHECK(vfs_mknod(NULL, "/big", S_IFCHR | 0600, MKDEV(300, 5), NULL) == 0);
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
		CHECK(system("debugfs -R 'stat /big' " IMG " 2>/dev/null | "
			     "grep -q 'number: 300:05'") == 0);
	}
}

static void after_remount(void)
{
	struct inode *inode;

	CASE("ext2 mknod: device number and types survive a remount") {
		CHECK(namei("/tty1", &inode) == 0);
		CHECK(S_ISCHR(inode->i_mode) && inode->i_rdev == MKDEV(4, 1));
		iput(inode);
		CHECK(namei("/fifo", &inode) == 0 && S_ISFIFO(inode->i_mode));
		iput(inode);
		CHECK(namei("/big", &inode) == 0 && inode->i_rdev == MKDEV(300, 5));
		iput(inode);
		CHECK(vfs_unlink(NULL, "/tty1") == 0 && vfs_unlink(NULL, "/fifo") == 0);
		CHECK(vfs_unlink(NULL, "/big") == 0);
	}
}

int main(void)
{
	make_image(IMG, NULL, "64M");
	in_child(IMG, many_files);
	in_child(IMG, deep_tree);
	in_child(IMG, renames);
	in_child(IMG, links_and_nodes);
	in_child(IMG, after_remount);
	CASE("ext2 dirs: e2fsck clean at the end") {
		CHECK(e2fsck(IMG) == 0);
	}
	return 0;
}
