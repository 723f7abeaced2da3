/*
 * sync, syncfs, fsync and fdatasync: commit the running transaction (journal.c: file data,
 * then the metadata through the journal to its home blocks), then make
 * the disk empty its own write cache (FLUSH CACHE): only then is the data
 * on the medium (a journal's commit has flushed already; plain ext2's
 * has not). Sprout has one file system and writes all
 * of it back either way, so fsync(fd) only differs from sync() in
 * checking its fd, and in reporting a write-back that failed earlier
 * (sync(2) cannot fail, so it leaves that to the next fsync).
 */
#include "fs/file.h"
#include "fs/fdtable.h"
#include "fs/journal.h"
#include "fs/page_cache.h"
#include "block/block.h"
#include "include/syscall.h"
#include <sprout/errno.h>

int sync_all(void)
{
	fs_lock();
	int err = journal_commit();
	fs_unlock();                /* the flush needs only the disk */
	return ata_flush() ? -EIO : err;
}

/* The last sync before the machine stops (init's exit, reboot): the fs
   lock is taken for good, so that an operation under way finishes first
   and none starts after. Files still open are never closed now, so the
   unlinked ones are deleted here (see delete_orphans). Then the journal
   is released: the disk needs no recovery. */
void sync_for_power_off(void)
{
	fs_lock();
	delete_orphans();
	journal_commit();
	ata_flush();
	journal_release();
}

long sys_sync(void)
{
	sync_all();
	return 0;                   /* sync(2) cannot fail */
}

long sys_fsync(int fd)
{
	struct file *f = fd_lookup(fd);
	if (!f)
		return -EBADF;
	if (!f->f_inode || !(S_ISREG(f->f_inode->i_mode) ||
			     S_ISDIR(f->f_inode->i_mode)))
		return -EINVAL;     /* a tty or a pipe has nothing to sync */
	int err = sync_all();

	return writeback_error() ? -EIO : err;
}

/* fdatasync may skip metadata that reading the data back does not need
   (an atime, say); ours writes everything anyway, so it is fsync. */
long sys_fdatasync(int fd)
{
	return sys_fsync(fd);
}

/* syncfs: sync the file system fd's file is on. Any open fd names one
   (a pipe's is Linux's pipefs, with nothing to write): one sync does. */
long sys_syncfs(int fd)
{
	if (!fd_lookup(fd))
		return -EBADF;
	return sync_all();
}
