/*
 * The current directory: chdir, fchdir and getcwd; and the fs_struct
 * that holds it with the umask.
 *
 * A process's cwd is just an inode reference (current->fs->cwd); relative
 * paths start there. Threads made by clone(CLONE_FS) share one fs_struct,
 * so a chdir in one moves them all; fork copies it. The kernel keeps no name for it, so getcwd() has to
 * work the name out, the way the old /bin/pwd did: look up ".." to find
 * the parent, search the parent for the entry with our inode number -
 * that is our name - and repeat until the parent is the root. /proc's
 * links to directories (cwd, fd/N) are worked out the same way.
 */
#include "fs/file.h"
#include "fs/fdtable.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>

/* fork: the child's own copy, holding the same directory. */
struct fs_struct *fs_copy(const struct fs_struct *old)
{
	struct fs_struct *fs = kmalloc(sizeof(*fs));

	if (!fs)
		return NULL;
	*fs = (struct fs_struct){ .users = 1, .umask = old->umask };
	if (old->cwd) {
		fs_lock();
		fs->cwd = igrab(old->cwd);
		fs_unlock();
	}
	return fs;
}

void fs_get(struct fs_struct *fs)
{
	fs->users++;
}

/* The last user lets go of the directory (iput may write the inode
   back: under fs_lock). */
void fs_put(struct fs_struct *fs)
{
	if (--fs->users > 0)
		return;
	fs_lock();
	iput(fs->cwd);
	fs_unlock();
	kfree(fs);
}

static int set_cwd(struct inode *inode)
{
	if (!S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	int err = inode_permission(inode, X_OK);
	if (err)
		return err;
	iput(current->fs->cwd);
	current->fs->cwd = igrab(inode);
	return 0;
}

static int chdir_to(struct inode *inode, void *unused)
{
	return set_cwd(inode);
}

long sys_chdir(const char *upath)
{
	return path_inode_op(upath, true, chdir_to, NULL);
}

long sys_fchdir(int fd)
{
	struct file *f = fd_lookup(fd);
	if (!f)
		return -EBADF;
	if (!f->f_inode)
		return -ENOTDIR;
	fs_lock();
	int err = set_cwd(f->f_inode);
	fs_unlock();
	return err;
}

/* ---- a directory's path: getcwd, and /proc's links ---- */

struct find_entry {
	uint32_t ino;               /* look for this inode number */
	char found[NAME_MAX + 1];
	size_t len;
	bool ok;
};

static int match_ino(void *ctx, const char *name, size_t len,
		     uint32_t ino, uint8_t type)
{
	struct find_entry *fe = ctx;
	bool dots = (len == 1 && name[0] == '.') ||
		    (len == 2 && name[0] == '.' && name[1] == '.');
	if (ino != fe->ino || dots)
		return 0;
	memcpy(fe->found, name, len);
	fe->len = len;
	fe->ok = true;
	return 1;
}

/* One step up: the parent of dir, and dir's name in it. The root of a
   mounted file system is named in the parent by the directory it
   covers ("proc" in "/"), so that is the number looked for. */
static int step_up(struct inode *dir, struct inode **parent,
		   struct find_entry *fe)
{
	loff_t pos = 0;
	int err = vfs_lookup(dir, "..", 2, parent);

	if (err)
		return err;
	*fe = (struct find_entry){ .ino = follow_up(dir)->i_ino };
	err = dir_iterate(*parent, &pos, match_ino, fe);
	if (err || !fe->ok) {
		iput(*parent);
		return err ? err : -ENOENT;    /* we were removed */
	}
	return 0;
}

/* Build the path backwards from the end of buf, climbing "..": the name
   of each directory is found by its number in its parent. */
int dir_path(struct inode *dir, char *buf, char **start)
{
	char *p = buf + PATH_MAX;
	struct find_entry fe;
	int err = dir->i_nlink ? 0 : -ENOENT;   /* it was rmdir'ed */

	dir = igrab(dir);
	*--p = '\0';
	while (!err && dir != root_inode) {
		struct inode *parent;
		err = step_up(dir, &parent, &fe);
		if (err)
			break;
		iput(dir);
		dir = parent;
		if ((size_t)(p - buf) < fe.len + 1) {
			err = -ENAMETOOLONG;
			break;
		}
		p -= fe.len;
		memcpy(p, fe.found, fe.len);
		*--p = '/';
	}
	iput(dir);
	if (*p == '\0')             /* the root itself */
		*--p = '/';
	*start = p;
	return err;
}

/* "/dir/path/name", or dir's own path when name is NULL: where an open
   file or a running program was found. */
int dir_entry_path(struct inode *dir, const char *name, char *buf)
{
	char *path = kmalloc(PATH_MAX), *start;
	int n;

	if (!path)
		return -ENOMEM;
	n = dir_path(dir, path, &start);
	if (!n)
		n = snprintf(buf, PATH_MAX, "%s%s%s", start,
			     name && start[1] ? "/" : "", name ? name : "");
	kfree(path);
	return n >= PATH_MAX ? -ENAMETOOLONG : n;
}

/* Linux's getcwd system call returns the length, NUL included. */
long sys_getcwd(char *ubuf, size_t size)
{
	char *buf = kmalloc(PATH_MAX);
	if (!buf)
		return -ENOMEM;
	char *path;
	fs_lock();
	long err = dir_path(current->fs->cwd, buf, &path);
	fs_unlock();
	if (!err) {
		size_t len = buf + PATH_MAX - path;
		if (len > size)
			err = -ERANGE;
		else if (copy_to_user(ubuf, path, len))
			err = -EFAULT;
		else
			err = len;
	}
	kfree(buf);
	return err;
}
