/*
 * Mounting: the mount table, and how the path walk crosses it (the
 * system calls are mount_sys.c's).
 *
 * A file system is mounted on a directory of another one: from then on
 * the walk of a path that reaches that directory goes on in the mounted
 * file system's root instead, and ".." from that root comes back out.
 * The table holds one struct super_block per mounted file system:
 *
 *   mounts[0]  ext2  "/dev/hda"  s_root = ext2 inode 2      s_covered = NULL
 *   mounts[1]  proc  "proc"      s_root = /proc's root      s_covered = ext2's
 *                                                             "/proc" directory
 *
 * namei asks follow_mount() at every step (is this inode covered?) and
 * follow_up() before each ".." (is this dir a mounted root?); see
 * docs/procfs.md for the picture. ext2 is mounted on "/" at boot; mount(2)
 * mounts the kinds of file system registered with register_filesystem(),
 * today only "proc".
 */
#include "fs/file.h"
#include "lib/lib.h"
#include <sprout/errno.h>

static struct super_block *mounts[NR_MOUNTS];   /* in mount order */
static struct file_system_type *file_systems;

/* One inode, maybe two struct inodes: a file system may make a new one
   at each lookup (/proc does), so inodes are compared by number. */
static bool same_inode(struct inode *a, struct inode *b)
{
	return a->i_sb == b->i_sb && a->i_ino == b->i_ino;
}

bool is_mount_root(struct inode *dir)
{
	return same_inode(dir, dir->i_sb->s_root);
}

int register_filesystem(struct file_system_type *fs)
{
	fs->next = file_systems;
	file_systems = fs;
	return 0;
}

struct file_system_type *find_filesystem(const char *name)
{
	struct file_system_type *fs;

	for (fs = file_systems; fs; fs = fs->next)
		if (!strcmp(fs->name, name))
			return fs;
	return NULL;
}

void add_root_mount(struct super_block *sb)
{
	mounts[0] = sb;
}

struct super_block *mount_at(int i)
{
	return i >= 0 && i < NR_MOUNTS ? mounts[i] : NULL;
}

static struct super_block *covering(struct inode *dir)
{
	for (int i = 1; i < NR_MOUNTS && mounts[i]; i++)
		if (same_inode(mounts[i]->s_covered, dir))
			return mounts[i];
	return NULL;
}

bool is_covered(struct inode *dir)
{
	return covering(dir) != NULL;
}

struct inode *follow_mount(struct inode *inode)
{
	struct super_block *sb = covering(inode);

	if (!sb)
		return inode;
	iput(inode);
	return igrab(sb->s_root);
}

struct inode *follow_up(struct inode *dir)
{
	if (dir->i_sb->s_covered && is_mount_root(dir))
		return dir->i_sb->s_covered;
	return dir;
}

/* A new mount joins the end of the table: 0, or ENOMEM when it is full
   (Linux has no fixed table). */
int mount_add(struct super_block *sb)
{
	for (int i = 1; i < NR_MOUNTS; i++)
		if (!mounts[i]) {
			mounts[i] = sb;
			return 0;
		}
	return -ENOMEM;
}

/* Take sb out of the table, keeping the others in order. */
void mount_remove(struct super_block *sb)
{
	int i = 1;

	while (mounts[i] != sb)
		i++;
	for (; i + 1 < NR_MOUNTS; i++)
		mounts[i] = mounts[i + 1];
	mounts[NR_MOUNTS - 1] = NULL;
}
