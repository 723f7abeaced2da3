/*
 * statfs, fstatfs and their 64-bit forms: how big the file system is and
 * how much of it is free, as df shows it. The ext2 root's superblock
 * keeps the counts up to date (the allocator in ext2_balloc.c changes
 * them with each block and inode). A file system made up by the kernel
 * (proc, and a pipe's inode, which belongs to none) has no blocks at
 * all: every count is 0, as Linux says for its own, and df leaves it out.
 *
 * Like Linux's ext2 (its default "bsddf" way), f_blocks leaves out the
 * blocks the file system spends on itself, which can never hold data:
 *
 *   blocks before the first group (the boot block)
 *   + in each group with a superblock copy: that copy and the group
 *     descriptor blocks
 *   + in every group: the block bitmap, the inode bitmap, the inode table
 */
#include "fs/ext2.h"
#include "fs/file.h"
#include "fs/fdtable.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/statfs.h>

#define EXT2_NAME_LEN 255
/* Linux keeps pipes and sockets in internal file systems, pipefs and
   sockfs, never mounted; fstatfs names them by these magic numbers. */
#define PIPEFS_MAGIC 0x50495045         /* "PIPE" */
#define SOCKFS_MAGIC 0x534F434B         /* "SOCK" */

/* With sparse_super, only groups 0, 1 and powers of 3, 5, 7 have one. */
static bool group_has_super(uint32_t group)
{
	if (group <= 1 ||
	    !(sbi.s->s_feature_ro_compat & EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER))
		return true;
	for (uint32_t base = 3; base <= 7; base += 2) {
		uint32_t p = base;
		while (p < group)
			p *= base;
		if (p == group)
			return true;
	}
	return false;
}

static uint32_t overhead_blocks(void)
{
	const struct ext2_super_block *s = sbi.s;
	uint32_t desc_blocks = (sbi.groups * sizeof(struct ext2_group_desc) +
				BLOCK_SIZE - 1) / BLOCK_SIZE;
	uint32_t itable = (s->s_inodes_per_group * sbi.inode_size +
			   BLOCK_SIZE - 1) / BLOCK_SIZE;
	uint32_t n = s->s_first_data_block + sbi.groups * (2 + itable);

	for (uint32_t g = 0; g < sbi.groups; g++)
		if (group_has_super(g))
			n += 1 + desc_blocks;
	return n;
}

/* The 64-bit form is the one filled; the old call narrows it. */
static void ext2_statfs(struct statfs64 *st)
{
	const struct ext2_super_block *s = sbi.s;
	uint64_t id[2];

	memcpy(id, s->s_uuid, sizeof(id));
	id[0] ^= id[1];                 /* f_fsid from the uuid, as Linux */
	*st = (struct statfs64){
		.f_type = EXT2_SUPER_MAGIC,
		.f_bsize = BLOCK_SIZE,
		.f_frsize = BLOCK_SIZE,
		.f_blocks = s->s_blocks_count - overhead_blocks(),
		.f_bfree = s->s_free_blocks_count,
		.f_bavail = s->s_free_blocks_count > s->s_r_blocks_count ?
			    s->s_free_blocks_count - s->s_r_blocks_count : 0,
		.f_files = s->s_inodes_count,
		.f_ffree = s->s_free_inodes_count,
		.f_fsid = { { (int)id[0], (int)(id[0] >> 32) } },
		.f_namelen = EXT2_NAME_LEN,
		.f_flags = ST_VALID | ST_RELATIME,
	};
}

/* The type of a kernel-made file system: proc's from its super_block;
   a pipe or a socket is in Linux's pipefs or sockfs. */
static uint32_t pseudo_magic(const struct inode *inode)
{
	if (inode->i_sb != &ext2_sb)
		return inode->i_sb->s_magic;
	return S_ISSOCK(inode->i_mode) ? SOCKFS_MAGIC : PIPEFS_MAGIC;
}

/* No blocks and no inodes to count: only the type and the sizes. */
static void pseudo_statfs(const struct inode *inode, struct statfs64 *st)
{
	*st = (struct statfs64){
		.f_type = pseudo_magic(inode),
		.f_bsize = PAGE_SIZE,
		.f_frsize = PAGE_SIZE,
		.f_namelen = EXT2_NAME_LEN,
		.f_flags = ST_VALID | ST_RELATIME,
	};
}

/* The file system inode is in: the root's, or one of the kernel's own. */
static int statfs_inode(struct inode *inode, void *st)
{
	if (inode->i_sb == &ext2_sb && !is_anon_inode(inode))
		ext2_statfs(st);
	else
		pseudo_statfs(inode, st);
	return 0;
}

static int fd_statfs(int fd, struct statfs64 *st)
{
	struct file *f = fd_lookup(fd);

	if (!f)
		return -EBADF;
	fs_lock();
	statfs_inode(f->f_inode, st);
	fs_unlock();
	return 0;
}

static long put_statfs64(int err, const struct statfs64 *st,
			 struct statfs64 *ubuf)
{
	if (err)
		return err;
	return copy_to_user(ubuf, st, sizeof(*st)) ? -EFAULT : 0;
}

/* The old struct has 32-bit counts: EOVERFLOW if one does not fit. */
static long put_statfs(int err, const struct statfs64 *st,
		       struct statfs *ubuf)
{
	struct statfs s;

	if (err)
		return err;
	if ((st->f_blocks | st->f_bfree | st->f_bavail | st->f_files |
	     st->f_ffree) >> 32)
		return -EOVERFLOW;
	s = (struct statfs){
		.f_type = st->f_type, .f_bsize = st->f_bsize,
		.f_blocks = st->f_blocks, .f_bfree = st->f_bfree,
		.f_bavail = st->f_bavail, .f_files = st->f_files,
		.f_ffree = st->f_ffree, .f_fsid = st->f_fsid,
		.f_namelen = st->f_namelen, .f_frsize = st->f_frsize,
		.f_flags = st->f_flags,
	};
	return copy_to_user(ubuf, &s, sizeof(s)) ? -EFAULT : 0;
}

long sys_statfs(const char *upath, struct statfs *ubuf)
{
	struct statfs64 st;
	return put_statfs(path_inode_op(upath, true, statfs_inode, &st), &st,
			  ubuf);
}

long sys_fstatfs(int fd, struct statfs *ubuf)
{
	struct statfs64 st;
	return put_statfs(fd_statfs(fd, &st), &st, ubuf);
}

/* The 64-bit calls take the caller's idea of the struct's size. */
long sys_statfs64(const char *upath, size_t size, struct statfs64 *ubuf)
{
	struct statfs64 st;

	if (size != sizeof(st))
		return -EINVAL;
	return put_statfs64(path_inode_op(upath, true, statfs_inode, &st), &st,
			    ubuf);
}

long sys_fstatfs64(int fd, size_t size, struct statfs64 *ubuf)
{
	struct statfs64 st;

	if (size != sizeof(st))
		return -EINVAL;
	return put_statfs64(fd_statfs(fd, &st), &st, ubuf);
}
