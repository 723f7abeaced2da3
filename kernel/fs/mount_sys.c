/*
 * mount(2) and umount2(2): put a file system in the mount table, and
 * take it out again when nothing uses it any more (fs/mount.c has the
 * table, docs/procfs.md the picture).
 */
#include "fs/file.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/mount.h>

/* ---- mount(2) ---- */

/* Flags that ask for something other than a new mount. */
#define MS_UNSUPPORTED (MS_REMOUNT | MS_BIND | MS_MOVE | MS_REC)

#define TYPE_MAX 16             /* longer type names are no type we know */

/* The fstype string, into name[TYPE_MAX]: a name too long becomes "",
   which no file system has (ENODEV later). */
static int get_type_name(const char *utype, char *name)
{
	long len = strncpy_from_user(name, utype, TYPE_MAX);

	if (len == -ENAMETOOLONG) {
		name[0] = '\0';
		return 0;
	}
	return len < 0 ? len : 0;
}

/* The source string, kept for /proc/mounts; NULL is "none", as on
   Linux. */
static int get_source(const char *usource, char **source)
{
	if (usource)
		return getname(usource, source);
	if (!(*source = kmalloc(sizeof("none"))))
		return -ENOMEM;
	memcpy(*source, "none", sizeof("none"));
	return 0;
}

/* May a file system be mounted on dir? Not on a file, and not where
   one is mounted already (nor on a mounted root). */
static int check_mount_point(struct inode *dir)
{
	if (!S_ISDIR(dir->i_mode))
		return -ENOTDIR;
	if (is_covered(dir) || is_mount_root(dir))
		return -EBUSY;
	return 0;
}

/* A new super_block for fs, mounted on dir (whose reference it keeps). */
static int do_mount(struct file_system_type *fs, char *source,
		    struct inode *dir)
{
	struct super_block *sb = kzalloc(sizeof(*sb));
	int err;

	if (!sb)
		return -ENOMEM;
	sb->s_type = fs->name;
	sb->s_source = source;
	sb->s_covered = dir;
	if ((err = fs->fill_super(sb)) < 0 || (err = mount_add(sb)) < 0) {
		iput(sb->s_root);
		kfree(sb);
	}
	return err;
}

/* Linux's order: the target is looked up before the type is looked
   for, and the mount point is checked last. Under the fs lock. */
static int mount_on(const char *target, const char *type, char *source)
{
	struct file_system_type *fs;
	struct inode *dir;
	int err = namei(target, &dir);

	if (err)
		return err;
	if (!(fs = find_filesystem(type)))
		err = -ENODEV;
	else if (!(err = check_mount_point(dir)))
		err = do_mount(fs, source, dir);
	if (err)
		iput(dir);
	return err;
}

/* The flags are checked but not kept (/proc is read-only whatever they
   say); Sprout's file systems take no options, so data is not read. */
long sys_mount(const char *usource, const char *utarget, const char *utype,
	       unsigned long flags, const void *data)
{
	char type[TYPE_MAX], *source = NULL, *target = NULL;
	int err;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & MS_UNSUPPORTED)
		return -EINVAL;
	err = get_type_name(utype, type);
	if (!err)
		err = getname(utarget, &target);
	if (!err)
		err = get_source(usource, &source);
	if (!err) {
		fs_lock();
		err = mount_on(target, type, source);
		fs_unlock();
	}
	if (err)
		kfree(source);
	if (target)
		putname(target);
	return err;
}

/* ---- umount2(2) ---- */

/* Does a process still use sb: a current directory in it, a file open
   in it, or another file system mounted on one of its directories? */
static bool mount_busy(struct super_block *sb)
{
	struct task_struct *t;

	for_each_task(t)
		if (t->fs && t->fs->cwd && t->fs->cwd->i_sb == sb)
			return true;
	for (int i = 1; mount_at(i); i++)
		if (mount_at(i)->s_covered->i_sb == sb)
			return true;
	return files_in_sb(sb);
}

/* Out of the table, and the references the mount held dropped. */
static void remove_mount(struct super_block *sb)
{
	mount_remove(sb);
	iput(sb->s_root);
	iput(sb->s_covered);
	kfree((char *)sb->s_source);
	kfree(sb);
}

/* root is what the target path named: it must be a mounted root. */
static int do_umount(struct inode *root)
{
	struct super_block *sb = root->i_sb;

	if (!is_mount_root(root))
		return -EINVAL;
	if (!sb->s_covered || mount_busy(sb))
		return -EBUSY;              /* "/" is always in use */
	iput(root);
	remove_mount(sb);
	return 0;
}

/* MNT_FORCE is for network file systems: nothing to force here. Lazy
   (MNT_DETACH) and expiring unmounts are not supported. */
long sys_umount2(const char *utarget, int flags)
{
	struct inode *root;
	char *target;
	int err;

	if (flags & ~(MNT_FORCE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	if ((err = getname(utarget, &target)) < 0)
		return err;
	fs_lock();
	err = flags & UMOUNT_NOFOLLOW ? lnamei(target, &root)
				      : namei(target, &root);
	if (!err && (err = do_umount(root)) < 0)
		iput(root);
	fs_unlock();
	putname(target);
	return err;
}
