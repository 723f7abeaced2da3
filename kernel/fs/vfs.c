/*
 * The operations every file system has, reached through the inode: the
 * path walk, getdents, readlink, truncate and the last iput do not care
 * whether an inode is ext2's or /proc's, they call its i_op. This is the
 * "virtual file system" switch in its smallest form: Linux's
 * inode_operations, with the mount crossings of fs/mount.c.
 */
#include "fs/file.h"
#include "fs/filemap.h"
#include <sprout/errno.h>

static bool is_dotdot(const char *name, size_t len)
{
	return len == 2 && name[0] == '.' && name[1] == '.';
}

/* ".." of a mounted root is looked up in the directory it covers, and
   an entry that is a mount point is replaced by what is mounted there. */
int vfs_lookup(struct inode *dir, const char *name, size_t len,
	       struct inode **res)
{
	int err;

	if (!S_ISDIR(dir->i_mode))
		return -ENOTDIR;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if (is_dotdot(name, len))
		dir = follow_up(dir);
	if ((err = dir->i_op->lookup(dir, name, len, res)) < 0)
		return err;
	*res = follow_mount(*res);
	return 0;
}

int dir_iterate(struct inode *dir, loff_t *pos, filldir_t filldir, void *ctx)
{
	return dir->i_op->readdir(dir, pos, filldir, ctx);
}

ssize_t readlink_inode(struct inode *link, char *buf, size_t n)
{
	return link->i_op->readlink(link, buf, n);
}

/* /proc's files have no size to cut: as on Linux, root may "truncate"
   them, and nothing happens. A cut file's mappings lose the pages past
   its new end (filemap.c). */
int inode_truncate(struct inode *inode, loff_t size)
{
	loff_t old = inode->i_size;
	int err = inode->i_op->truncate ? inode->i_op->truncate(inode, size)
					: 0;

	if (!err && size < old)
		unmap_file_tail(inode, size);
	return err;
}

struct inode *igrab(struct inode *inode)
{
	inode->i_count++;
	return inode;
}

void iput(struct inode *inode)
{
	if (inode && --inode->i_count == 0)
		inode->i_op->evict(inode);
}
