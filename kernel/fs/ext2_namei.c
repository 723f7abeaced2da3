/*
 * Path names: from "/usr/bin/sh" (or "bin/sh", starting at the current
 * directory) to an inode, one directory lookup per component; and the
 * operations that change names: mknod, mkdir, rmdir, unlink, link,
 * rename. Each first walks to the parent directory of the last component
 * ("nameidata"), then works on that one directory entry.
 */
#include "fs/ext2.h"
#include "sched/sched.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* The result of walking to a path's parent directory. */
struct nameidata {
	struct inode *dir;          /* the parent, referenced */
	const char *last;           /* the last component, not NUL-ended */
	size_t len;                 /* 0: the path was "/" */
	bool slash;                 /* "name/": the name must be a directory */
};

static bool is_dot(const struct nameidata *nd)
{
	return nd->len == 1 && nd->last[0] == '.';
}

static bool is_dotdot(const struct nameidata *nd)
{
	return nd->len == 2 && nd->last[0] == '.' && nd->last[1] == '.';
}

/* The entry `name` of directory dir, referenced. */
static int lookup(struct inode *dir, const char *name, size_t len,
		  struct inode **res)
{
	int ino;

	if (!S_ISDIR(dir->i_mode))
		return -ENOTDIR;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if ((ino = dir_find(dir, name, len)) <= 0)
		return ino < 0 ? ino : -ENOENT;
	return (*res = iget(ino)) ? 0 : -EIO;
}

/* Walk every component but the last. Slashes repeat freely ("a//b/"). */
static int walk_parent(const char *path, struct nameidata *nd)
{
	size_t plen = strnlen(path, PATH_MAX);
	struct inode *dir, *next;
	int err;

	if (plen == 0)
		return -ENOENT;
	if (plen >= PATH_MAX)
		return -ENAMETOOLONG;
	if (*path == '/' || !current->cwd)
		dir = igrab(root_inode);
	else
		dir = igrab(current->cwd);
	while (*path == '/')
		path++;
	for (;;) {
		const char *rest;
		size_t len = 0;

		while (path[len] && path[len] != '/')
			len++;
		for (rest = path + len; *rest == '/'; rest++)
			;
		if (!*rest) {           /* path[0 .. len) is the last one */
			*nd = (struct nameidata){ dir, path, len, path[len] == '/' };
			break;
		}
		err = lookup(dir, path, len, &next);
		iput(dir);
		if (err)
			return err;
		dir = next;
		path = rest;
	}
	if (!S_ISDIR(dir->i_mode))
		err = -ENOTDIR;
	else if (nd->len > NAME_MAX)
		err = -ENAMETOOLONG;
	else if (dir->i_nlink == 0)
		err = -ENOENT;          /* a removed directory takes no names */
	else
		return 0;
	iput(dir);
	return err;
}

/* The inode the last component names; "name/" must be a directory. */
static int lookup_last(struct nameidata *nd, struct inode **res)
{
	int err;

	if (nd->len == 0) {
		*res = igrab(nd->dir);
		return 0;
	}
	if ((err = lookup(nd->dir, nd->last, nd->len, res)) < 0)
		return err;
	if (nd->slash && !S_ISDIR((*res)->i_mode)) {
		iput(*res);
		return -ENOTDIR;
	}
	return 0;
}

int namei(const char *path, struct inode **res)
{
	struct nameidata nd;
	int err;

	if ((err = walk_parent(path, &nd)) < 0)
		return err;
	err = lookup_last(&nd, res);
	iput(nd.dir);
	return err;
}

int namei_parent(const char *path, struct inode **dir, char *last)
{
	struct nameidata nd;
	int err;

	if ((err = walk_parent(path, &nd)) < 0)
		return err;
	memcpy(last, nd.last, nd.len);
	last[nd.len] = '\0';
	*dir = nd.dir;
	return 0;
}

/* For the calls that create a name: it must be new and a plain name. */
static int check_new_name(struct nameidata *nd)
{
	int ino;

	if (nd->len == 0 || is_dot(nd) || is_dotdot(nd))
		return -EEXIST;
	if ((ino = dir_find(nd->dir, nd->last, nd->len)) != 0)
		return ino < 0 ? ino : -EEXIST;
	return 0;
}

/* A new inode that will get no name goes away at its iput. */
static void discard_new(struct inode *inode)
{
	inode->i_nlink = 0;
	iput(inode);
}

/* Give a new inode its first name; on failure the inode goes away. */
static int link_new(struct nameidata *nd, struct inode *inode)
{
	int err = dir_add(nd->dir, nd->last, nd->len, inode);

	if (err)
		discard_new(inode);
	return err;
}

int vfs_mknod(const char *path, uint16_t mode, dev_t rdev, struct inode **res)
{
	struct nameidata nd;
	struct inode *inode;
	int err;

	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	if (S_ISDIR(mode))
		return -EPERM;          /* directories come from mkdir */
	if ((err = walk_parent(path, &nd)) < 0)
		return err;
	if ((err = check_new_name(&nd)) < 0)
		goto out;
	if (nd.slash) {
		err = -ENOENT;
		goto out;
	}
	if (!(inode = ext2_new_inode_get(nd.dir, mode, &err)))
		goto out;
	inode->i_nlink = 1;
	if (S_ISCHR(mode) || S_ISBLK(mode)) {
		/* As Linux stores them: a number whose major and minor fit
		   a byte each in i_block[0] (old style), others in
		   i_block[1] (new style, which our dev_t already is). */
		inode->i_rdev = rdev;
		inode->i_block[rdev <= 0xFFFF ? 0 : 1] = rdev;
	}
	if ((err = link_new(&nd, inode)) < 0)
		goto out;
	if (res)
		*res = inode;
	else
		iput(inode);
out:
	iput(nd.dir);
	return err;
}

int vfs_mkdir(const char *path, uint16_t mode)
{
	struct nameidata nd;
	struct inode *inode;
	int err;

	if ((err = walk_parent(path, &nd)) < 0)
		return err;
	if ((err = check_new_name(&nd)) < 0)
		goto out;
	if (nd.dir->i_nlink >= EXT2_LINK_MAX) {     /* our ".." would not fit */
		err = -EMLINK;
		goto out;
	}
	if (!(inode = ext2_new_inode_get(nd.dir, S_IFDIR | (mode & 07777), &err)))
		goto out;
	inode->i_nlink = 2;                 /* its name, and its own "." */
	if ((err = dir_init(inode, nd.dir)) < 0) {
		discard_new(inode);
		goto out;
	}
	if ((err = link_new(&nd, inode)) < 0)
		goto out;
	nd.dir->i_nlink++;                  /* the new ".." */
	iput(inode);
out:
	iput(nd.dir);
	return err;
}

int vfs_rmdir(const char *path)
{
	struct nameidata nd;
	struct inode *inode;
	int err;

	if ((err = walk_parent(path, &nd)) < 0)
		return err;
	if (nd.len == 0 || is_dot(&nd) || is_dotdot(&nd)) {
		err = nd.len == 0 ? -EBUSY : is_dot(&nd) ? -EINVAL : -ENOTEMPTY;
		goto out;
	}
	if ((err = lookup_last(&nd, &inode)) < 0)
		goto out;
	if (!S_ISDIR(inode->i_mode))
		err = -ENOTDIR;
	else if (!dir_empty(inode))
		err = -ENOTEMPTY;
	else if (!(err = dir_remove(nd.dir, nd.last, nd.len))) {
		inode->i_nlink = 0;             /* its name and its "." */
		inode->i_size = 0;              /* lookups inside find nothing */
		inode_touch(inode, false);
		nd.dir->i_nlink--;              /* its ".." */
	}
	iput(inode);
out:
	iput(nd.dir);
	return err;
}

int vfs_unlink(const char *path)
{
	struct nameidata nd;
	struct inode *inode;
	int err;

	if ((err = walk_parent(path, &nd)) < 0)
		return err;
	if (nd.len == 0 || is_dot(&nd) || is_dotdot(&nd)) {
		err = -EISDIR;
		goto out;
	}
	if ((err = lookup_last(&nd, &inode)) < 0)
		goto out;
	if (S_ISDIR(inode->i_mode))
		err = -EISDIR;
	else if (!(err = dir_remove(nd.dir, nd.last, nd.len))) {
		inode->i_nlink--;               /* freed at its last iput */
		inode_touch(inode, false);
	}
	iput(inode);
out:
	iput(nd.dir);
	return err;
}

int vfs_link(const char *oldpath, const char *newpath)
{
	struct nameidata nd;
	struct inode *inode;
	int err;

	if ((err = namei(oldpath, &inode)) < 0)
		return err;
	if ((err = walk_parent(newpath, &nd)) < 0)
		goto out_inode;
	if ((err = check_new_name(&nd)) < 0)
		goto out;
	if (nd.slash)
		err = -ENOENT;
	else if (S_ISDIR(inode->i_mode))    /* would make loops in the tree */
		err = -EPERM;
	else if (inode->i_nlink >= EXT2_LINK_MAX)
		err = -EMLINK;
	else if (!(err = dir_add(nd.dir, nd.last, nd.len, inode))) {
		inode->i_nlink++;
		inode_touch(inode, false);
	}
out:
	iput(nd.dir);
out_inode:
	iput(inode);
	return err;
}

/* Is dir `inode` itself or below it? Climb from dir through "..". */
static bool in_subtree(struct inode *dir, struct inode *inode)
{
	struct inode *d = igrab(dir), *up;
	bool found = false;
	int ino;

	for (;;) {
		if (d == inode) {
			found = true;
			break;
		}
		if (d == root_inode || (ino = dir_find(d, "..", 2)) <= 0 ||
		    !(up = iget(ino)))
			break;
		iput(d);
		d = up;
	}
	iput(d);
	return found;
}

/* May `from` replace `to` (NULL: no such name yet) in new->dir?
   Linux's order: first the tree (a directory cannot move below itself,
   nor replace a directory above it), then the file types, then EMLINK
   and emptiness. */
static int check_rename(struct inode *from, struct inode *to,
			struct nameidata *old, struct nameidata *new)
{
	bool dir = S_ISDIR(from->i_mode);

	if (dir && in_subtree(new->dir, from))
		return -EINVAL;
	if (to && S_ISDIR(to->i_mode) && in_subtree(old->dir, to))
		return -ENOTEMPTY;
	if (!to)
		return dir && new->dir != old->dir &&
		       new->dir->i_nlink >= EXT2_LINK_MAX ? -EMLINK : 0;
	if (dir != S_ISDIR(to->i_mode))
		return dir ? -ENOTDIR : -EISDIR;
	if (dir && !dir_empty(to))
		return -ENOTEMPTY;
	return 0;
}

/* The name change itself, once check_rename has said yes. */
static int do_rename(struct inode *from, struct inode *to,
		     struct nameidata *old, struct nameidata *new)
{
	int err;

	if (to) {                           /* the old file loses its name */
		if ((err = dir_set(new->dir, new->last, new->len, from)) < 0)
			return err;
		if (S_ISDIR(to->i_mode)) {
			to->i_nlink = 0;
			to->i_size = 0;
			new->dir->i_nlink--;        /* to's ".." is gone */
		} else {
			to->i_nlink--;
		}
		inode_touch(to, false);
	} else if ((err = dir_add(new->dir, new->last, new->len, from)) < 0) {
		return err;
	}
	dir_remove(old->dir, old->last, old->len);
	if (S_ISDIR(from->i_mode) && old->dir != new->dir) {
		dir_set(from, "..", 2, new->dir);
		old->dir->i_nlink--;
		new->dir->i_nlink++;
	}
	inode_touch(from, false);
	return 0;
}

int vfs_rename(const char *oldpath, const char *newpath)
{
	struct nameidata old, new;
	struct inode *from = NULL, *to = NULL;
	int err, ino;

	if ((err = walk_parent(oldpath, &old)) < 0)
		return err;
	if ((err = walk_parent(newpath, &new)) < 0)
		goto out_old;
	if (old.len == 0 || is_dot(&old) || is_dotdot(&old) ||
	    new.len == 0 || is_dot(&new) || is_dotdot(&new)) {
		err = -EBUSY;
		goto out;
	}
	if ((err = lookup_last(&old, &from)) < 0)
		goto out;
	if (new.slash && !S_ISDIR(from->i_mode)) {
		err = -ENOTDIR;                 /* "file" -> "name/" */
		goto out;
	}
	if ((ino = dir_find(new.dir, new.last, new.len)) < 0 ||
	    (ino > 0 && !(to = iget(ino)))) {
		err = -EIO;
		goto out;
	}
	if (to == from)                     /* two names of one file: no-op */
		goto out;
	if (!(err = check_rename(from, to, &old, &new)))
		err = do_rename(from, to, &old, &new);
out:
	iput(to);
	iput(from);
	iput(new.dir);
out_old:
	iput(old.dir);
	return err;
}
