/*
 * The ext3 journal (journal.c, journal_recovery.c; docs/journal.md walks
 * one transaction through it). The running transaction is every buffer
 * dirtied since the last commit; a commit writes them into the journal
 * first, then home, so that a crash at any moment leaves either the old
 * metadata or the new, never a mixture.
 *
 * Without a journal (a plain ext2 disk) the same commit runs, minus the
 * journal writes: data, inodes, then the buffers home.
 */
#ifndef _FS_JOURNAL_H
#define _FS_JOURNAL_H

#include "fs/ext2.h"
#include "fs/jbd.h"

/* At mount: find the journal, check it, replay what it holds. 0 or
   -errno; a disk without a journal gives 0. */
int journal_load(void);
/* Commit the running transaction: 0, or -EIO (then the journal may have
   aborted: nothing more is written, every later commit fails). */
int journal_commit(void);
/* Between pages of a long write(), where the file system is consistent
   (every block allocated so far lies inside i_size): commit if the
   running transaction has grown past its threshold, or if the disk is
   nearly full but for blocks waiting for the commit to be reused. */
void journal_safe_point(void);
/* fs_lock(): the start of an operation is such a point too. */
static inline void journal_op_start(void)
{
	journal_safe_point();
}
/* At power-off, after the last commit: the disk needs no recovery. */
void journal_release(void);

/* What journal.c and journal_recovery.c share. */
struct journal {
	uint32_t **map;                 /* journal block -> disk block, in
					   pages of 1024 numbers */
	struct journal_superblock *jsb; /* block 0, as on the disk */
	uint32_t first, maxlen;         /* the log is [first, maxlen) */
	uint32_t tid;                   /* the next transaction's number */
	struct buffer_head **trans;     /* a page: the buffers of a commit */
	uint32_t max_trans;             /* how many fit in the log at once */
	uint32_t threshold;             /* commit early past this many */
	char **desc;                    /* descriptor blocks for max_trans */
	char *commit_block;
	bool aborted, committing;
};
extern struct journal journal;

uint32_t journal_bmap(uint32_t pos);    /* journal block -> disk block */
uint32_t journal_next(uint32_t pos);    /* the next log block (a ring) */
/* Read or write the journal's blocks pos, pos + 1, ... (count of them)
   from or to data[]: 0 or -EIO. */
int journal_rw(int write, uint32_t pos, uint32_t count, char *const data[]);
int journal_write_super(void);          /* block 0, then FLUSH */
/* Write trans[0..n) home, then FLUSH: 0 or -EIO. */
int journal_checkpoint(uint32_t n);
/* journal_recovery.c: replay the committed transactions the log holds
   (the superblock's s_start != 0): how many, or -errno. */
int journal_recover(void);

#endif
