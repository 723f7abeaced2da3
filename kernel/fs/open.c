/*
 * open, creat and close: how the three levels get linked up.
 *
 *   open("/etc/motd", O_RDONLY)
 *     1. namei() finds the inode (level 3), creating it for O_CREAT;
 *     2. get_empty_filp() takes a struct file (level 2) and points it at
 *        the inode, with offset 0 and the operations for the file's kind;
 *     3. fd_install() puts it in the lowest free fd slot (level 1).
 *
 * Also here: the helper that gives process 1 its console on fds 0, 1, 2.
 */
#include "fs/file.h"
#include "fs/fdtable.h"
#include "sched/sched.h"
#include "include/syscall.h"
#include <sprout/errno.h>

/* Flags that act during open() only and are not kept in f_flags once
   the driver's open has seen them. */
#define OPEN_ONLY_FLAGS (O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC)

/* The inode a path names; with O_NOFOLLOW a symbolic link as the last
   component is ELOOP instead of being followed. The file notes where
   it was found (f_dir, f_name), for /proc/PID/fd. */
static int open_lookup(struct inode *base, const char *path, int flags,
		       struct file *f, struct inode **res)
{
	int err = namei_where_at(base, path, !(flags & O_NOFOLLOW), res,
				 &f->f_dir, &f->f_name);
	if (!err && S_ISLNK((*res)->i_mode)) {
		iput(*res);
		err = -ELOOP;
	}
	return err;
}

/* Find the inode, creating a regular file for O_CREAT first. Under
   fs_lock, so "does it exist?" and "create it" are one step for O_EXCL. */
static int open_namei(struct inode *base, const char *path, int flags,
		      uint16_t mode, struct file *f, struct inode **res)
{
	if (flags & O_CREAT) {
		mode = S_IFREG | (mode & 07777 & ~current->fs->umask);
		int err = vfs_mknod(base, path, mode, 0, NULL);
		if (err && (err != -EEXIST || (flags & O_EXCL)))
			return err;
	}
	return open_lookup(base, path, flags, f, res);
}

/* May this inode be opened this way? */
static int may_open(struct inode *inode, int flags)
{
	int acc = flags & O_ACCMODE;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (S_ISDIR(inode->i_mode) &&
	    (acc != O_RDONLY || (flags & (O_CREAT | O_TRUNC))))
		return -EISDIR;
	if (acc == O_ACCMODE)
		return -EINVAL;
	int mask = (acc == O_RDONLY ? R_OK : acc == O_WRONLY ? W_OK : R_OK | W_OK);
	return inode_permission(inode, mask);
}

/* The operations for the file's kind. In-memory inodes may bring their
   own (i_fop); a device gets its driver's at f_op->open; a FIFO on the
   disk is read and written as a pipe. */
static const struct file_operations *fops_for(struct inode *inode)
{
	if (inode->i_fop)
		return inode->i_fop;
	if (S_ISREG(inode->i_mode))
		return &regular_fops;
	if (S_ISDIR(inode->i_mode))
		return &dir_fops;
	if (S_ISCHR(inode->i_mode))
		return &def_chr_fops;
	if (S_ISFIFO(inode->i_mode))
		return &pipe_fops;
	return NULL;                /* block devices, sockets */
}

/* Levels 3 and 2: the inode and a struct file pointing at it. */
static int open_file(struct inode *base, const char *path, int flags,
		     uint16_t mode, struct file **res)
{
	struct inode *inode;
	struct file *f = get_empty_filp();
	if (!f)
		return -ENFILE;
	fs_lock();
	int err = open_namei(base, path, flags, mode, f, &inode);
	if (!err) {
		f->f_inode = inode;     /* fput() will drop it from now on */
		err = may_open(inode, flags);
	}
	if (!err && !(f->f_op = fops_for(inode)))
		err = -ENXIO;
	if (!err && (flags & O_TRUNC) && S_ISREG(inode->i_mode))
		err = inode_truncate(inode, 0);
	fs_unlock();
	f->f_flags = flags;         /* all of them for the driver (O_NOCTTY) */
	if (!err && f->f_op->open)          /* outside the lock: a tty may sleep */
		err = f->f_op->open(inode, f);
	f->f_flags &= ~OPEN_ONLY_FLAGS;
	if (err) {
		f->f_op = NULL;         /* never opened: nothing to release */
		fput(f);
		return err;
	}
	*res = f;
	return 0;
}

int do_open(struct inode *base, const char *path, int flags, uint16_t mode)
{
	int fd = get_unused_fd(0);
	if (fd < 0)
		return fd;
	struct file *f;
	int err = open_file(base, path, flags, mode, &f);
	if (err)
		return err;
	fd_install(fd, f, flags & O_CLOEXEC);
	return fd;
}

/* openat: the walk starts at dirfd's directory (namei_sys.c). */
long sys_openat(int dirfd, const char *upath, int flags, mode_t mode)
{
	struct at_path p;
	int err = at_path_get(dirfd, upath, 0, &p);

	if (err)
		return err;
	err = do_open(p.base, p.name, flags, mode);
	fs_lock();
	at_path_put(&p);
	fs_unlock();
	return err;
}

long sys_open(const char *upath, int flags, mode_t mode)
{
	return sys_openat(AT_FDCWD, upath, flags, mode);
}

long sys_creat(const char *upath, mode_t mode)
{
	return sys_open(upath, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_close(int fd)
{
	return fd_close(fd);
}

/* Process 1 starts with the console as stdin, stdout and stderr, as on
   Linux: one open file description, shared by three fds. */
int open_console_fds(void)
{
	int fd = do_open(root_inode, "/dev/console", O_RDWR, 0);
	if (fd < 0)
		return fd;
	for (int i = 1; i <= 2; i++) {
		int nfd = get_unused_fd(0);
		if (nfd < 0)
			return nfd;
		fd_install(nfd, get_file(current->files->fd[fd]), false);
	}
	return 0;
}

/* access(): may the caller read / write / execute this file? With
   every process root, as Sprout's are, reading and writing are always
   allowed, and executing a file if any x bit is set (inode_permission);
   so the real ids (access) and the effective ones (AT_EACCESS) agree. */
static int access_inode(struct inode *inode, void *mode)
{
	int m = *(int *)mode;

	return m == F_OK ? 0 : inode_permission(inode, m);
}

long sys_faccessat2(int dirfd, const char *upath, int mode, int flags)
{
	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	return path_inode_op_at(dirfd, upath, flags & ~AT_EACCESS,
				access_inode, &mode);
}

long sys_faccessat(int dirfd, const char *upath, int mode)
{
	return sys_faccessat2(dirfd, upath, mode, 0);
}

long sys_access(const char *upath, int mode)
{
	return sys_faccessat2(AT_FDCWD, upath, mode, 0);
}

/* The bits umask holds are taken away from every file this process
   creates: open(O_CREAT), mkdir, mknod. Returns the old mask. */
long sys_umask(mode_t mask)
{
	int old = current->fs->umask;
	current->fs->umask = mask & 0777;
	return old;
}
