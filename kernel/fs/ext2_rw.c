/*
 * Reading and writing file contents, a block at a time through the
 * buffer cache. Cold sequential reads are the slow case, so on a miss we
 * look ahead: the following file blocks that also follow on the disk are
 * read in the same disk request (breada).
 */
#include "fs/ext2.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define READ_AHEAD 64           /* blocks per cluster read */

/* Read file block fblock (at disk block `block`) and up to READ_AHEAD - 1
   more, as far as they lie one after another on the disk. */
static void read_cluster(struct inode *inode, uint32_t fblock, uint32_t block)
{
	uint32_t last = (inode->i_size - 1) / BLOCK_SIZE;
	uint32_t n = 1;
	int err;

	while (n < READ_AHEAD && fblock + n <= last &&
	       bmap(inode, fblock + n, false, &err) == block + n)
		n++;
	breada(block, n);
}

/* Linux's "relatime": note the access only when it is the first since
   the last change, so that reading rarely dirties the inode. */
static void touch_atime(struct inode *inode)
{
	if (inode->i_atime <= inode->i_mtime || inode->i_atime <= inode->i_ctime) {
		inode->i_atime = fs_now();
		inode->i_dirty = true;
	}
}

ssize_t inode_read(struct inode *inode, void *buf, loff_t pos, size_t n)
{
	size_t done = 0;

	if (pos < 0)
		return -EINVAL;
	if (pos >= inode->i_size)
		return 0;
	if ((loff_t)n > inode->i_size - pos)
		n = inode->i_size - pos;
	while (done < n) {
		uint32_t at = (uint32_t)pos + done;
		uint32_t off = at % BLOCK_SIZE, chunk = BLOCK_SIZE - off;
		uint32_t block;
		struct buffer_head *bh;
		int err;

		if (chunk > n - done)
			chunk = n - done;
		block = bmap(inode, at / BLOCK_SIZE, false, &err);
		if (err)
			return done ? (ssize_t)done : err;
		if (!block) {                   /* a hole reads as zeros */
			memset((char *)buf + done, 0, chunk);
		} else {
			if (!buffer_cached(block))
				read_cluster(inode, at / BLOCK_SIZE, block);
			if (!(bh = bread(block)))
				return done ? (ssize_t)done : -EIO;
			memcpy((char *)buf + done, bh->b_data + off, chunk);
			brelse(bh);
		}
		done += chunk;
	}
	touch_atime(inode);
	return done;
}

/* The buffer for a write to `block`: a whole-block write need not read
   the old contents first. */
static struct buffer_head *write_buffer(uint32_t block, uint32_t chunk)
{
	struct buffer_head *bh;

	if (chunk < BLOCK_SIZE)
		return bread(block);
	if ((bh = getblk(block)))
		bh->b_uptodate = true;
	return bh;
}

ssize_t inode_write(struct inode *inode, const void *buf, loff_t pos, size_t n)
{
	size_t done = 0;
	int err = 0;

	if (pos < 0)
		return -EINVAL;
	if (pos >= EXT2_MAX_SIZE)
		return n ? -EFBIG : 0;
	if ((loff_t)n > EXT2_MAX_SIZE - pos)
		n = EXT2_MAX_SIZE - pos;
	while (done < n) {
		uint32_t at = (uint32_t)pos + done;
		uint32_t off = at % BLOCK_SIZE, chunk = BLOCK_SIZE - off;
		uint32_t block;
		struct buffer_head *bh;

		if (chunk > n - done)
			chunk = n - done;
		if (!(block = bmap(inode, at / BLOCK_SIZE, true, &err)))
			break;
		if (!(bh = write_buffer(block, chunk))) {
			err = -EIO;
			break;
		}
		memcpy(bh->b_data + off, (const char *)buf + done, chunk);
		mark_buffer_dirty(bh);
		brelse(bh);
		done += chunk;
		if (at + chunk > inode->i_size)
			inode->i_size = at + chunk;
	}
	if (done)
		inode_touch(inode, true);
	return done ? (ssize_t)done : err;
}

/* Shrink (freeing the blocks past the end) or grow (a hole) the file. */
int ext2_truncate(struct inode *inode, loff_t size)
{
	uint32_t tail;
	int err;

	if (size < 0)
		return -EINVAL;
	if (size > EXT2_MAX_SIZE)
		return -EFBIG;
	if (size < inode->i_size) {
		truncate_blocks(inode, ((uint32_t)size + BLOCK_SIZE - 1) / BLOCK_SIZE);
		/* Zero the rest of the last block: growing the file again
		   later must show zeros there, not the old bytes. */
		tail = (uint32_t)size % BLOCK_SIZE;
		if (tail) {
			uint32_t block = bmap(inode, (uint32_t)size / BLOCK_SIZE, false, &err);
			struct buffer_head *bh = block ? bread(block) : NULL;

			if (bh) {
				memset(bh->b_data + tail, 0, BLOCK_SIZE - tail);
				mark_buffer_dirty(bh);
				brelse(bh);
			}
		}
	}
	inode->i_size = size;
	inode_touch(inode, true);
	return 0;
}
