/*
 * stat, lstat, fstat and their 64-bit twins: an inode's fields, copied out;
 * and readlink, what a symbolic link holds (lstat's size says how much).
 *
 * The ext2 code fills one struct stat64 (inode_stat); the old calls
 * squeeze it into struct stat, whose 32-bit fields cannot show a file of
 * 2 GiB or more: that is EOVERFLOW, as Linux says it. fstatat64 is stat
 * relative to a directory fd, which glibc uses for stat and fstat alike.
 */
#include "fs/file.h"
#include "fs/fdtable.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>

#define MAX_NON_LFS 0x7fffffffLL   /* the largest size struct stat holds */
#define OVERFLOW_ID 65534          /* an owner too big for 16 bits shows as
				      this in struct stat, as on Linux */

static unsigned short high2low_id(unsigned long id)
{
	return id > 0xffff ? OVERFLOW_ID : id;
}

static int stat_inode(struct inode *inode, void *st)
{
	inode_stat(inode, st);
	return 0;
}

/* stat follows a symbolic link; lstat describes the link itself. */
static int path_stat(const char *upath, bool follow, struct stat64 *st)
{
	return path_inode_op(upath, follow, stat_inode, st);
}

static int fd_stat(unsigned int fd, struct stat64 *st)
{
	struct file *f = fd_lookup(fd);
	if (!f)
		return -EBADF;
	if (!f->f_inode)
		return -EBADF;
	fs_lock();
	inode_stat(f->f_inode, st);
	fs_unlock();
	return 0;
}

static long put_stat64(int err, const struct stat64 *st, struct stat64 *ust)
{
	if (err)
		return err;
	if (copy_to_user(ust, st, sizeof(*st)))
		return -EFAULT;
	return 0;
}

static long put_stat(int err, const struct stat64 *st, struct stat *ust)
{
	if (err)
		return err;
	if (st->st_size > MAX_NON_LFS || st->st_ino > 0xffffffffULL)
		return -EOVERFLOW;
	struct stat s;
	memset(&s, 0, sizeof(s));
	s.st_dev = st->st_dev;
	s.st_ino = st->st_ino;
	s.st_mode = st->st_mode;
	s.st_nlink = st->st_nlink;
	s.st_uid = high2low_id(st->st_uid);
	s.st_gid = high2low_id(st->st_gid);
	s.st_rdev = st->st_rdev;
	s.st_size = st->st_size;
	s.st_blksize = st->st_blksize;
	s.st_blocks = st->st_blocks;
	s.st_atime = st->st_atime;
	s.st_mtime = st->st_mtime;
	s.st_ctime = st->st_ctime;
	if (copy_to_user(ust, &s, sizeof(s)))
		return -EFAULT;
	return 0;
}

long sys_stat(const char *upath, struct stat *ust)
{
	struct stat64 st;
	return put_stat(path_stat(upath, true, &st), &st, ust);
}

long sys_lstat(const char *upath, struct stat *ust)
{
	struct stat64 st;
	return put_stat(path_stat(upath, false, &st), &st, ust);
}

long sys_fstat(int fd, struct stat *ust)
{
	struct stat64 st;
	return put_stat(fd_stat(fd, &st), &st, ust);
}

/* AT_EMPTY_PATH with path "": the file dirfd itself, or the cwd. */
static int dirfd_stat(int dirfd, struct stat64 *st)
{
	if (dirfd != AT_FDCWD)
		return fd_stat(dirfd, st);
	fs_lock();
	inode_stat(current->fs->cwd, st);
	fs_unlock();
	return 0;
}

long sys_fstatat64(int dirfd, const char *upath, struct stat64 *ust,
		   int flags)
{
	struct stat64 st;
	char first;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH |
		      AT_STATX_SYNC_TYPE))
		return -EINVAL;
	if (copy_from_user(&first, upath, 1))
		return -EFAULT;
	if (first == '\0' && (flags & AT_EMPTY_PATH))
		return put_stat64(dirfd_stat(dirfd, &st), &st, ust);
	return put_stat64(path_inode_op_at(dirfd, upath,
					   !(flags & AT_SYMLINK_NOFOLLOW),
					   stat_inode, &st), &st, ust);
}

long sys_stat64(const char *upath, struct stat64 *ust)
{
	struct stat64 st;
	return put_stat64(path_stat(upath, true, &st), &st, ust);
}

long sys_lstat64(const char *upath, struct stat64 *ust)
{
	struct stat64 st;
	return put_stat64(path_stat(upath, false, &st), &st, ust);
}

long sys_fstat64(int fd, struct stat64 *ust)
{
	struct stat64 st;
	return put_stat64(fd_stat(fd, &st), &st, ust);
}

/* readlink: what a symbolic link holds, copied into a kernel buffer under
   the fs lock, then out to the user. */
struct link_buf {
	char *buf;
	size_t size;
	ssize_t len;
};

static int read_link(struct inode *inode, void *arg)
{
	struct link_buf *lb = arg;

	if (!S_ISLNK(inode->i_mode))
		return -EINVAL;
	lb->len = readlink_inode(inode, lb->buf, lb->size);
	return lb->len < 0 ? (int)lb->len : 0;
}

long sys_readlink(const char *upath, char *ubuf, size_t bufsiz)
{
	struct link_buf lb = { NULL, bufsiz < PATH_MAX ? bufsiz : PATH_MAX, 0 };
	int err;

	if ((int)bufsiz <= 0)               /* as Linux checks it */
		return -EINVAL;
	if (!(lb.buf = kmalloc(lb.size)))
		return -ENOMEM;
	err = path_inode_op(upath, false, read_link, &lb);
	if (!err && copy_to_user(ubuf, lb.buf, lb.len))
		err = -EFAULT;
	kfree(lb.buf);
	return err ? err : lb.len;          /* no NUL is added */
}
