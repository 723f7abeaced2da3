/*
 * The buffer cache.
 *
 *   hash_table[block % NR_HASH] --> bh --> bh --> NULL   find a block fast
 *
 *   lru_head <-> bh <-> bh <-> ... <-> bh <-> (lru_head)   reuse order:
 *               oldest                  most recently released
 *
 * Every buffer is on the LRU ring; a buffer holding a block is also in
 * that block's hash chain. getblk() first looks the block up; on a miss it
 * takes the least recently used buffer that nobody holds (b_count == 0)
 * and that has no unsaved data (!b_dirty).
 *
 * Writes are delayed: mark_buffer_dirty() only sets a flag. The dirty
 * buffers are the journal's running transaction (journal.c): they reach
 * their home blocks only after the journal has committed them, when the
 * commit hands them to write_buffers(), which sends each stretch of
 * consecutive blocks to the disk in one request.
 *
 * Callers hold the fs lock, so only one task walks these lists at a time,
 * even while it sleeps for the disk; b_locked marks the buffers whose I/O
 * is in flight.
 */
#include "fs/buffer.h"
#include "fs/journal.h"
#include "block/block.h"
#include "mm/mm.h"
#include "sched/sched.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define NO_BLOCK       0xFFFFFFFFu
#define NR_HASH        4096
#define MAX_RUN        64       /* blocks per disk request (128 sectors) */
#define BUFS_PER_PAGE  (PAGE_SIZE / BLOCK_SIZE)
#define HEADS_PER_PAGE (PAGE_SIZE / sizeof(struct buffer_head))
#define MIN_POOL_PAGES 256      /* 1 MiB */
#define MAX_POOL_PAGES 1024     /* 4 MiB */

static struct buffer_head *hash_table[NR_HASH];
static struct buffer_head lru_head;     /* the ring's fixed point */
static uint32_t nr_buffers, nr_dirty;

static struct buffer_head **bucket(uint32_t block)
{
	return &hash_table[block % NR_HASH];
}

static struct buffer_head *find_buffer(uint32_t block)
{
	struct buffer_head *bh;

	for (bh = *bucket(block); bh; bh = bh->b_hash_next)
		if (bh->b_blocknr == block)
			return bh;
	return NULL;
}

static void hash_remove(struct buffer_head *bh)
{
	struct buffer_head **p;

	if (bh->b_blocknr == NO_BLOCK)
		return;
	for (p = bucket(bh->b_blocknr); *p != bh; p = &(*p)->b_hash_next)
		;
	*p = bh->b_hash_next;
}

static void hash_insert(struct buffer_head *bh)
{
	bh->b_hash_next = *bucket(bh->b_blocknr);
	*bucket(bh->b_blocknr) = bh;
}

static void lru_append(struct buffer_head *bh)
{
	bh->b_lru_prev = lru_head.b_lru_prev;
	bh->b_lru_next = &lru_head;
	lru_head.b_lru_prev->b_lru_next = bh;
	lru_head.b_lru_prev = bh;
}

static void lru_unlink(struct buffer_head *bh)
{
	bh->b_lru_prev->b_lru_next = bh->b_lru_next;
	bh->b_lru_next->b_lru_prev = bh->b_lru_prev;
}

static void lock_buffer(struct buffer_head *bh)
{
	wait_event(bh->b_wait, !bh->b_locked);
	bh->b_locked = true;
}

static void unlock_buffer(struct buffer_head *bh)
{
	bh->b_locked = false;
	wake_up(&bh->b_wait);
}

/* The oldest buffer that can be reused without losing anything. */
static struct buffer_head *get_free_buffer(void)
{
	struct buffer_head *bh;

	for (bh = lru_head.b_lru_next; bh != &lru_head; bh = bh->b_lru_next)
		if (!bh->b_count && !bh->b_dirty && !bh->b_locked)
			return bh;
	return NULL;
}

struct buffer_head *getblk(uint32_t block)
{
	struct buffer_head *bh;

	for (int tries = 0; tries < 2; tries++) {
		if ((bh = find_buffer(block))) {
			bh->b_count++;
			return bh;
		}
		if ((bh = get_free_buffer())) {
			hash_remove(bh);
			bh->b_blocknr = block;
			bh->b_uptodate = false;
			bh->b_count = 1;
			hash_insert(bh);
			return bh;
		}
		/* Every free buffer is dirty: the running transaction has
		   grown past the pool. journal_op_start() commits long
		   before that, so this is a last resort: it commits in the
		   middle of an operation, which a crash could then leave
		   half done. We slept, so the block may be cached now: look
		   again. */
		journal_commit();
	}
	printk("buffer: all %u buffers in use\n", nr_buffers);
	return NULL;
}

struct buffer_head *bread(uint32_t block)
{
	struct buffer_head *bh = getblk(block);
	int err = 0;

	if (!bh)
		return NULL;
	lock_buffer(bh);            /* waits for a read already in flight */
	if (!bh->b_uptodate) {
		err = ata_rw_blocks(0, block * BLOCK_SECTS, BLOCK_SECTS, &bh->b_data);
		bh->b_uptodate = !err;
	}
	unlock_buffer(bh);
	if (err) {
		brelse(bh);
		return NULL;
	}
	return bh;
}

void brelse(struct buffer_head *bh)
{
	if (!bh)
		return;
	if (--bh->b_count == 0) {   /* reused last: move to the young end */
		lru_unlink(bh);
		lru_append(bh);
	}
}

void mark_buffer_dirty(struct buffer_head *bh)
{
	if (!bh->b_dirty)
		nr_dirty++;
	bh->b_dirty = true;
}

uint32_t buffers_dirty(void)
{
	return nr_dirty;
}

uint32_t buffers_total(void)
{
	return nr_buffers;
}

uint32_t dirty_buffers(struct buffer_head **out, uint32_t max)
{
	struct buffer_head *bh;
	uint32_t n = 0;

	for (bh = lru_head.b_lru_next; bh != &lru_head && n < max; bh = bh->b_lru_next)
		if (bh->b_dirty)
			out[n++] = bh;
	return n;
}

void bforget(uint32_t block)
{
	struct buffer_head *bh = find_buffer(block);

	if (!bh)
		return;
	hash_remove(bh);
	bh->b_blocknr = NO_BLOCK;
	if (bh->b_dirty)
		nr_dirty--;
	bh->b_uptodate = bh->b_dirty = false;
}

/* Shell sort by block number (the array is at most a page of
   pointers: no need for more). */
static void sort_by_block(struct buffer_head **bhs, uint32_t n)
{
	for (uint32_t gap = n / 2; gap; gap /= 2)
		for (uint32_t i = gap; i < n; i++)
			for (uint32_t j = i; j >= gap &&
			     bhs[j - gap]->b_blocknr > bhs[j]->b_blocknr; j -= gap) {
				struct buffer_head *t = bhs[j];

				bhs[j] = bhs[j - gap];
				bhs[j - gap] = t;
			}
}

/* Write bhs[0..k), blocks first, first + 1, ..., in one request. */
static int write_run(struct buffer_head **run, uint32_t k)
{
	char *data[MAX_RUN] = { NULL };     /* (k >= 1: for the compiler) */
	int err;

	for (uint32_t i = 0; i < k; i++) {
		lock_buffer(run[i]);
		data[i] = run[i]->b_data;
	}
	err = ata_rw_blocks(BLK_WRITE, run[0]->b_blocknr * BLOCK_SECTS,
			    k * BLOCK_SECTS, data);
	for (uint32_t i = 0; i < k; i++) {
		run[i]->b_dirty = false;    /* on error the data is lost: */
		nr_dirty--;                 /* say so, go on */
		unlock_buffer(run[i]);
	}
	return err ? -EIO : 0;
}

int write_buffers(struct buffer_head **bhs, uint32_t n)
{
	uint32_t k;
	int err = 0;

	sort_by_block(bhs, n);
	for (uint32_t i = 0; i < n; i += k) {
		k = 1;
		while (i + k < n && k < MAX_RUN &&
		       bhs[i + k]->b_blocknr == bhs[i]->b_blocknr + k)
			k++;
		if (write_run(&bhs[i], k))
			err = -EIO;
	}
	return err;
}

/* A fixed pool for the file system's metadata: a thirty-second of free
   memory, between 1 and 4 MiB (file data has the page cache, which
   grows and shrinks with free memory). The data pages are not zeroed: a
   block is read from the disk or wholly written before it is looked at,
   as in a recycled buffer. */
void buffer_init(void)
{
	uint32_t pages = nr_free_pages() / 32;
	struct buffer_head *heads = NULL;
	char *data = NULL;

	if (pages < MIN_POOL_PAGES)
		pages = MIN_POOL_PAGES;
	if (pages > MAX_POOL_PAGES)
		pages = MAX_POOL_PAGES;
	lru_head.b_lru_next = lru_head.b_lru_prev = &lru_head;
	for (uint32_t i = 0; i < pages * BUFS_PER_PAGE; i++) {
		struct buffer_head *bh;

		if (i % HEADS_PER_PAGE == 0 && !(heads = get_zeroed_page()))
			break;
		if (i % BUFS_PER_PAGE == 0 && !(data = __get_free_page()))
			break;
		bh = &heads[i % HEADS_PER_PAGE];
		bh->b_data = data + (i % BUFS_PER_PAGE) * BLOCK_SIZE;
		bh->b_blocknr = NO_BLOCK;
		lru_append(bh);
		nr_buffers++;
	}
	printk("buffer: %u buffers of %u bytes\n", nr_buffers, BLOCK_SIZE);
}

uint32_t buffer_cache_kb(void)
{
	return nr_buffers * (BLOCK_SIZE / 1024);
}
