/*
 * The system calls that change names in directories: mknod, mkdir, rmdir,
 * unlink, link, rename and symlink. Each copies its paths in from user memory and
 * hands them to the ext2 code (vfs_* in fs.h), under the fs lock.
 *
 * Also getname(): every system call that takes a path copies it in here,
 * so the limits are checked in one place: a bad pointer is EFAULT, a path
 * of PATH_MAX bytes or more is ENAMETOOLONG, an empty one is ENOENT.
 */
#include "fs/file.h"
#include "fs/fdtable.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "include/syscall.h"
#include <sprout/errno.h>

/* A path buffer is a whole page, which kmalloc would take from the page
   allocator and give back on every call: putname keeps one for the next
   getname instead (Linux keeps its own "names_cache" for them). The
   kernel is not preempted, so taking it needs no lock. */
static char *spare_name;

int getname(const char *upath, char **name)
{
	char *buf = spare_name ? spare_name : kmalloc(PATH_MAX);
	if (!buf)
		return -ENOMEM;
	spare_name = NULL;
	long len = strncpy_from_user(buf, upath, PATH_MAX);
	if (len <= 0) {
		putname(buf);
		return len < 0 ? (int)len : -ENOENT;
	}
	*name = buf;
	return 0;
}

void putname(char *name)
{
	if (spare_name)
		kfree(name);
	else
		spare_name = name;
}

/* Look up a user path and call act(inode, arg) on it under the fs lock:
   what chdir, stat, access, truncate and utimensat have in common. A
   relative path starts from directory dirfd, or the cwd if AT_FDCWD (the
   *at() calls' convention). Symbolic links are followed, the last one
   only when `follow` (not for lstat). */
int path_inode_op_at(int dirfd, const char *upath, bool follow,
		     int (*act)(struct inode *, void *), void *arg)
{
	struct file *dir = NULL;
	struct inode *inode;
	char *path;
	int err = getname(upath, &path);

	if (err)
		return err;
	if (*path != '/' && dirfd != AT_FDCWD) {
		dir = fd_lookup(dirfd);
		err = !dir || !dir->f_inode ? -EBADF
		      : !S_ISDIR(dir->f_inode->i_mode) ? -ENOTDIR : 0;
	}
	if (!err) {
		fs_lock();
		err = dir ? namei_at(dir->f_inode, path, follow, &inode)
			  : follow ? namei(path, &inode) : lnamei(path, &inode);
		if (!err) {
			err = act(inode, arg);
			iput(inode);
		}
		fs_unlock();
	}
	putname(path);
	return err;
}

int path_inode_op(const char *upath, bool follow,
		  int (*act)(struct inode *, void *), void *arg)
{
	return path_inode_op_at(AT_FDCWD, upath, follow, act, arg);
}

/* One path in, one vfs_* call under the lock. */
static long path_op(const char *upath, int (*op)(const char *))
{
	char *path;
	int err = getname(upath, &path);
	if (err)
		return err;
	fs_lock();
	err = op(path);
	fs_unlock();
	putname(path);
	return err;
}

/* Two paths in (link, rename). */
static long path2_op(const char *uold, const char *unew,
		     int (*op)(const char *, const char *))
{
	char *old, *new;
	int err = getname(uold, &old);
	if (err)
		return err;
	err = getname(unew, &new);
	if (!err) {
		fs_lock();
		err = op(old, new);
		fs_unlock();
		putname(new);
	}
	putname(old);
	return err;
}

/* mknod: regular files, devices, FIFOs and sockets; directories have
   mkdir (EPERM here, as on Linux). Mode type 0 means a regular file. */
static int check_mknod_mode(uint16_t *mode)
{
	switch (*mode & S_IFMT) {
	case 0:
		*mode |= S_IFREG;
		return 0;
	case S_IFREG: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		return 0;
	case S_IFDIR:
		return -EPERM;
	default:
		return -EINVAL;
	}
}

long sys_mknod(const char *upath, mode_t mode, dev_t dev)
{
	uint16_t m = mode & (S_IFMT | 07777);
	int err = check_mknod_mode(&m);
	if (err)
		return err;
	m &= ~current->fs->umask;
	char *path;
	err = getname(upath, &path);
	if (err)
		return err;
	struct inode *inode;
	fs_lock();
	err = vfs_mknod(path, m, dev, &inode);
	if (!err)
		iput(inode);
	fs_unlock();
	putname(path);
	return err;
}

long sys_mkdir(const char *upath, mode_t mode)
{
	char *path;
	int err = getname(upath, &path);
	if (err)
		return err;
	fs_lock();
	err = vfs_mkdir(path, mode & (S_ISVTX | 0777) & ~current->fs->umask);
	fs_unlock();
	putname(path);
	return err;
}

long sys_rmdir(const char *upath)
{
	return path_op(upath, vfs_rmdir);
}

long sys_unlink(const char *upath)
{
	return path_op(upath, vfs_unlink);
}

long sys_link(const char *uold, const char *unew)
{
	return path2_op(uold, unew, vfs_link);
}

long sys_rename(const char *uold, const char *unew)
{
	return path2_op(uold, unew, vfs_rename);
}

long sys_symlink(const char *utarget, const char *ulinkpath)
{
	return path2_op(utarget, ulinkpath, vfs_symlink);
}
