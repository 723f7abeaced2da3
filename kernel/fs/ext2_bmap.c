/*
 * Where a file's blocks are: i_block[] in the inode.
 *
 *   i_block[0..11]  the first 12 blocks of the file, directly
 *   i_block[12]  -> indirect block: 256 block numbers (file blocks 12..267)
 *   i_block[13]  -> double indirect: 256 indirect blocks (65536 blocks)
 *   i_block[14]  -> triple indirect: 256 double indirect blocks
 *
 * So file block n is found by a path of indexes, one per level: for
 * n = 1000, 1000 - 12 - 256 = 732 is in the double-indirect tree, path
 * (13, 732 / 256, 732 % 256) = (13, 2, 220). A 0 anywhere on the path is a
 * hole: reads give zeros, writes allocate (bmap with create).
 */
#include "fs/page_cache.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define APB EXT2_ADDR_PER_BLOCK

/* The path to file block n: fills off[], returns its length (1-4), or 0
   if n is beyond what triple indirection reaches. */
static int block_path(uint32_t n, uint32_t off[4])
{
	if (n < EXT2_NDIR_BLOCKS) {
		off[0] = n;
		return 1;
	}
	n -= EXT2_NDIR_BLOCKS;
	if (n < APB) {
		off[0] = 12, off[1] = n;
		return 2;
	}
	n -= APB;
	if (n < APB * APB) {
		off[0] = 13, off[1] = n / APB, off[2] = n % APB;
		return 3;
	}
	n -= APB * APB;
	if (n < APB * APB * APB) {
		off[0] = 14, off[1] = n / (APB * APB);
		off[2] = n / APB % APB, off[3] = n % APB;
		return 4;
	}
	return 0;
}

/* A new block charged to the inode; 0 when the disk is full (or no
   buffer is free). An indirect block or a directory's block is zeroed in
   the buffer cache (no disk read needed). A block of file data belongs
   to the page cache, which fills it: a copy the buffer cache may still
   hold from the block's last life is dropped. */
static uint32_t new_block(struct inode *inode, uint32_t goal, bool data)
{
	uint32_t block = ext2_new_block(goal);
	struct buffer_head *bh;

	if (!block)
		return 0;
	if (data) {
		bforget(block);
	} else if ((bh = getblk(block))) {
		memset(bh->b_data, 0, BLOCK_SIZE);
		bh->b_uptodate = true;
		mark_buffer_dirty(bh);
		brelse(bh);
	} else {
		ext2_free_block(block);
		return 0;
	}
	inode->i_blocks += SECTORS_PER_BLOCK;
	inode->i_dirty = true;
	return block;
}

/* The last data block given to a file: a file written in order finds
   its goal here without walking its map again. (Only a hint: any goal
   is a valid place to start looking.) */
struct alloc_hint { uint32_t ino, fblock, block; };
static struct alloc_hint last_alloc;

/* Put block n right after block n - 1 if we can: files stay contiguous. */
static uint32_t goal_for(struct inode *inode, uint32_t n)
{
	int err;
	uint32_t prev;

	if (n && last_alloc.ino == inode->i_ino && last_alloc.fblock == n - 1)
		return last_alloc.block + 1;
	prev = n ? bmap(inode, n - 1, false, &err) : 0;
	if (prev)
		return prev + 1;
	return (inode->i_ino - 1) / sbi.s->s_inodes_per_group *
	       sbi.s->s_blocks_per_group + sbi.s->s_first_data_block;
}

/* A block number read from the disk must lie inside the file system: a
   corrupt inode or indirect block gives EIO, not a read of some other
   block (block * 2 sectors could even wrap past 4 GiB). */
static bool valid_block(uint32_t block)
{
	return block >= sbi.s->s_first_data_block &&
	       block < sbi.s->s_blocks_count;
}

uint32_t bmap(struct inode *inode, uint32_t n, bool create, int *err)
{
	uint32_t off[4], block = 0, goal = 0;
	int depth = block_path(n, off);
	uint32_t *slot = &inode->i_block[off[0]];
	struct buffer_head *bh = NULL;      /* holds *slot when level > 0 */

	*err = 0;
	if (!depth) {
		*err = -EFBIG;
		return 0;
	}
	for (int level = 0; ; level++) {
		block = *slot;
		if (!block && create) {
			bool data = level == depth - 1 && !S_ISDIR(inode->i_mode);

			if (!goal)
				goal = goal_for(inode, n);
			if (!(block = new_block(inode, goal, data)))
				*err = -ENOSPC;
			else if (data)
				last_alloc = (struct alloc_hint){ inode->i_ino, n, block };
			*slot = block;
			if (bh)
				mark_buffer_dirty(bh);
		}
		if (block && !valid_block(block)) {
			brelse(bh);
			*err = -EIO;
			return 0;
		}
		if (!block || level == depth - 1)
			break;
		brelse(bh);
		if (!(bh = bread(block))) {
			*err = -EIO;
			return 0;
		}
		slot = (uint32_t *)bh->b_data + off[level + 1];
	}
	brelse(bh);
	return block;
}

/* The leaf of block n's path: the array of block numbers that holds n's
   entry (i_block[] itself or an indirect block, then held in *bhp, which
   the caller releases) and how many entries it has. NULL with *err 0
   when an indirect block on the way is a hole. */
static uint32_t *leaf_of(struct inode *inode, const uint32_t off[4], int depth,
			 struct buffer_head **bhp, uint32_t *len, int *err)
{
	uint32_t *array = inode->i_block;

	*bhp = NULL;
	*len = depth == 1 ? EXT2_NDIR_BLOCKS : APB;
	for (int level = 0; level < depth - 1; level++) {
		uint32_t block = array[off[level]];

		brelse(*bhp);
		*bhp = NULL;
		if (!block)
			return NULL;
		if (!valid_block(block) || !(*bhp = bread(block))) {
			*err = -EIO;
			return NULL;
		}
		array = (uint32_t *)(*bhp)->b_data;
	}
	return array;
}

int bmap_many(struct inode *inode, uint32_t n, uint32_t count, uint32_t *out)
{
	while (count) {
		uint32_t off[4], len, take = 1;
		int depth = block_path(n, off), err = 0;
		struct buffer_head *bh;
		uint32_t *leaf = depth ? leaf_of(inode, off, depth, &bh, &len, &err)
				       : NULL;

		if (err)
			return err;
		if (!leaf) {
			*out = 0;       /* a hole (or past the largest file) */
		} else {
			uint32_t first = off[depth - 1];

			take = len - first < count ? len - first : count;
			for (uint32_t i = 0; i < take; i++) {
				uint32_t block = leaf[first + i];

				if (block && !valid_block(block)) {
					brelse(bh);
					return -EIO;
				}
				out[i] = block;
			}
			brelse(bh);
		}
		out += take, n += take, count -= take;
	}
	return 0;
}

/* Blocks of file blocks a subtree of `depth` levels covers: 256^depth. */
static uint32_t span_of(int depth)
{
	uint32_t span = 1;

	while (depth-- > 0)
		span *= APB;
	return span;
}

/* Free the part of the tree under *slot (covering file blocks from
   `first` on) that lies at file blocks >= keep; free *slot itself when
   nothing under it is kept. Holes (0) are skipped. */
static void free_branch(struct inode *inode, uint32_t *slot, int depth,
			uint32_t first, uint32_t keep)
{
	if (!*slot)
		return;
	if (depth > 0) {
		uint32_t span = span_of(depth - 1);
		struct buffer_head *bh = bread(*slot);

		if (!bh)
			return;     /* unreadable: leak it rather than guess */
		for (uint32_t i = APB; i-- > 0; ) {
			if (first + i * span + span <= keep)
				break;
			free_branch(inode, (uint32_t *)bh->b_data + i, depth - 1,
				    first + i * span, keep);
		}
		mark_buffer_dirty(bh);
		brelse(bh);
		if (first < keep)
			return;     /* still maps blocks below keep */
	}
	ext2_free_block(*slot);
	*slot = 0;
	inode->i_blocks -= SECTORS_PER_BLOCK;
}

/* Free every block of the file from file block `keep` on. The page
   cache lets go of them first: it must never write to a freed block. */
void truncate_blocks(struct inode *inode, uint32_t keep)
{
	uint32_t first = 0;

	truncate_pages(inode, keep);

	for (int i = 0; i < EXT2_N_BLOCKS; i++) {
		int depth = i < EXT2_NDIR_BLOCKS ? 0 : i - EXT2_NDIR_BLOCKS + 1;
		uint32_t span = span_of(depth);

		if (first + span > keep)
			free_branch(inode, &inode->i_block[i], depth, first, keep);
		first += span;
	}
	inode->i_dirty = true;
}
