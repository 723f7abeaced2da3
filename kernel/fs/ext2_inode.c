/*
 * Inodes in memory. Each inode in use has one struct inode, shared by
 * everyone who uses it (i_count counts them) and found by number in a
 * hash table: iget() returns the same struct to all. The last iput()
 * writes it back if changed, and, if no directory names it any more
 * (i_nlink == 0), frees its blocks and the inode itself: that is why a
 * file unlinked while open lives on until its last close (on the orphan
 * list meanwhile: ext2_orphan.c).
 *
 * An inode whose last user went is not freed at once, though: it stays
 * in the table, clean, on the list of unused inodes, so that the next
 * iget() of it (the shell running /bin/ls again) needs no disk block.
 * The list is in least-recently-used order and holds at most
 * NR_UNUSED_INODES; one more pushes out, and frees, the oldest.
 *
 *   inode_hash[ino % NR_HASH] --> inode --> inode --> NULL    (i_next)
 *                                 in use     unused
 *                                               ^
 *   lru_oldest <--> ... <--> unused inode <-----+--> ... <--> lru_newest
 *                            (i_count 0: i_lru_prev / i_lru_next)
 *
 * On the disk, inode i is slot (i - 1) % s_inodes_per_group of the inode
 * table of group (i - 1) / s_inodes_per_group; a slot is s_inode_size
 * bytes, of which struct ext2_inode is the first 128.
 */
#include "fs/ext2.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* Numbers for inodes no disk holds, above any ext2 inode number, so
   that no iget() finds one and fstat() tells two pipes apart. */
#define FIRST_ANON_INO 0x80000000u

#define NR_HASH 64                      /* buckets: a power of two */
#define NR_UNUSED_INODES 128            /* unused inodes kept cached */

static struct inode *inode_hash[NR_HASH];
static struct inode *lru_oldest, *lru_newest;
static unsigned int nr_unused;

static struct inode **bucket(uint32_t ino)
{
	return &inode_hash[ino % NR_HASH];
}

/* The on-disk inode `ino`, inside the held buffer *bhp; NULL on error. */
static struct ext2_inode *raw_inode(uint32_t ino, struct buffer_head **bhp)
{
	uint32_t ipg = sbi.s->s_inodes_per_group;
	uint32_t off = (ino - 1) % ipg * sbi.inode_size;

	if (ino < 1 || ino > sbi.s->s_inodes_count)
		return NULL;
	*bhp = bread(ext2_group((ino - 1) / ipg)->bg_inode_table + off / BLOCK_SIZE);
	if (!*bhp)
		return NULL;
	return (struct ext2_inode *)((*bhp)->b_data + off % BLOCK_SIZE);
}

/* Device numbers: old style (major << 8 | minor) in i_block[0], or
   Linux's new style in i_block[1] when they do not fit a byte each. */
static dev_t decode_rdev(const uint32_t *blk)
{
	uint32_t d = blk[1];

	if (blk[0])
		return blk[0];
	return MKDEV((d & 0xFFF00) >> 8, (d & 0xFF) | ((d >> 12) & 0xFFF00));
}

static int read_inode(struct inode *inode)
{
	struct buffer_head *bh;
	struct ext2_inode *raw = raw_inode(inode->i_ino, &bh);

	if (!raw)
		return -EIO;
	inode->i_mode = raw->i_mode;
	inode->i_uid = raw->i_uid | (uint32_t)raw->i_uid_high << 16;
	inode->i_gid = raw->i_gid | (uint32_t)raw->i_gid_high << 16;
	inode->i_nlink = raw->i_links_count;
	inode->i_size = raw->i_size;
	inode->i_atime = raw->i_atime;
	inode->i_mtime = raw->i_mtime;
	inode->i_ctime = raw->i_ctime;
	inode->i_dtime = raw->i_dtime;
	inode->i_blocks = raw->i_blocks;
	memcpy(inode->i_block, raw->i_block, sizeof(inode->i_block));
	if (S_ISCHR(inode->i_mode) || S_ISBLK(inode->i_mode))
		inode->i_rdev = decode_rdev(raw->i_block);
	brelse(bh);
	return 0;
}

/* Copy the inode into its inode-table buffer (the disk write comes with
   the next commit, journal.c). Fields we do not keep (flags, generation
   ...) stay. */
int write_inode(struct inode *inode)
{
	struct buffer_head *bh;
	struct ext2_inode *raw;

	if (is_anon_inode(inode)) {     /* a pipe's: fchmod changed */
		inode->i_dirty = false;         /* it, in memory only */
		return 0;
	}
	if (!(raw = raw_inode(inode->i_ino, &bh)))
		return -EIO;
	raw->i_mode = inode->i_mode;
	raw->i_uid = (uint16_t)inode->i_uid;
	raw->i_uid_high = inode->i_uid >> 16;
	raw->i_gid = (uint16_t)inode->i_gid;
	raw->i_gid_high = inode->i_gid >> 16;
	raw->i_links_count = inode->i_nlink;
	raw->i_size = inode->i_size;
	raw->i_size_high = 0;
	raw->i_atime = inode->i_atime;
	raw->i_mtime = inode->i_mtime;
	raw->i_ctime = inode->i_ctime;
	raw->i_dtime = inode->i_dtime;
	raw->i_blocks = inode->i_blocks;
	memcpy(raw->i_block, inode->i_block, sizeof(raw->i_block));
	mark_buffer_dirty(bh);
	brelse(bh);
	inode->i_dirty = false;
	return 0;
}

int sync_inodes(void)
{
	int err = 0;

	for (int b = 0; b < NR_HASH; b++)
		for (struct inode *i = inode_hash[b]; i; i = i->i_next)
			if (i->i_dirty && write_inode(i) < 0)
				err = -EIO;
	return err;
}

/* A new inode joins the cache, with one reference: its first user's. */
static struct inode *cache_inode(struct inode *inode)
{
	struct inode **head = bucket(inode->i_ino);

	inode->i_sb = &ext2_sb;
	inode->i_op = &ext2_iops;
	inode->i_count = 1;
	inode->i_next = *head;
	*head = inode;
	return inode;
}

/* The unused list: added at the newest end, pushed out at the oldest. */
static void lru_add(struct inode *inode)
{
	inode->i_lru_prev = lru_newest;
	inode->i_lru_next = NULL;
	if (lru_newest)
		lru_newest->i_lru_next = inode;
	else
		lru_oldest = inode;
	lru_newest = inode;
	nr_unused++;
}

static void lru_remove(struct inode *inode)
{
	if (inode->i_lru_prev)
		inode->i_lru_prev->i_lru_next = inode->i_lru_next;
	else
		lru_oldest = inode->i_lru_next;
	if (inode->i_lru_next)
		inode->i_lru_next->i_lru_prev = inode->i_lru_prev;
	else
		lru_newest = inode->i_lru_prev;
	nr_unused--;
}

struct inode *iget(uint32_t ino)
{
	struct inode *inode;

	for (inode = *bucket(ino); inode; inode = inode->i_next)
		if (inode->i_ino == ino) {
			if (inode->i_count++ == 0)
				lru_remove(inode);      /* in use again */
			return inode;
		}
	if (!(inode = kzalloc(sizeof(*inode))))
		return NULL;
	inode->i_ino = ino;
	if (read_inode(inode) < 0) {
		kfree(inode);
		return NULL;
	}
	/* i_fop stays NULL: the file layer picks operations by i_mode. */
	return cache_inode(inode);
}

bool is_anon_inode(const struct inode *inode)
{
	return inode->i_ino >= FIRST_ANON_INO;
}

/* An inode in memory only: a pipe's. It is cached like the others, so
   the last iput() frees it; i_nlink 1 keeps iput() from freeing a disk
   inode of that number. */
struct inode *alloc_anon_inode(uint16_t mode)
{
	static uint32_t next_ino = FIRST_ANON_INO;
	struct inode *inode = kzalloc(sizeof(*inode));

	if (!inode)
		return NULL;
	inode->i_ino = next_ino++;
	if (next_ino == 0)              /* 2^31 pipes later: start over */
		next_ino = FIRST_ANON_INO;
	inode->i_mode = mode;
	inode->i_nlink = 1;
	inode->i_atime = inode->i_mtime = inode->i_ctime = fs_now();
	return cache_inode(inode);
}

static void forget_inode(struct inode *inode)
{
	struct inode **p;

	for (p = bucket(inode->i_ino); *p != inode; p = &(*p)->i_next)
		;
	*p = inode->i_next;
	kfree(inode);
}

/* Device nodes keep their number in i_block[], and so do short
   symbolic links their target: those are not block numbers. */
static bool has_blocks(struct inode *inode)
{
	return S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode) ||
	       (S_ISLNK(inode->i_mode) && inode->i_blocks);
}

/* A file with no name any more: give back its blocks and its inode,
   which leaves the orphan list and gets its deletion time, as ext2
   marks a deleted inode. */
void ext2_delete_inode(struct inode *inode)
{
	if (has_blocks(inode))
		truncate_blocks(inode, 0);
	inode->i_size = 0;
	ext2_orphan_del(inode);
	inode->i_dtime = fs_now();
	write_inode(inode);
	ext2_free_inode(inode->i_ino, inode->i_mode);
}

/* The last iput (fs/vfs.c) of an ext2 inode, or of a pipe's. A file
   that still has a name is kept, written back, as the newest unused
   inode; a pipe's has nothing to come back for. */
static void ext2_evict(struct inode *inode)
{
	if (inode->i_nlink == 0)        /* no name and no user: delete it */
		ext2_delete_inode(inode);
	else if (inode->i_dirty)
		write_inode(inode);
	if (inode->i_nlink == 0 || is_anon_inode(inode)) {
		forget_inode(inode);
		return;
	}
	lru_add(inode);
	if (nr_unused > NR_UNUSED_INODES) {
		struct inode *oldest = lru_oldest;

		lru_remove(oldest);
		forget_inode(oldest);
	}
}

const struct inode_operations ext2_iops = {
	.lookup = ext2_lookup,
	.readdir = ext2_readdir,
	.readlink = ext2_readlink,
	.truncate = ext2_truncate,
	.evict = ext2_evict,
};

void inode_touch(struct inode *inode, bool modified)
{
	inode->i_ctime = fs_now();
	if (modified)
		inode->i_mtime = inode->i_ctime;
	inode->i_dirty = true;
}

/* A fresh inode of this mode, near dir, with no name yet (i_nlink 0):
   the caller links it and sets i_nlink. */
struct inode *ext2_new_inode_get(struct inode *dir, uint16_t mode, int *err)
{
	uint32_t ino = ext2_new_inode(dir, mode);
	struct buffer_head *bh;
	struct ext2_inode *raw;
	struct inode *inode;

	if (!ino) {
		*err = -ENOSPC;
		return NULL;
	}
	/* Clear the slot: a deleted file's flags and times must not leak. */
	if (!(raw = raw_inode(ino, &bh)) || !(inode = kzalloc(sizeof(*inode)))) {
		if (raw)
			brelse(bh);
		ext2_free_inode(ino, mode);
		*err = raw ? -ENOMEM : -EIO;
		return NULL;
	}
	memset(raw, 0, sbi.inode_size);
	mark_buffer_dirty(bh);
	brelse(bh);
	inode->i_ino = ino;
	inode->i_mode = mode;
	inode->i_atime = inode->i_mtime = inode->i_ctime = fs_now();
	inode->i_dirty = true;
	return cache_inode(inode);
}

/* Everyone is root (uid 0): reading and writing are always allowed;
   executing needs an x bit somewhere, except for searching directories. */
int inode_permission(struct inode *inode, int mask)
{
	if ((mask & X_OK) && !S_ISDIR(inode->i_mode) && !(inode->i_mode & 0111))
		return -EACCES;
	return 0;
}

void inode_stat(struct inode *inode, struct stat64 *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = inode->i_sb->s_dev;
	st->__st_ino = inode->i_ino;
	st->st_ino = inode->i_ino;
	st->st_mode = inode->i_mode;
	st->st_nlink = inode->i_nlink;
	st->st_uid = inode->i_uid;
	st->st_gid = inode->i_gid;
	st->st_rdev = inode->i_rdev;
	st->st_size = inode->i_size;
	st->st_blksize = BLOCK_SIZE;
	st->st_blocks = inode->i_blocks;
	st->st_atime = inode->i_atime;
	st->st_mtime = inode->i_mtime;
	st->st_ctime = inode->i_ctime;
}
