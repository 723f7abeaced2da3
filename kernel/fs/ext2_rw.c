/*
 * Reading and writing file contents, a page at a time through the page
 * cache (page_cache.c), which reads ahead on a miss. A write fills the
 * page and marks it dirty; the blocks it lands on are allocated here
 * (bmap with create), so that a full disk is reported by write(), not
 * later by write-back.
 */
#include "fs/page_cache.h"
#include "fs/journal.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* Linux's "relatime": note the access only when it is the first since
   the last change, so that reading rarely dirties the inode. */
static void touch_atime(struct inode *inode)
{
	if (inode->i_atime <= inode->i_mtime || inode->i_atime <= inode->i_ctime) {
		inode->i_atime = fs_now();
		inode->i_dirty = true;
	}
}

/* n bytes of a page out to the caller's buffer: user memory (faulted
   in as it goes; it may stop short at a bad page) or the kernel's. The
   bytes NOT copied. */
static size_t copy_out(void *buf, const void *from, size_t n, bool user)
{
	if (user)
		return copy_to_user(buf, from, n);
	memcpy(buf, from, n);
	return 0;
}

static ssize_t do_read(struct inode *inode, char *buf, loff_t pos, size_t n,
		       bool user)
{
	size_t done = 0, left = 0;
	int err;

	if (pos < 0)
		return -EINVAL;
	if (pos >= inode->i_size)
		return 0;
	if ((loff_t)n > inode->i_size - pos)
		n = inode->i_size - pos;
	while (done < n && !left) {
		uint32_t at = (uint32_t)pos + done;
		uint32_t off = at % PAGE_SIZE, chunk = PAGE_SIZE - off;
		struct page *p = read_page(inode, at / PAGE_SIZE, &err);

		if (!p)
			return done ? (ssize_t)done : err;
		if (chunk > n - done)
			chunk = n - done;
		left = copy_out(buf + done, (char *)page_address(p) + off,
				chunk, user);
		put_page(p);
		done += chunk - left;
	}
	if (!done)
		return n ? -EFAULT : 0;
	touch_atime(inode);
	return done;
}

ssize_t inode_read(struct inode *inode, void *buf, loff_t pos, size_t n)
{
	return do_read(inode, buf, pos, n, false);
}

ssize_t inode_read_user(struct inode *inode, void *ubuf, loff_t pos, size_t n)
{
	return do_read(inode, ubuf, pos, n, true);
}

/* Give the blocks under bytes [off, off + *chunk) of page p disk blocks
   (allocating holes). If the disk fills up, *chunk shrinks to the bytes
   whose blocks were found, and the error comes back. */
static int map_for_write(struct inode *inode, struct page *p, uint32_t off,
			 uint32_t *chunk)
{
	int err = 0;

	for (uint32_t b = off / BLOCK_SIZE; b * BLOCK_SIZE < off + *chunk; b++) {
		if (p->blocks[b])
			continue;
		p->blocks[b] = bmap(inode, p->index * PAGE_BLOCKS + b, true, &err);
		if (!p->blocks[b]) {
			*chunk = b * BLOCK_SIZE > off ? b * BLOCK_SIZE - off : 0;
			return err;
		}
	}
	return 0;
}

static ssize_t do_write(struct inode *inode, const char *buf, loff_t pos,
			size_t n, bool user)
{
	size_t done = 0, bad = 0;
	int err = 0;

	if (pos < 0)
		return -EINVAL;
	if (pos >= EXT2_MAX_SIZE)
		return n ? -EFBIG : 0;
	if ((loff_t)n > EXT2_MAX_SIZE - pos)
		n = EXT2_MAX_SIZE - pos;
	while (done < n && !err && !bad) {
		uint32_t at = (uint32_t)pos + done;
		uint32_t off = at % PAGE_SIZE, chunk = PAGE_SIZE - off;
		struct page *p;

		if (chunk > n - done)
			chunk = n - done;
		/* The user's bytes are made present before blocks are found
		   for them (Linux's fault_in_readable): a bad page half-way
		   shortens this piece, and the write ends after it. */
		if (user && (bad = fault_in_readable(buf + done, chunk)) == chunk)
			break;
		chunk -= bad;
		if (!(p = grab_page(inode, at / PAGE_SIZE, chunk == PAGE_SIZE, &err)))
			break;
		err = map_for_write(inode, p, off, &chunk);
		/* (user memory too: its piece is present, see above) */
		memcpy((char *)page_address(p) + off, buf + done, chunk);
		if (!p->uptodate) {     /* a fresh page: zeros where the disk
					   filled up before we got there */
			memset((char *)page_address(p) + chunk, 0, PAGE_SIZE - chunk);
			p->uptodate = true;
		}
		if (chunk)
			set_page_dirty(p);
		put_page(p);
		done += chunk;
		if (at + chunk > inode->i_size)
			inode->i_size = at + chunk;
		journal_safe_point();   /* i_size covers every new block */
	}
	if (done) {
		inode_touch(inode, true);
		balance_dirty_pages();
	}
	if (!done && bad)
		return -EFAULT;
	return done ? (ssize_t)done : err;
}

ssize_t inode_write(struct inode *inode, const void *buf, loff_t pos, size_t n)
{
	return do_write(inode, buf, pos, n, false);
}

ssize_t inode_write_user(struct inode *inode, const void *ubuf, loff_t pos,
			 size_t n)
{
	return do_write(inode, ubuf, pos, n, true);
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
			struct page *p = read_page(inode, size / PAGE_SIZE, &err);

			if (p) {
				memset((char *)page_address(p) + size % PAGE_SIZE, 0,
				       BLOCK_SIZE - tail);
				set_page_dirty(p);
				put_page(p);
			}
		}
	}
	inode->i_size = size;
	inode_touch(inode, true);
	return 0;
}
