/*
 * Allocation: which blocks and inodes are in use is written in two
 * bitmaps per block group, one bit per block (inode). Taking one sets its
 * bit and lowers the free counts kept in the group descriptor and the
 * superblock; e2fsck recounts all three, so they must always agree.
 *
 *   block b lives in group (b - s_first_data_block) / s_blocks_per_group,
 *   at bit (b - s_first_data_block) % s_blocks_per_group of its bitmap;
 *   inode i in group (i - 1) / s_inodes_per_group, bit (i - 1) % ...
 *
 * Freed blocks wait for the commit. A block freed now is clear in the
 * bitmap at once (statfs counts it free, as Linux does), but it is not
 * handed out again until the transaction that freed it has committed
 * (ext2_blocks_committed). Until then the disk may still hold the old
 * owner: were the machine to stop, the file (or directory, or indirect
 * block) whose deletion never committed would come back holding the new
 * owner's data, which ordered mode writes in place before the commit.
 * So each group keeps a second bitmap, in memory only, of the blocks
 * freed since the last commit; the allocator skips them. The maps are
 * made at mount, one block's worth per group (as the bitmap on the
 * disk), so that freeing never needs memory.
 *
 *   on disk:  block bitmap   1 1 0 0 1 0 0 0 ...   (0: free)
 *   memory:   freed[g]       0 0 1 0 0 0 0 0 ...   (1: freed, waiting)
 *   allocatable                  ^ no  ^ yes
 */
#include "fs/ext2.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

static uint8_t **freed;         /* per group: a bit per block */
static uint32_t nr_freed;       /* blocks waiting for the commit */

/* At mount: no block waits yet. */
int ext2_balloc_init(void)
{
	if (!(freed = kzalloc(sbi.groups * sizeof(*freed))))
		return -ENOMEM;
	for (uint32_t g = 0; g < sbi.groups; g++)
		if (!(freed[g] = kzalloc(BLOCK_SIZE)))
			return -ENOMEM;
	return 0;
}

static bool test_bit(const uint8_t *map, uint32_t bit)
{
	return map[bit / 8] & (1 << (bit % 8));
}

static void change_bit(uint8_t *map, uint32_t bit, bool set)
{
	if (set)
		map[bit / 8] |= 1 << (bit % 8);
	else
		map[bit / 8] &= ~(1 << (bit % 8));
}

/* The byte of `busy` (NULL: all zeros) that covers bit. */
static uint8_t busy_byte(const uint8_t *busy, uint32_t bit)
{
	return busy ? busy[bit / 8] : 0;
}

/* The first bit in [from, to) clear in map and in busy, or -1. Whole
   bytes of ones are skipped eight bits at a time. */
static int find_zero(const uint8_t *map, const uint8_t *busy, uint32_t from,
		     uint32_t to)
{
	for (uint32_t bit = from; bit < to; bit++) {
		uint8_t byte = map[bit / 8] | busy_byte(busy, bit);

		if (bit % 8 == 0 && byte == 0xFF) {
			bit += 7;
			continue;
		}
		if (!(byte & (1 << (bit % 8))))
			return bit;
	}
	return -1;
}

/* Take a clear bit of bitmap block `map_block` (nbits long), not one
   set in busy, trying `start` first and then onward, wrapping round:
   the bit, or -1. */
static int take_bit(uint32_t map_block, const uint8_t *busy, uint32_t nbits,
		    uint32_t start)
{
	struct buffer_head *bh = bread(map_block);
	int bit;

	if (!bh)
		return -1;
	bit = find_zero((uint8_t *)bh->b_data, busy, start, nbits);
	if (bit < 0)
		bit = find_zero((uint8_t *)bh->b_data, busy, 0, start);
	if (bit >= 0) {
		change_bit((uint8_t *)bh->b_data, bit, true);
		mark_buffer_dirty(bh);
	}
	brelse(bh);
	return bit;
}

/* Clear a bit; false if it was clear already (a file-system bug). */
static bool release_bit(uint32_t map_block, uint32_t bit)
{
	struct buffer_head *bh = bread(map_block);
	bool was_set;

	if (!bh)
		return false;
	was_set = test_bit((uint8_t *)bh->b_data, bit);
	change_bit((uint8_t *)bh->b_data, bit, false);
	mark_buffer_dirty(bh);
	brelse(bh);
	return was_set;
}

/* The transaction that freed them is on the disk: every waiting block
   may be handed out again. */
void ext2_blocks_committed(void)
{
	if (!nr_freed)
		return;
	for (uint32_t g = 0; g < sbi.groups; g++)
		memset(freed[g], 0, BLOCK_SIZE);
	nr_freed = 0;
}

/* Take a free block that is not waiting for the commit, looking from
   goal's group on. 0: none. */
static uint32_t take_block(uint32_t goal)
{
	struct ext2_super_block *s = sbi.s;
	uint32_t bpg = s->s_blocks_per_group, first = s->s_first_data_block;
	uint32_t g0 = (goal - first) / bpg;

	for (uint32_t i = 0; i < sbi.groups; i++) {
		uint32_t g = (g0 + i) % sbi.groups;
		struct ext2_group_desc *gd = ext2_group(g);
		uint32_t nbits = s->s_blocks_count - first - g * bpg;
		uint8_t *waiting = freed[g];
		int bit;

		if (gd->bg_free_blocks_count == 0)
			continue;
		if (nbits > bpg)
			nbits = bpg;
		bit = take_bit(gd->bg_block_bitmap, waiting, nbits,
			       i == 0 ? (goal - first) % bpg : 0);
		if (bit < 0)
			continue;
		gd->bg_free_blocks_count--;
		s->s_free_blocks_count--;
		ext2_group_dirty(g);
		return first + g * bpg + bit;
	}
	return 0;
}

/* Blocks near `goal` keep a file contiguous on the disk, so it is read
   and written in long runs. A disk full but for blocks waiting for the
   commit gives 0 (ENOSPC): handing one out would reopen the hole the
   wait closes. Linux's ext3 would end the operation there, commit and
   retry; here the operation holds the fs lock and is half done, so the
   journal commits before an operation starts instead, whenever the
   blocks not waiting run low (journal_safe_point): only an operation
   that frees and then takes blocks by itself on a nearly full disk can
   meet this. */
uint32_t ext2_new_block(uint32_t goal)
{
	struct ext2_super_block *s = sbi.s;

	if (goal < s->s_first_data_block || goal >= s->s_blocks_count)
		goal = s->s_first_data_block;
	return take_block(goal);
}

/* How many blocks were freed since the last commit (counted free by
   statfs, but not to be handed out yet). */
uint32_t ext2_blocks_waiting(void)
{
	return nr_freed;
}

void ext2_free_block(uint32_t block)
{
	struct ext2_super_block *s = sbi.s;
	uint32_t bpg = s->s_blocks_per_group, first = s->s_first_data_block;
	uint32_t g = (block - first) / bpg;

	if (block < first || block >= s->s_blocks_count ||
	    !release_bit(ext2_group(g)->bg_block_bitmap, (block - first) % bpg)) {
		printk("ext2: freeing block %u, which is not in use\n", block);
		return;
	}
	change_bit(freed[g], (block - first) % bpg, true);     /* waits */
	nr_freed++;
	ext2_group(g)->bg_free_blocks_count++;
	s->s_free_blocks_count++;
	ext2_group_dirty(g);
}

/* A new inode goes in its directory's group when there is room. */
uint32_t ext2_new_inode(struct inode *dir, uint16_t mode)
{
	struct ext2_super_block *s = sbi.s;
	uint32_t ipg = s->s_inodes_per_group;
	uint32_t g0 = dir ? (dir->i_ino - 1) / ipg : 0;

	for (uint32_t i = 0; i < sbi.groups; i++) {
		uint32_t g = (g0 + i) % sbi.groups;
		struct ext2_group_desc *gd = ext2_group(g);
		/* the reserved inodes (1 .. s_first_ino - 1) are in group 0 */
		uint32_t start = g == 0 ? sbi.first_ino - 1 : 0;
		int bit;

		if (gd->bg_free_inodes_count == 0)
			continue;
		bit = take_bit(gd->bg_inode_bitmap, NULL, ipg, start);
		if (bit < (int)start)
			continue;       /* -1: full (the reserved inodes below
					   start are always in use) */
		gd->bg_free_inodes_count--;
		if (S_ISDIR(mode))
			gd->bg_used_dirs_count++;
		s->s_free_inodes_count--;
		ext2_group_dirty(g);
		return g * ipg + bit + 1;
	}
	return 0;
}

void ext2_free_inode(uint32_t ino, uint16_t mode)
{
	struct ext2_super_block *s = sbi.s;
	uint32_t ipg = s->s_inodes_per_group;
	uint32_t g = (ino - 1) / ipg;

	if (ino < sbi.first_ino || ino > s->s_inodes_count ||
	    !release_bit(ext2_group(g)->bg_inode_bitmap, (ino - 1) % ipg)) {
		printk("ext2: freeing inode %u, which is not in use\n", ino);
		return;
	}
	ext2_group(g)->bg_free_inodes_count++;
	if (S_ISDIR(mode))
		ext2_group(g)->bg_used_dirs_count--;
	s->s_free_inodes_count++;
	ext2_group_dirty(g);
}

/* Is inode ino marked in use in its bitmap? (The orphan list's walk at
   mount must not trust a number it reads.) */
bool ext2_inode_in_use(uint32_t ino)
{
	uint32_t ipg = sbi.s->s_inodes_per_group;
	struct buffer_head *bh = bread(ext2_group((ino - 1) / ipg)->bg_inode_bitmap);
	bool used;

	if (!bh)
		return false;
	used = test_bit((uint8_t *)bh->b_data, (ino - 1) % ipg);
	brelse(bh);
	return used;
}
