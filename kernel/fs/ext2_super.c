/*
 * Mounting ext2: read the superblock (block 1) and the group descriptors
 * (blocks 2...), keep their buffers for as long as the system runs, and
 * load the root directory, inode 2, and make it the first entry of the
 * mount table ("/"). On an ext3 disk the journal is loaded (and
 * replayed) before anything else is read. Also the big fs lock.
 */
#include "fs/journal.h"
#include "fs/page_cache.h"
#include "block/block.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define DESC_PER_BLOCK (BLOCK_SIZE / sizeof(struct ext2_group_desc))

struct ext2_sb_info sbi;
struct inode *root_inode;
struct super_block ext2_sb = {
	.s_type = "ext2", .s_source = "/dev/hda", .s_dev = ROOT_DEV,
	.s_magic = EXT2_SUPER_MAGIC,
};

/*
 * The big fs lock: every system call that touches the file system holds
 * it from start to end, so only one task at a time walks directories,
 * changes bitmaps or moves buffers, even while it sleeps for the disk.
 * Simple and safe; the price is that one task's disk wait stalls the
 * others' file work (Linux 2.0 had the same trade-off in its big kernel
 * lock).
 */
static struct mutex fs_mutex;

static struct task_struct *fs_owner;   /* who holds fs_mutex (filemap.c) */

void fs_lock(void)
{
	mutex_lock(&fs_mutex);
	fs_owner = current;
	journal_op_start();     /* nothing is half done: commit if due */
}

void fs_unlock(void)
{
	fs_owner = NULL;
	mutex_unlock(&fs_mutex);
}

bool fs_locked_by_current(void)
{
	return fs_mutex.locked && fs_owner == current;
}

/* The time stamp for i_atime, i_mtime and i_ctime: Unix time. */
uint32_t fs_now(void)
{
	return get_seconds();
}

struct ext2_group_desc *ext2_group(uint32_t group)
{
	struct buffer_head *bh = sbi.gdh[group / DESC_PER_BLOCK];

	return (struct ext2_group_desc *)bh->b_data + group % DESC_PER_BLOCK;
}

void ext2_group_dirty(uint32_t group)
{
	mark_buffer_dirty(sbi.gdh[group / DESC_PER_BLOCK]);
	mark_buffer_dirty(sbi.sbh);
}

/* Only what this code understands: revision 1, 1 KiB blocks, no
   incompatible feature but file types in directory entries and, with a
   journal, "needs recovery" (we replay it). */
static int check_super(const struct ext2_super_block *s)
{
	if (s->s_magic != EXT2_SUPER_MAGIC) {
		printk("ext2: bad magic %#x\n", s->s_magic);
		return -EINVAL;
	}
	if (s->s_rev_level != EXT2_DYNAMIC_REV || s->s_log_block_size != 0 ||
	    (s->s_feature_incompat & ~(EXT2_FEATURE_INCOMPAT_FILETYPE |
					EXT3_FEATURE_INCOMPAT_RECOVER)) ||
	    ((s->s_feature_incompat & EXT3_FEATURE_INCOMPAT_RECOVER) &&
	     !(s->s_feature_compat & EXT3_FEATURE_COMPAT_HAS_JOURNAL)) ||
	    s->s_inode_size < sizeof(struct ext2_inode) ||
	    s->s_blocks_per_group == 0 || s->s_inodes_per_group == 0) {
		printk("ext2: unsupported revision, block size or features\n");
		return -EINVAL;
	}
	return 0;
}

static int read_group_descs(void)
{
	uint32_t n = (sbi.groups + DESC_PER_BLOCK - 1) / DESC_PER_BLOCK;

	sbi.gdh = kzalloc(n * sizeof(*sbi.gdh));
	if (!sbi.gdh)
		return -ENOMEM;
	for (uint32_t i = 0; i < n; i++)
		if (!(sbi.gdh[i] = bread(EXT2_SUPER_BLOCK + 1 + i)))
			return -EIO;
	return 0;
}

int fs_init(void)
{
	struct ext2_super_block *s;
	int err;

	if ((err = ata_init()) < 0)
		return err;
	buffer_init();
	page_cache_init();
	if (!(sbi.sbh = bread(EXT2_SUPER_BLOCK)))
		return -EIO;
	s = sbi.s = (struct ext2_super_block *)sbi.sbh->b_data;
	if ((err = check_super(s)) < 0)
		return err;
	sbi.groups = (s->s_blocks_count - s->s_first_data_block +
		      s->s_blocks_per_group - 1) / s->s_blocks_per_group;
	sbi.inode_size = s->s_inode_size;
	sbi.first_ino = s->s_first_ino;
	if ((err = read_group_descs()) < 0 || (err = ext2_balloc_init()) < 0 ||
	    (err = journal_load()) < 0)
		return err;
	root_inode = iget(EXT2_ROOT_INO);
	if (!root_inode || !S_ISDIR(root_inode->i_mode)) {
		printk("ext2: no root directory\n");
		return -EINVAL;
	}
	ext2_sb.s_root = igrab(root_inode);
	add_root_mount(&ext2_sb);
	ext2_orphan_cleanup();  /* the journal runs by now */
	printk("ext2: %u blocks, %u free, %u inodes, %u free, %u groups\n",
	       s->s_blocks_count, s->s_free_blocks_count, s->s_inodes_count,
	       s->s_free_inodes_count, sbi.groups);
	return 0;
}
