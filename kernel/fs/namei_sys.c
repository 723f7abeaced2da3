/*
 * The system calls that change names in directories: mknod, mkdir, rmdir,
 * unlink, link, rename and symlink, each in its *at() form (mknodat,
 * mkdirat, unlinkat, linkat, renameat2, symlinkat), which the old call is
 * with AT_FDCWD. Each copies its paths in from user memory and hands
 * them to the ext2 code (vfs_* in fs.h), under the fs lock.
 *
 * Also getname(): every system call that takes a path copies it in here,
 * so the limits are checked in one place: a bad pointer is EFAULT, a path
 * of PATH_MAX bytes or more is ENAMETOOLONG, an empty one is ENOENT. And
 * the one place a dirfd becomes the directory a walk starts from
 * (at_path_get, drawn in docs/files.md):
 *
 *     openat(dfd, "b/c", ...)     fd table           the walk
 *                                 dfd --> file --> inode of /x/a  (base)
 *                                                    "b" --> "c"
 *     openat(AT_FDCWD, "b/c")     current->fs->cwd  --> inode of the cwd
 *     openat(dfd, "/y/c")         dfd not looked at: root_inode, "y", "c"
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

/* With AT_EMPTY_PATH in flags an empty path is no error (it names the
   dirfd's own file). */
static int getname_flags(const char *upath, int flags, char **name)
{
	char *buf = spare_name ? spare_name : kmalloc(PATH_MAX);
	if (!buf)
		return -ENOMEM;
	spare_name = NULL;
	long len = strncpy_from_user(buf, upath, PATH_MAX);
	if (len < 0 || (len == 0 && !(flags & AT_EMPTY_PATH))) {
		putname(buf);
		return len < 0 ? (int)len : -ENOENT;
	}
	*name = buf;
	return 0;
}

int getname(const char *upath, char **name)
{
	return getname_flags(upath, 0, name);
}

void putname(char *name)
{
	if (spare_name)
		kfree(name);
	else
		spare_name = name;
}

/* Where a relative path's walk starts: dirfd's directory, or the cwd for
   AT_FDCWD. An absolute path starts at the root and dirfd is not even
   looked at (Linux's rule: a bad dirfd is no error then). An empty path
   (AT_EMPTY_PATH) names dirfd's file itself, of whatever kind. The base
   is referenced: another thread may close dirfd while this one sleeps. */
static int get_base(int dirfd, const char *name, struct inode **base)
{
	struct file *f;

	if (*name == '/' || dirfd == AT_FDCWD) {
		*base = igrab(cwd_inode());
		return 0;
	}
	if (!(f = fd_lookup(dirfd)) || !f->f_inode)
		return -EBADF;
	if (*name && !S_ISDIR(f->f_inode->i_mode))
		return -ENOTDIR;
	*base = igrab(f->f_inode);
	return 0;
}

int at_path_get(int dirfd, const char *upath, int flags, struct at_path *p)
{
	int err = getname_flags(upath, flags, &p->name);

	if (!err && (err = get_base(dirfd, p->name, &p->base)) < 0)
		putname(p->name);
	return err;
}

/* Under the fs lock: the base is an inode reference. */
void at_path_put(struct at_path *p)
{
	iput(p->base);
	putname(p->name);
}

int at_path_inode(struct at_path *p, bool follow, struct inode **res)
{
	if (!*p->name) {                    /* AT_EMPTY_PATH */
		*res = igrab(p->base);
		return 0;
	}
	return namei_at(p->base, p->name, follow, res);
}

/* One path in, op on it under the fs lock: what every *at() call with
   one path has in common. */
static int at_op(int dirfd, const char *upath, int flags,
		 int (*op)(struct at_path *, const void *), const void *arg)
{
	struct at_path p;
	int err = at_path_get(dirfd, upath, flags, &p);

	if (err)
		return err;
	fs_lock();
	err = op(&p, arg);
	at_path_put(&p);
	fs_unlock();
	return err;
}

/* Look up a user path and call act(inode, arg) on it: what chdir, stat,
   access, chmod, truncate and utimensat have in common. flags:
   AT_SYMLINK_NOFOLLOW (a last symbolic link is not followed: lstat),
   AT_EMPTY_PATH. */
struct inode_act {
	int (*act)(struct inode *, void *);
	void *arg;
	bool follow;
};

static int act_on_inode(struct at_path *p, const void *arg)
{
	const struct inode_act *ia = arg;
	struct inode *inode;
	int err = at_path_inode(p, ia->follow, &inode);

	if (!err) {
		err = ia->act(inode, ia->arg);
		iput(inode);
	}
	return err;
}

int path_inode_op_at(int dirfd, const char *upath, int flags,
		     int (*act)(struct inode *, void *), void *arg)
{
	struct inode_act ia = { act, arg, !(flags & AT_SYMLINK_NOFOLLOW) };

	return at_op(dirfd, upath, flags & AT_EMPTY_PATH, act_on_inode, &ia);
}

int path_inode_op(const char *upath, bool follow,
		  int (*act)(struct inode *, void *), void *arg)
{
	return path_inode_op_at(AT_FDCWD, upath,
				follow ? 0 : AT_SYMLINK_NOFOLLOW, act, arg);
}

/* ---- mknod, mkdir ---- */

struct mknod_arg {
	uint16_t mode;
	dev_t dev;
};

static int mknod_op(struct at_path *p, const void *arg)
{
	const struct mknod_arg *m = arg;

	return vfs_mknod(p->base, p->name, m->mode, m->dev, NULL);
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

long sys_mknodat(int dirfd, const char *upath, mode_t mode, dev_t dev)
{
	struct mknod_arg m = { mode & (S_IFMT | 07777), dev };
	int err = check_mknod_mode(&m.mode);

	if (err)
		return err;
	m.mode &= ~current->fs->umask;
	return at_op(dirfd, upath, 0, mknod_op, &m);
}

long sys_mknod(const char *upath, mode_t mode, dev_t dev)
{
	return sys_mknodat(AT_FDCWD, upath, mode, dev);
}

static int mkdir_op(struct at_path *p, const void *mode)
{
	return vfs_mkdir(p->base, p->name, *(const uint16_t *)mode);
}

long sys_mkdirat(int dirfd, const char *upath, mode_t mode)
{
	uint16_t m = mode & (S_ISVTX | 0777) & ~current->fs->umask;

	return at_op(dirfd, upath, 0, mkdir_op, &m);
}

long sys_mkdir(const char *upath, mode_t mode)
{
	return sys_mkdirat(AT_FDCWD, upath, mode);
}

/* ---- unlink, rmdir ---- */

static int rmdir_op(struct at_path *p, const void *unused)
{
	return vfs_rmdir(p->base, p->name);
}

static int unlink_op(struct at_path *p, const void *unused)
{
	return vfs_unlink(p->base, p->name);
}

/* unlinkat is unlink, or rmdir with AT_REMOVEDIR. */
long sys_unlinkat(int dirfd, const char *upath, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	return at_op(dirfd, upath, 0, flags ? rmdir_op : unlink_op, NULL);
}

long sys_rmdir(const char *upath)
{
	return sys_unlinkat(AT_FDCWD, upath, AT_REMOVEDIR);
}

long sys_unlink(const char *upath)
{
	return sys_unlinkat(AT_FDCWD, upath, 0);
}

/* ---- symlink ---- */

static int symlink_op(struct at_path *p, const void *target)
{
	return vfs_symlink(target, p->base, p->name);
}

long sys_symlinkat(const char *utarget, int newdirfd, const char *ulinkpath)
{
	char *target;
	int err = getname(utarget, &target);

	if (err)
		return err;
	err = at_op(newdirfd, ulinkpath, 0, symlink_op, target);
	putname(target);
	return err;
}

long sys_symlink(const char *utarget, const char *ulinkpath)
{
	return sys_symlinkat(utarget, AT_FDCWD, ulinkpath);
}

/* ---- link, rename: two paths, each from its own dirfd ---- */

static int get_two(int olddirfd, const char *uold, int oldflags,
		   int newdirfd, const char *unew,
		   struct at_path *old, struct at_path *new)
{
	int err = at_path_get(olddirfd, uold, oldflags, old);

	if (err)
		return err;
	if ((err = at_path_get(newdirfd, unew, 0, new)) < 0) {
		fs_lock();
		at_path_put(old);
		fs_unlock();
	}
	return err;
}

static void put_two(struct at_path *old, struct at_path *new)
{
	at_path_put(new);
	at_path_put(old);
}

/* linkat: link() does not follow a last symbolic link in oldpath (the
   link gets the new name); AT_SYMLINK_FOLLOW does. With AT_EMPTY_PATH
   and oldpath "", the new name is for olddirfd's own file. */
long sys_linkat(int olddirfd, const char *uold, int newdirfd,
		const char *unew, int flags)
{
	struct at_path old, new;
	struct inode *inode;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = get_two(olddirfd, uold, flags & AT_EMPTY_PATH, newdirfd, unew,
		      &old, &new);
	if (err)
		return err;
	fs_lock();
	err = at_path_inode(&old, flags & AT_SYMLINK_FOLLOW, &inode);
	if (!err) {
		err = vfs_link(inode, new.base, new.name);
		iput(inode);
	}
	put_two(&old, &new);
	fs_unlock();
	return err;
}

long sys_link(const char *uold, const char *unew)
{
	return sys_linkat(AT_FDCWD, uold, AT_FDCWD, unew, 0);
}

/* renameat2: NOREPLACE and EXCHANGE exclude each other; WHITEOUT is for
   overlay file systems, which Sprout has none of. */
long sys_renameat2(int olddirfd, const char *uold, int newdirfd,
		   const char *unew, unsigned int flags)
{
	struct at_path old, new;
	int err;

	if ((flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE)) ||
	    flags == (RENAME_NOREPLACE | RENAME_EXCHANGE))
		return -EINVAL;
	err = get_two(olddirfd, uold, 0, newdirfd, unew, &old, &new);
	if (err)
		return err;
	fs_lock();
	err = vfs_rename(old.base, old.name, new.base, new.name, flags);
	put_two(&old, &new);
	fs_unlock();
	return err;
}

long sys_renameat(int olddirfd, const char *uold, int newdirfd,
		  const char *unew)
{
	return sys_renameat2(olddirfd, uold, newdirfd, unew, 0);
}

long sys_rename(const char *uold, const char *unew)
{
	return sys_renameat2(AT_FDCWD, uold, AT_FDCWD, unew, 0);
}
