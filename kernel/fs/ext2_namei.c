/*
 * Path names: from "/usr/bin/sh" (or "bin/sh", starting at a directory,
 * the base: the current one, or an *at() call's dirfd) to an inode, one
 * directory lookup per component; and the operations that change names:
 * mknod, mkdir, rmdir, unlink, link, rename (and renameat2's exchange),
 * symlink. Each first walks to the parent directory of the last
 * component ("nameidata"), then works on that one directory entry.
 *
 * Symbolic links are followed here too: a link met on the way is
 * replaced by the walk of its target, from the link's own directory for
 * a relative target ("../lib"), from the root for an absolute one.
 *
 * Each step of the walk is vfs_lookup() (fs/vfs.c), which crosses mount
 * points: "/proc/1" goes from ext2's "/" into /proc's root. Only ext2
 * directories take new names or lose old ones: /proc's entries come
 * from the tables they show.
 */
#include "fs/ext2.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* The result of walking to a path's parent directory. */
struct nameidata {
	struct inode *dir;          /* the parent, referenced */
	const char *last;           /* the last component, not NUL-ended */
	size_t len;                 /* 0: the path was "/" */
	bool slash;                 /* "name/": the name must be a directory */
	int links;                  /* symbolic links followed so far */
	char *buf;                  /* the path left, once a link was met */
};

static bool is_dot(const struct nameidata *nd)
{
	return nd->len == 1 && nd->last[0] == '.';
}

static bool is_dotdot(const struct nameidata *nd)
{
	return nd->len == 2 && nd->last[0] == '.' && nd->last[1] == '.';
}

/* May names be added to or removed from dir? Only on the disk. */
static bool on_disk(struct inode *dir)
{
	return dir->i_op == &ext2_iops;
}

/* Is inode, found under a name in dir, the root of another mounted file
   system? Then that name is a mount point: busy. */
static bool is_mount_point(struct nameidata *nd, struct inode *inode)
{
	return inode->i_sb != nd->dir->i_sb;
}

#define MAX_LINKS 40            /* links followed in one walk: Linux's limit */

/* Put nd back: its directory and the buffer of a spliced path. */
static void nd_release(struct nameidata *nd)
{
	iput(nd->dir);
	kfree(nd->buf);
	nd->dir = NULL;
	nd->buf = NULL;
}

/* A symbolic link met on the walk is replaced by its target: the path
   left to walk becomes target + rest ("ln/x" with ln -> "../d" goes on
   as "../d/x"), in nd->buf. No recursion, so no stack grows with the
   links; a cycle ("a" -> "b" -> "a") ends at MAX_LINKS in ELOOP. The
   rest is moved to the buffer's end first (it may lie in nd->buf
   already), then the target is read in front of it: its length is known
   only then (a /proc link's is made as it is read). The link's
   reference is dropped. */
static int splice_link(struct inode *link, const char *rest,
		       struct nameidata *nd)
{
	size_t rlen = strlen(rest), room = PATH_MAX - rlen - 1;
	ssize_t n = 0;

	if (++nd->links > MAX_LINKS)
		n = -ELOOP;
	else if (!nd->buf && !(nd->buf = kmalloc(PATH_MAX)))
		n = -ENOMEM;
	else {
		memmove(nd->buf + room, rest, rlen + 1);
		if ((n = readlink_inode(link, nd->buf, room)) == 0)
			n = -ENOENT;        /* an empty target names nothing */
		else if (n == (ssize_t)room)
			n = -ENAMETOOLONG;
		else if (n > 0)
			memmove(nd->buf + n, nd->buf + room, rlen + 1);
	}
	iput(link);
	return n < 0 ? n : 0;
}

/* May the walk end in nd->dir, with the last name nd->last? */
static int check_parent(struct nameidata *nd)
{
	if (!S_ISDIR(nd->dir->i_mode))
		return -ENOTDIR;
	if (nd->len > NAME_MAX)
		return -ENAMETOOLONG;
	if (nd->dir->i_nlink == 0)
		return -ENOENT;         /* a removed directory takes no names */
	return 0;
}

/* Walk every component but the last, from the root for "/..." and from
   start otherwise, following the links on the way: a relative target
   goes on from the link's directory, an absolute one from the root.
   Slashes repeat freely ("a//b/"). On failure nd holds nothing. */
static int walk_from(const char *path, struct inode *start,
		     struct nameidata *nd)
{
	size_t plen = strnlen(path, PATH_MAX);
	struct inode *dir, *next;
	int err;

	if (plen == 0)
		err = -ENOENT;
	else if (plen >= PATH_MAX)
		err = -ENAMETOOLONG;
	else
		err = 0;
	dir = err ? NULL : igrab(*path == '/' ? root_inode : start);
	while (!err) {
		const char *rest;
		size_t len = 0;

		while (*path == '/')
			path++;
		while (path[len] && path[len] != '/')
			len++;
		for (rest = path + len; *rest == '/'; rest++)
			;
		if (!*rest) {           /* path[0 .. len) is the last one */
			nd->last = path;
			nd->len = len;
			nd->slash = path[len] == '/';
			break;
		}
		if ((err = vfs_lookup(dir, path, len, &next)) < 0)
			break;
		if (S_ISLNK(next->i_mode)) {
			if ((err = splice_link(next, path + len, nd)) < 0)
				break;
			path = nd->buf;
			if (*path == '/') {
				iput(dir);
				dir = igrab(root_inode);
			}
			continue;
		}
		iput(dir);
		dir = next;
		path = rest;
	}
	nd->dir = dir;
	if (!err && !(err = check_parent(nd)))
		return 0;
	nd_release(nd);
	return err;
}

/* The walk of every path call, from the directory base: the current one,
   or an *at() call's dirfd (an absolute path starts at the root and
   never looks at base). The calls that change names stop here, before
   the last component: unlink and rename act on a link itself, not on
   what it names. */
static int walk_parent(struct inode *base, const char *path,
		       struct nameidata *nd)
{
	*nd = (struct nameidata){ .links = 0 };
	return walk_from(path, base, nd);
}

struct inode *cwd_inode(void)
{
	return current->fs->cwd ? current->fs->cwd : root_inode;
}

/* The inode the last component names, whatever its type. */
static int lookup_name(struct nameidata *nd, struct inode **res)
{
	if (nd->len == 0) {
		*res = igrab(nd->dir);
		return 0;
	}
	return vfs_lookup(nd->dir, nd->last, nd->len, res);
}

/* "name/" must be a directory. */
static int check_slash(struct nameidata *nd, struct inode *inode)
{
	return nd->slash && !S_ISDIR(inode->i_mode) ? -ENOTDIR : 0;
}

/* The inode the last component names, not following a link. On
   failure *res is NULL: the reference taken is dropped here, and a
   caller's own iput(*res) on its way out must not drop it again. */
static int lookup_last(struct nameidata *nd, struct inode **res)
{
	int err;

	if ((err = lookup_name(nd, res)) < 0)
		return err;
	if ((err = check_slash(nd, *res)) < 0) {
		iput(*res);
		*res = NULL;
	}
	return err;
}

/* Where the walk of a file (not a directory) ended: its directory and
   a copy of its name, for /proc/PID/fd. Unknown (NULLs) without memory. */
static void note_where(struct nameidata *nd, struct inode *inode,
		       struct inode **dir, char **name)
{
	if (!dir || S_ISDIR(inode->i_mode) || !(*name = kmalloc(nd->len + 1)))
		return;
	memcpy(*name, nd->last, nd->len);
	(*name)[nd->len] = '\0';
	*dir = igrab(nd->dir);
}

/* The inode a path names, from base. A link as the last component is
   followed when asked to, or for "link/": its target (and the slash) is
   walked on from the link's directory. With where, also where the walk
   of a file ended (note_where). */
static int walk_to(struct inode *base, const char *path, bool follow,
		   struct inode **res, struct inode **where, char **name)
{
	struct nameidata nd;
	struct inode *dir;
	int err = walk_parent(base, path, &nd);

	while (!err && !(err = lookup_name(&nd, res))) {
		if (!S_ISLNK((*res)->i_mode) || !(follow || nd.slash)) {
			if ((err = check_slash(&nd, *res)) < 0)
				iput(*res);
			else
				note_where(&nd, *res, where, name);
			break;
		}
		if ((err = splice_link(*res, nd.last + nd.len, &nd)) < 0)
			break;
		dir = nd.dir;
		err = walk_from(nd.buf, dir, &nd);
		iput(dir);
	}
	nd_release(&nd);
	return err;
}

int namei_at(struct inode *base, const char *path, bool follow,
	     struct inode **res)
{
	return walk_to(base, path, follow, res, NULL, NULL);
}

int namei_where_at(struct inode *base, const char *path, bool follow,
		   struct inode **res, struct inode **where, char **name)
{
	return walk_to(base, path, follow, res, where, name);
}

int namei_where(const char *path, bool follow, struct inode **res,
		struct inode **where, char **name)
{
	return walk_to(cwd_inode(), path, follow, res, where, name);
}

int namei(const char *path, struct inode **res)
{
	return walk_to(cwd_inode(), path, true, res, NULL, NULL);
}

int lnamei(const char *path, struct inode **res)
{
	return walk_to(cwd_inode(), path, false, res, NULL, NULL);
}

int namei_parent(const char *path, struct inode **dir, char *last)
{
	struct nameidata nd;
	int err;

	if ((err = walk_parent(cwd_inode(), path, &nd)) < 0)
		return err;
	memcpy(last, nd.last, nd.len);
	last[nd.len] = '\0';
	*dir = nd.dir;
	nd.dir = NULL;
	nd_release(&nd);
	return 0;
}

/* For the calls that create a name: it must be new and a plain name, in
   a directory on the disk (a new name in /proc: ENOENT, as on Linux). */
static int check_new_name(struct nameidata *nd)
{
	int ino;

	if (nd->len == 0 || is_dot(nd) || is_dotdot(nd))
		return -EEXIST;
	if (!on_disk(nd->dir)) {
		struct inode *old;

		if (vfs_lookup(nd->dir, nd->last, nd->len, &old) < 0)
			return -ENOENT;
		iput(old);
		return -EEXIST;
	}
	if ((ino = dir_find(nd->dir, nd->last, nd->len)) != 0)
		return ino < 0 ? ino : -EEXIST;
	return 0;
}

/* inode lost a name. With none left it is an orphan until its last
   iput deletes it (ext2_orphan.c); a directory's "." goes with its one
   name. */
static void drop_name(struct inode *inode)
{
	inode->i_nlink = S_ISDIR(inode->i_mode) ? 0 : inode->i_nlink - 1;
	if (inode->i_nlink == 0)
		ext2_orphan_add(inode);
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

/* The new inode for a file (not a directory) that mknod or symlink
   makes under the name nd found: NULL with *err on failure. A trailing
   slash names a directory, which this cannot be. */
static struct inode *new_named_inode(struct nameidata *nd, uint16_t mode,
				     int *err)
{
	struct inode *inode;

	if ((*err = check_new_name(nd)) < 0)
		return NULL;
	if (nd->slash) {
		*err = -ENOENT;
		return NULL;
	}
	inode = ext2_new_inode_get(nd->dir, mode, err);
	if (inode)
		inode->i_nlink = 1;
	return inode;
}

int vfs_mknod(struct inode *base, const char *path, uint16_t mode, dev_t rdev,
	      struct inode **res)
{
	struct nameidata nd;
	struct inode *inode;
	int err;

	if (!(mode & S_IFMT))
		mode |= S_IFREG;
	if (S_ISDIR(mode))
		return -EPERM;          /* directories come from mkdir */
	if ((err = walk_parent(base, path, &nd)) < 0)
		return err;
	if (!(inode = new_named_inode(&nd, mode, &err)))
		goto out;
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
	nd_release(&nd);
	return err;
}

int vfs_mkdir(struct inode *base, const char *path, uint16_t mode)
{
	struct nameidata nd;
	struct inode *inode;
	int err;

	if ((err = walk_parent(base, path, &nd)) < 0)
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
	nd_release(&nd);
	return err;
}

int vfs_symlink(const char *target, struct inode *base, const char *path)
{
	size_t len = strlen(target);
	struct nameidata nd;
	struct inode *inode;
	int err;

	if (len >= BLOCK_SIZE)              /* a slow link has one block */
		return -ENAMETOOLONG;
	if ((err = walk_parent(base, path, &nd)) < 0)
		return err;
	if (!(inode = new_named_inode(&nd, S_IFLNK | 0777, &err)))
		goto out;
	if ((err = ext2_symlink_write(inode, target, len)) < 0)
		discard_new(inode);
	else if (!(err = link_new(&nd, inode)))
		iput(inode);
out:
	nd_release(&nd);
	return err;
}

int vfs_rmdir(struct inode *base, const char *path)
{
	struct nameidata nd;
	struct inode *inode;
	int err;

	if ((err = walk_parent(base, path, &nd)) < 0)
		return err;
	if (nd.len == 0 || is_dot(&nd) || is_dotdot(&nd)) {
		err = nd.len == 0 ? -EBUSY : is_dot(&nd) ? -EINVAL : -ENOTEMPTY;
		goto out;
	}
	if ((err = lookup_last(&nd, &inode)) < 0)
		goto out;
	if (is_mount_point(&nd, inode))
		err = -EBUSY;
	else if (!on_disk(nd.dir))
		err = -EPERM;
	else if (!S_ISDIR(inode->i_mode))
		err = -ENOTDIR;
	else if (!dir_empty(inode))
		err = -ENOTEMPTY;
	else if (!(err = dir_remove(nd.dir, nd.last, nd.len))) {
		drop_name(inode);
		inode->i_size = 0;              /* lookups inside find nothing */
		inode_touch(inode, false);
		nd.dir->i_nlink--;              /* its ".." */
	}
	iput(inode);
out:
	nd_release(&nd);
	return err;
}

int vfs_unlink(struct inode *base, const char *path)
{
	struct nameidata nd;
	struct inode *inode;
	int err;

	if ((err = walk_parent(base, path, &nd)) < 0)
		return err;
	if (nd.len == 0 || is_dot(&nd) || is_dotdot(&nd)) {
		err = -EISDIR;
		goto out;
	}
	if ((err = lookup_last(&nd, &inode)) < 0)
		goto out;
	if (!on_disk(nd.dir))
		err = -EPERM;
	else if (S_ISDIR(inode->i_mode))
		err = -EISDIR;
	else if (!(err = dir_remove(nd.dir, nd.last, nd.len))) {
		drop_name(inode);               /* freed at its last iput */
		inode_touch(inode, false);
	}
	iput(inode);
out:
	nd_release(&nd);
	return err;
}

/* Give inode (found by the caller: link() does not follow a last
   symbolic link, linkat may) one more name. A file no name is left for
   (open, but unlinked) cannot get one back: ENOENT, as on Linux. */
int vfs_link(struct inode *inode, struct inode *base, const char *newpath)
{
	struct nameidata nd;
	int err;

	if ((err = walk_parent(base, newpath, &nd)) < 0)
		return err;
	if (inode->i_sb != nd.dir->i_sb) {  /* a name only in its own fs */
		err = -EXDEV;
		goto out;
	}
	if ((err = check_new_name(&nd)) < 0)
		goto out;
	if (nd.slash || inode->i_nlink == 0)
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
	nd_release(&nd);
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

/* Directory d moved from parent a to parent b: its ".." names b now,
   and the link that ".." is moves from a's count to b's. */
static void reparent(struct inode *d, struct inode *a, struct inode *b)
{
	if (!S_ISDIR(d->i_mode) || a == b)
		return;
	dir_set(d, "..", 2, b);
	a->i_nlink--;
	b->i_nlink++;
}

/* The name change itself, once check_rename has said yes. */
static int do_rename(struct inode *from, struct inode *to,
		     struct nameidata *old, struct nameidata *new)
{
	int err;

	if (to) {                           /* the old file loses its name */
		if ((err = dir_set(new->dir, new->last, new->len, from)) < 0)
			return err;
		drop_name(to);
		if (S_ISDIR(to->i_mode)) {
			to->i_size = 0;
			new->dir->i_nlink--;        /* to's ".." is gone */
		}
		inode_touch(to, false);
	} else if ((err = dir_add(new->dir, new->last, new->len, from)) < 0) {
		return err;
	}
	dir_remove(old->dir, old->last, old->len);
	reparent(from, old->dir, new->dir);
	inode_touch(from, false);
	return 0;
}

/* RENAME_EXCHANGE: neither directory may go below itself, and a parent
   that gains a subdirectory (losing none) must have a link to spare. */
static int check_exchange(struct inode *from, struct inode *to,
			  struct nameidata *old, struct nameidata *new)
{
	bool fdir = S_ISDIR(from->i_mode), tdir = S_ISDIR(to->i_mode);

	if ((fdir && in_subtree(new->dir, from)) ||
	    (tdir && in_subtree(old->dir, to)))
		return -EINVAL;
	if (old->dir != new->dir && fdir != tdir &&
	    (fdir ? new->dir : old->dir)->i_nlink >= EXT2_LINK_MAX)
		return -EMLINK;
	return 0;
}

/* The two names trade their files: both entries are rewritten under the
   fs lock, so no one sees one name missing (the point of the flag). */
static int do_exchange(struct inode *from, struct inode *to,
		       struct nameidata *old, struct nameidata *new)
{
	int err = dir_set(new->dir, new->last, new->len, from);

	if (err < 0)
		return err;
	if ((err = dir_set(old->dir, old->last, old->len, to)) < 0) {
		dir_set(new->dir, new->last, new->len, to);   /* put it back */
		return err;
	}
	reparent(from, old->dir, new->dir);
	reparent(to, new->dir, old->dir);
	inode_touch(from, false);
	inode_touch(to, false);
	return 0;
}

/* What renameat2's flags ask once both names are known: NOREPLACE
   wants no file under the new name, EXCHANGE one (Linux's order: these
   come before "two names of one file"). */
static int check_flags(unsigned int flags, struct inode *to)
{
	if ((flags & RENAME_NOREPLACE) && to)
		return -EEXIST;
	if ((flags & RENAME_EXCHANGE) && !to)
		return -ENOENT;
	return 0;
}

int vfs_rename(struct inode *obase, const char *oldpath, struct inode *nbase,
	       const char *newpath, unsigned int flags)
{
	struct nameidata old, new;
	struct inode *from = NULL, *to = NULL;
	int err, ino;

	if ((err = walk_parent(obase, oldpath, &old)) < 0)
		return err;
	if ((err = walk_parent(nbase, newpath, &new)) < 0)
		goto out_old;
	if (old.len == 0 || is_dot(&old) || is_dotdot(&old) ||
	    new.len == 0 || is_dot(&new) || is_dotdot(&new)) {
		err = -EBUSY;
		goto out;
	}
	if ((err = lookup_last(&old, &from)) < 0)
		goto out;
	if (old.dir->i_sb != new.dir->i_sb)
		err = -EXDEV;
	else if (is_mount_point(&old, from))
		err = -EBUSY;
	else if (!on_disk(old.dir))
		err = -EPERM;
	if (err)
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
	if ((err = check_flags(flags, to)) < 0 || to == from)
		goto out;                       /* same file: a no-op */
	if (to && is_covered(to))
		err = -EBUSY;                   /* mounted on: cannot go */
	else if (flags & RENAME_EXCHANGE)
		err = check_exchange(from, to, &old, &new) ?:
		      do_exchange(from, to, &old, &new);
	else
		err = check_rename(from, to, &old, &new) ?:
		      do_rename(from, to, &old, &new);
out:
	iput(to);
	iput(from);
	nd_release(&new);
out_old:
	nd_release(&old);
	return err;
}
