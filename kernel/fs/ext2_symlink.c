/*
 * A symbolic link on the disk: an inode of type S_IFLNK whose content is
 * a path, i_size its length (no NUL). ext2 keeps it in one of two ways:
 *
 *   fast (target < 60 bytes)         slow (60 bytes or more)
 *   +-----------------------+        +-----------------------+
 *   | i_blocks = 0          |        | i_blocks = 2          |
 *   | i_block[0..14]:       |        | i_block[0] = 8123 ----+--> data block:
 *   |  "../lib/libc.a\0..." |        |                       |    "/a/very/long/..."
 *   +-----------------------+        +-----------------------+
 *
 * The 60 bytes of block numbers hold a short target themselves: most
 * links cost no data block and no extra disk read. i_blocks tells the
 * two apart, as e2fsck and Linux do.
 */
#include "fs/ext2.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define FAST_LINK_MAX sizeof(((struct inode *)0)->i_block)    /* 60 */

static bool is_fast(struct inode *link)
{
	return link->i_blocks == 0;
}

ssize_t ext2_readlink(struct inode *link, char *buf, size_t n)
{
	if (n > link->i_size)
		n = link->i_size;
	if (is_fast(link)) {
		memcpy(buf, link->i_block, n);
		return n;
	}
	return inode_read(link, buf, 0, n);
}

int ext2_symlink_write(struct inode *link, const char *target, size_t len)
{
	ssize_t n;

	if (len < FAST_LINK_MAX) {      /* the rest of i_block[] stays 0 */
		memcpy(link->i_block, target, len);
		link->i_size = len;
		inode_touch(link, true);
		return 0;
	}
	n = inode_write(link, target, 0, len);
	if (n < 0)
		return n;
	return (size_t)n == len ? 0 : -ENOSPC;
}
