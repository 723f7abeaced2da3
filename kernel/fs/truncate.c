/*
 * truncate and ftruncate (and their 64-bit forms): set a regular file's
 * size. Shrinking frees the blocks past the new end; growing leaves a
 * hole that reads as zeros.
 */
#include "fs/file.h"
#include "fs/fdtable.h"
#include "include/syscall.h"
#include <sprout/errno.h>

static int truncate_inode(struct inode *inode, loff_t length)
{
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	if (length > MAX_FILE_SIZE)
		return -EFBIG;
	int err = inode_permission(inode, W_OK);
	if (!err)
		err = fsize_truncate_ok(inode, length);     /* RLIMIT_FSIZE */
	return err ? err : inode_truncate(inode, length);
}

static int truncate_to(struct inode *inode, void *length)
{
	return truncate_inode(inode, *(loff_t *)length);
}

static long do_truncate(const char *upath, loff_t length)
{
	if (length < 0)
		return -EINVAL;
	return path_inode_op(upath, true, truncate_to, &length);
}

/* ftruncate needs a regular file opened for writing: EINVAL otherwise. */
static long do_ftruncate(unsigned int fd, loff_t length)
{
	if (length < 0)
		return -EINVAL;
	struct file *f = fd_lookup(fd);
	if (!f)
		return -EBADF;
	if ((f->f_flags & O_ACCMODE) == O_RDONLY || !f->f_inode ||
	    !S_ISREG(f->f_inode->i_mode))
		return -EINVAL;
	fs_lock();
	int err = truncate_inode(f->f_inode, length);
	fs_unlock();
	return err;
}

long sys_truncate(const char *upath, off_t length)
{
	return do_truncate(upath, length);
}

long sys_ftruncate(int fd, off_t length)
{
	return do_ftruncate(fd, length);
}

/* The 64-bit length arrives in two registers, low half first. */
long sys_truncate64(const char *upath, unsigned long lo, unsigned long hi)
{
	return do_truncate(upath, (loff_t)(((uint64_t)hi << 32) | lo));
}

long sys_ftruncate64(int fd, unsigned long lo, unsigned long hi)
{
	return do_ftruncate(fd, (loff_t)(((uint64_t)hi << 32) | lo));
}
