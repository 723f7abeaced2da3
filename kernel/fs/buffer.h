/*
 * The buffer cache: copies of disk blocks kept in memory, so that the
 * file system reads each block from the disk once and writes it back
 * later, many changes at a time (the idea of Linux 0.11's fs/buffer.c).
 * It holds the file system's own blocks (superblock, group descriptors,
 * bitmaps, inode tables, indirect blocks, directories); the contents of
 * regular files and symbolic links live in the page cache (page_cache.h).
 */
#ifndef _FS_BUFFER_H
#define _FS_BUFFER_H

#include "include/types.h"
#include "sched/sched.h"

#define BLOCK_SIZE   1024
#define BLOCK_SECTS  2          /* 512-byte disk sectors per block */

struct buffer_head {
	char *b_data;               /* BLOCK_SIZE bytes */
	uint32_t b_blocknr;         /* which disk block (NO_BLOCK: none yet) */
	int b_count;                /* users between bread/getblk and brelse */
	bool b_uptodate;            /* b_data holds the block's contents */
	bool b_dirty;               /* b_data is newer than the disk */
	bool b_locked;              /* I/O in flight: wait on b_wait */
	struct wait_queue b_wait;
	struct buffer_head *b_hash_next;            /* same hash bucket */
	struct buffer_head *b_lru_prev, *b_lru_next; /* least recently used first */
};

void buffer_init(void);
/* The buffer of a block, with one more reference; its contents are only
   valid if b_uptodate. NULL if every buffer is in use. */
struct buffer_head *getblk(uint32_t block);
struct buffer_head *bread(uint32_t block);   /* NULL on I/O error */
void brelse(struct buffer_head *bh);
/* The block now holds file data, which lives in the page cache: drop any
   copy of its old contents, so that a dirty one is never written back
   over the data. */
void bforget(uint32_t block);
/* Dirty buffers stay in memory until the journal's commit (journal.h)
   writes them: first into the journal, then home with write_buffers. */
void mark_buffer_dirty(struct buffer_head *bh);
uint32_t buffers_dirty(void);                /* how many are dirty */
uint32_t buffers_total(void);                /* the pool's size */
/* Up to max dirty buffers into out[]: how many. */
uint32_t dirty_buffers(struct buffer_head **out, uint32_t max);
/* Write these dirty buffers to their blocks (sorting bhs[] by block
   number, one request per stretch): 0 or -EIO. They are clean after. */
int write_buffers(struct buffer_head **bhs, uint32_t n);

#endif
