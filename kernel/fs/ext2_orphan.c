/*
 * Orphans: inodes that lost their last name (unlink, rmdir, rename over
 * them) but are not deleted yet, because a process still has them open
 * (or as its current directory). Their last iput deletes them. Should
 * the machine stop first, that iput never comes, and the disk would keep
 * an inode in use that no directory names, with its blocks. So, as
 * ext3 does, the disk itself lists them: the superblock names the first
 * orphan, and each orphan's i_dtime field (unused while an inode lives)
 * names the next; 0 ends the list. The next mount walks it and finishes
 * the job (ext2_orphan_cleanup).
 *
 *   superblock             inode 14              inode 12
 *   s_last_orphan = 14 --> i_dtime = 12 -------> i_dtime = 0 (the end)
 *                          i_links_count 0       i_links_count 0
 *
 *   memory: orphans --> inode 14 <--> inode 12   (i_orphan_next/_prev)
 *
 * A new orphan goes at the head. Leaving needs the one before it (whose
 * i_dtime must skip it): the list in memory, in the same order, gives
 * it at once, without a walk of the disk. Both changes are in the same
 * transaction as the unlink or the delete that caused them.
 *
 * A Linux ext3 also lists an inode, with links left, while it truncates
 * it: after a crash the mount cuts such a file to its i_size. Here a
 * truncate is one operation under the fs lock, so it is in one
 * transaction and never half done on the disk; but we finish a Linux's
 * list too.
 */
#include "fs/ext2.h"
#include "lib/lib.h"

static struct inode *orphans;   /* the newest first, as on the disk */

static bool listed(struct inode *inode)
{
	return inode->i_orphan_prev || orphans == inode;
}

void ext2_orphan_add(struct inode *inode)
{
	if (listed(inode))
		return;
	inode->i_dtime = sbi.s->s_last_orphan;
	sbi.s->s_last_orphan = inode->i_ino;
	mark_buffer_dirty(sbi.sbh);
	inode->i_dirty = true;
	inode->i_orphan_prev = NULL;
	inode->i_orphan_next = orphans;
	if (orphans)
		orphans->i_orphan_prev = inode;
	orphans = inode;
}

void ext2_orphan_del(struct inode *inode)
{
	struct inode *prev = inode->i_orphan_prev, *next = inode->i_orphan_next;

	if (!listed(inode))
		return;
	if (prev) {                     /* prev now points past inode */
		prev->i_dtime = inode->i_dtime;
		prev->i_dirty = true;
		prev->i_orphan_next = next;
	} else {
		sbi.s->s_last_orphan = inode->i_dtime;
		mark_buffer_dirty(sbi.sbh);
		orphans = next;
	}
	if (next)
		next->i_orphan_prev = prev;
	inode->i_orphan_prev = inode->i_orphan_next = NULL;
	inode->i_dtime = 0;
	inode->i_dirty = true;
}

/* At power-off files still open are never closed: delete the orphans
   now, as their last closes would have. That empties the list on the
   disk too. The caller holds the fs lock for good, so nobody uses these
   inodes again. */
void delete_orphans(void)
{
	while (orphans)
		ext2_delete_inode(orphans);
}

/* One orphan from the disk's list, at mount: a file with no name is
   deleted (its iput does it); one with names left (a truncate Linux
   had not finished) loses its blocks past i_size. Its next: *next. */
static int finish_orphan(uint32_t ino, uint32_t *next)
{
	struct inode *inode;

	if (ino < sbi.first_ino || ino > sbi.s->s_inodes_count) {
		printk("ext2: orphan list names inode %u: out of range\n", ino);
		return -1;
	}
	/* An inode already deleted (here, a moment ago: a loop) ends it. */
	if (!ext2_inode_in_use(ino) || !(inode = iget(ino))) {
		printk("ext2: orphan list names inode %u, not in use\n", ino);
		return -1;
	}
	*next = inode->i_dtime;
	if (inode->i_nlink) {
		if (S_ISREG(inode->i_mode))
			truncate_blocks(inode, inode->i_size / BLOCK_SIZE +
					       (inode->i_size % BLOCK_SIZE != 0));
		inode->i_dtime = 0;     /* a loop back here then ends */
		inode->i_dirty = true;
	}
	iput(inode);
	return 0;
}

/*
 * Finish what the orphan list names, from the previous run: called at
 * mount, before anything else uses the file system. The walk trusts
 * nothing it reads: a number out of range or an inode not in use (a
 * loop leads back to one deleted here) ends it with a message. Like
 * e2fsck, it clears the list first: win or lose, it is not walked again.
 */
void ext2_orphan_cleanup(void)
{
	uint32_t ino = sbi.s->s_last_orphan, next = 0, n = 0;

	if (!ino)
		return;
	sbi.s->s_last_orphan = 0;
	mark_buffer_dirty(sbi.sbh);
	for (; ino; ino = next, n++)
		if (finish_orphan(ino, &next) < 0)
			break;
	if (n)
		printk("ext2: cleaned up %u orphan inodes\n", n);
}
