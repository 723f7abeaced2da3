/*
 * bdflush: a kernel thread that commits the running transaction every
 * few seconds (journal.c), so that dirty buffers reach the journal and
 * then the disk. A write() only fills the caches; without this,
 * data a program wrote and never fsync'd would reach the disk only at the
 * next sync or power-off, and be lost if the machine stopped first.
 * (Linux 0.11 left this to a user program, update, calling sync() every
 * 30 seconds.) A journal's commit flushes the disk's own cache between
 * its steps, since their order is what makes it safe; on plain ext2, like
 * Linux's periodic write-back, it does not: that promise belongs to sync
 * and fsync.
 */
#include "fs/journal.h"
#include "sched/sched.h"
#include "arch/arch.h"
#include "lib/lib.h"

#define FLUSH_INTERVAL (5 * HZ)

void bdflush(void)
{
	strlcpy(current->comm, "bdflush", sizeof(current->comm));
	/* A kernel thread never returns to user mode, where signals are
	   delivered: blocking them all keeps kill(-1, ...) from waking it
	   over and over. */
	current->blocked = ~0u;
	for (;;) {
		schedule_timeout(FLUSH_INTERVAL);
		if (!root_inode)
			continue;               /* not mounted yet */
		fs_lock();
		journal_commit();
		fs_unlock();
	}
}
