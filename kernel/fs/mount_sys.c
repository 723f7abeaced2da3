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

/* The fstype string: ENODEV for an unknown (or too long) name. */
static int get_fstype(const char *utype, struct file_system_type **fs)
{
	char name[16];
	long len = strncpy_from_user(name, utype, sizeof(name));

	if (len == -ENAMETOOLONG)
		return -ENODEV;
	if (len < 0)
		return len;
	return (*fs = find_filesystem(name)) ? 0 : -ENODEV;
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

/* Sprout's file systems take no options, so data is not read. */
long sys_mount(const char *usource, const char *utarget, const char *utype,
	       unsigned long flags, const void *data)
{
	struct file_system_type *fs;
	char *source = NULL, *target;
	struct inode *dir;
	int err;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & MS_UNSUPPORTED)
		return -EINVAL;
	if ((err = getname(utarget, &target)) < 0)
		return err;
	if (!(err = get_fstype(utype, &fs)))
		err = get_source(usource, &source);
	fs_lock();
	if (!err && !(err = namei(target, &dir))) {
		if (!(err = check_mount_point(dir)))
			err = do_mount(fs, source, dir);
		if (err)
			iput(dir);
	}
	fs_unlock();
	if (err)
		kfree(source);
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
		if (t->cwd && t->cwd->i_sb == sb)
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
