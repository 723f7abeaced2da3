/* ext2 host test: every error the VFS calls promise, as Linux gives them. */
#include "ext2_host.h"
#include "check.h"
#include <sprout/errno.h>

#define IMG IMG_DIR "/ext2_errno.img"

static struct inode *tmp;

static void errors(void)
{
	static char longname[300], longpath[PATH_MAX + 10];
	char last[NAME_MAX + 1];
	struct inode *inode, *dir;

	vfs_mkdir(NULL, "/d", 0755);
	vfs_mkdir(NULL, "/d/sub", 0755);
	write_file("/f", "x", 1);
	CASE("ext2 errno: ENOENT") {
		CHECK(namei("/missing", &tmp) == -ENOENT);
		CHECK(namei("/missing/x", &tmp) == -ENOENT);
		CHECK(namei("", &tmp) == -ENOENT);
		CHECK(vfs_unlink(NULL, "/missing") == -ENOENT);
		CHECK(vfs_rmdir(NULL, "/missing") == -ENOENT);
		CHECK(vfs_mkdir(NULL, "/missing/x", 0755) == -ENOENT);
		CHECK(link_path("/missing", "/x") == -ENOENT);
	}
	CASE("ext2 errno: EEXIST") {
		CHECK(vfs_mkdir(NULL, "/d", 0755) == -EEXIST);
		CHECK(vfs_mkdir(NULL, "/f", 0755) == -EEXIST);
		CHECK(vfs_mkdir(NULL, "/", 0755) == -EEXIST);
		CHECK(vfs_mkdir(NULL, "/d/.", 0755) == -EEXIST);
		CHECK(vfs_mknod(NULL, "/f", S_IFREG | 0644, 0, NULL) == -EEXIST);
		CHECK(link_path("/f", "/d") == -EEXIST);
	}
	CASE("ext2 errno: ENOTDIR") {
		CHECK(namei("/f/x", &tmp) == -ENOTDIR);
		CHECK(namei("/f/", &tmp) == -ENOTDIR);
		CHECK(vfs_mkdir(NULL, "/f/x", 0755) == -ENOTDIR);
		CHECK(vfs_rmdir(NULL, "/f") == -ENOTDIR);
		CHECK(vfs_unlink(NULL, "/f/") == -ENOTDIR);
	}
	CASE("ext2 errno: EISDIR") {
		CHECK(vfs_unlink(NULL, "/d") == -EISDIR);
		CHECK(vfs_unlink(NULL, "/") == -EISDIR);
	}
	CASE("ext2 errno: ENOTEMPTY, EINVAL, EBUSY from rmdir") {
		CHECK(vfs_rmdir(NULL, "/d") == -ENOTEMPTY);
		CHECK(vfs_rmdir(NULL, "/d/sub/..") == -ENOTEMPTY);
		CHECK(vfs_rmdir(NULL, "/d/.") == -EINVAL);
		CHECK(vfs_rmdir(NULL, "/") == -EBUSY);
	}
	CASE("ext2 errno: ENAMETOOLONG") {
		longname[0] = '/';
		memset(longname + 1, 'n', 255);                     /* 255: fine */
		CHECK(namei(longname, &tmp) == -ENOENT);
		CHECK(vfs_mkdir(NULL, longname, 0755) == 0);
		CHECK(vfs_rmdir(NULL, longname) == 0);
		longname[256] = 'n';                                /* 256: too long */
		CHECK(namei(longname, &tmp) == -ENAMETOOLONG);
		CHECK(vfs_mkdir(NULL, longname, 0755) == -ENAMETOOLONG);
		strcat(longname, "/x");                             /* not last */
		CHECK(vfs_mkdir(NULL, longname, 0755) == -ENAMETOOLONG);
		for (int i = 0; i < PATH_MAX; i++)
			longpath[i] = i % 2 ? '/' : 'a';
		CHECK(namei(longpath, &tmp) == -ENAMETOOLONG);
	}
	CASE("ext2 errno: EINVAL: a directory into its own subtree") {
		CHECK(vfs_rename(NULL, "/d", NULL, "/d/sub/d", 0) == -EINVAL);
	}
	CASE("ext2 errno: rename checks the tree before the file types") {
		vfs_mkdir(NULL, "/r", 0755);
		vfs_mkdir(NULL, "/r/sub", 0755);
		write_file("/r/sub/file", "x", 1);
		CHECK(vfs_rename(NULL, "/r", NULL, "/r/sub/file", 0) == -EINVAL);
		CHECK(vfs_rename(NULL, "/r/sub/file", NULL, "/r", 0) == -ENOTEMPTY);
		CHECK(vfs_rename(NULL, "/r/sub/file", NULL, "/r/sub", 0) == -ENOTEMPTY);
		CHECK(vfs_rename(NULL, "/r/sub", NULL, "/r", 0) == -ENOTEMPTY);
		CHECK(vfs_rename(NULL, "/r/sub/file", NULL, "/d/sub", 0) == -EISDIR);
	}
	CASE("ext2 errno: link of a directory: EEXIST and ENOENT before EPERM") {
		CHECK(link_path("/d", "/f") == -EEXIST);
		CHECK(link_path("/d", "/missing/x") == -ENOENT);
		CHECK(link_path("/d", "/d/") == -EEXIST);
		CHECK(link_path("/d", "/new/") == -ENOENT);
	}
	CASE("ext2 errno: EMLINK at 32000 links, EPERM for a link to a directory") {
		CHECK(namei("/f", &inode) == 0);
		inode->i_nlink = 32000;
		CHECK(link_path("/f", "/f2") == -EMLINK);
		inode->i_nlink = 1;
		iput(inode);
		CHECK(namei("/d", &dir) == 0);
		dir->i_nlink = 32000;
		CHECK(vfs_mkdir(NULL, "/d/x", 0755) == -EMLINK);
		dir->i_nlink = 3;
		iput(dir);
		CHECK(link_path("/d", "/d2") == -EPERM);
	}
	CASE("ext2 errno: EACCES only for executing a file with no x bit") {
		CHECK(namei("/f", &inode) == 0);
		CHECK(inode_permission(inode, R_OK | W_OK) == 0);
		CHECK(inode_permission(inode, X_OK) == -EACCES);
		inode->i_mode |= 0100;
		CHECK(inode_permission(inode, X_OK) == 0);
		inode->i_mode &= ~0100;
		iput(inode);
		CHECK(inode_permission(root_inode, X_OK) == 0);
	}
	CASE("ext2 errno: namei_parent gives the directory and the last name") {
		CHECK(namei_parent("/d/sub//new", &dir, last) == 0);
		CHECK(!strcmp(last, "new") && dir->i_nlink == 2);
		iput(dir);
		CHECK(namei_parent("/f/new", &dir, last) == -ENOTDIR);
	}
	CASE("ext2 errno: no error left the file system inconsistent") {
		CHECK(journal_commit() == 0 && e2fsck(IMG) == 0);
	}
}

int main(void)
{
	make_image(IMG, NULL, "8M");
	in_child(IMG, errors);
	return 0;
}
