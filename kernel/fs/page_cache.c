/*
 * The page cache: the data of regular files in whole 4 KiB pages.
 *
 *   hash_table[hash(ino, index)] --> page --> page --> NULL
 *                                    one look-up finds a page of a file
 *
 *   clean_list <-> page <-> page <-> ...    oldest first: reclaim's order
 *   dirty_list <-> page <-> page <-> ...    in the order they were written
 *
 * A cached page is in one hash chain and on one of the two lists; its
 * fields are in its struct page (mm/mm.h). Pages are keyed by inode
 * number, not by struct inode, so an in-memory inode may go away while
 * its pages stay; a deleted file's pages go in truncate_pages(). blocks[]
 * says where the page's four 1 KiB pieces are on the disk (0: a hole),
 * found once when the page is filled, so neither a read hit nor
 * write-back walks the indirect blocks.
 *
 * A page's states (drawn in docs/pagecache.md):
 *
 *   new --readahead--> pending > 0 --last request done--> uptodate
 *   uptodate --write()--> dirty --writeback_pages--> uptodate (clean)
 *   clean, unused --reclaim or truncate--> freed
 *
 * Reads: a miss reads a window of up to RA_PAGES pages from the missed
 * one on (each stretch of blocks that follow one another on the disk is
 * one disk request) and marks the window's first page `readahead`. The
 * reader that reaches a marked page starts the next window (from the
 * first page not cached) without waiting for it, so that the disk reads
 * ahead while the reader copies.
 *
 * The cache holds one reference to each of its pages (count 1); a
 * caller between read_page() and put_page() holds another, and reclaim
 * only takes clean pages nobody else holds and no disk is filling.
 * Callers hold the fs lock; the disk's completions (pieces_done) run in
 * interrupt context and touch only `pending`, `uptodate`, `io_error`.
 */
#include "fs/page_cache.h"
#include "block/block.h"
#include "sched/sched.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define NR_HASH       8192
#define RA_PAGES      32        /* a read-ahead window: 128 KiB, one command */
#define RA_BLOCKS     (RA_PAGES * PAGE_BLOCKS)
#define NR_REQUESTS   8         /* disk requests in flight at most */
#define RECLAIM_BATCH 32        /* pages freed per call: fewer calls */

static struct page *hash_table[NR_HASH];
static struct page clean_list, dirty_list;      /* the rings' fixed points */
static uint32_t nr_cached, nr_dirty, dirty_limit;
static struct wait_queue page_wait;             /* for pending to reach 0 */

/* A disk request of the cache's, and the 1 KiB pieces of pages it
   fills or empties. */
struct page_request {
	struct blk_request rq;
	char *blocks[RA_BLOCKS];
	bool busy;
};
static struct page_request requests[NR_REQUESTS];
static volatile bool write_failed;      /* and no fsync has said so yet */

static struct page **bucket(uint32_t ino, uint32_t index)
{
	return &hash_table[(ino * 2654435761u + index) % NR_HASH];
}

static struct page *find_page(uint32_t ino, uint32_t index)
{
	struct page *p;

	for (p = *bucket(ino, index); p; p = p->hash_next)
		if (p->index == index && p->ino == ino)
			return p;
	return NULL;
}

static void list_add_tail(struct page *head, struct page *p)
{
	p->lru_prev = head->lru_prev;
	p->lru_next = head;
	head->lru_prev->lru_next = p;
	head->lru_prev = p;
}

static void list_del(struct page *p)
{
	p->lru_prev->lru_next = p->lru_next;
	p->lru_next->lru_prev = p->lru_prev;
}

/* A new, empty page of the file in the cache, with one reference for the
   caller besides the cache's own; NULL when memory is out. */
static struct page *add_page(uint32_t ino, uint32_t index)
{
	struct page *p = alloc_page();  /* may reclaim: before we link */

	if (!p)
		return NULL;
	get_page(p);
	p->ino = ino;
	p->index = index;
	p->hash_next = *bucket(ino, index);
	*bucket(ino, index) = p;
	list_add_tail(&clean_list, p);
	nr_cached++;
	return p;
}

/* Pages the file's size reaches into (its last one partly). */
static uint32_t size_pages(const struct inode *inode)
{
	return inode->i_size / PAGE_SIZE + (inode->i_size % PAGE_SIZE != 0);
}

/* Out of the cache; the page is freed when its last holder lets go. */
static void remove_page(struct page *p)
{
	struct page **pp;

	for (pp = bucket(p->ino, p->index); *pp != p; pp = &(*pp)->hash_next)
		;
	*pp = p->hash_next;
	list_del(p);
	if (p->dirty)
		nr_dirty--;
	nr_cached--;
	put_page(p);
}

/* alloc_page's hook: free clean pages from the old end of the list. A
   page read since the last pass gets a second chance (the "clock"). */
static uint32_t reclaim_pages(uint32_t want)
{
	uint32_t freed = 0, scan = 2 * nr_cached;

	if (want < RECLAIM_BATCH)
		want = RECLAIM_BATCH;
	while (freed < want && scan-- > 0 && clean_list.lru_next != &clean_list) {
		struct page *p = clean_list.lru_next;

		if (p->referenced || p->count > 1 || p->pending) {
			p->referenced = false;
			list_del(p);
			list_add_tail(&clean_list, p);
			continue;
		}
		remove_page(p);
		freed++;
	}
	return freed;
}

/* Interrupt context: the disk is done with rq's pieces. A page is
   through when the last request for it is; a page being read is then up
   to date unless a request failed. */
static void pieces_done(struct blk_request *rq)
{
	struct page *prev = NULL;

	for (uint32_t i = 0; i < rq->nsect / BLOCK_SECTS; i++) {
		struct page *p = virt_to_page(rq->blocks[i]);

		if (p == prev)
			continue;
		prev = p;
		if (rq->error && rq->write == BLK_READ)
			p->io_error = true;
		if (--p->pending == 0 && rq->write == BLK_READ)
			p->uptodate = !p->io_error;
	}
	if (rq->error && rq->write == BLK_WRITE)
		write_failed = true;
	wake_up(&page_wait);
}

static struct page_request *get_request(void)
{
	for (;;) {
		for (int i = 0; i < NR_REQUESTS; i++)
			if (!requests[i].busy || requests[i].rq.done)
				return &requests[i];
		blk_wait(&requests[0].rq);      /* all in flight: wait for one */
	}
}

static void wait_for_requests(void)
{
	for (int i = 0; i < NR_REQUESTS; i++)
		if (requests[i].busy)
			blk_wait(&requests[i].rq);
}

/* The 1 KiB piece j of the pages in win[]: piece j % 4 of win[j / 4]. */
static char *piece(struct page *win[], uint32_t j)
{
	return (char *)page_address(win[j / PAGE_BLOCKS]) +
	       j % PAGE_BLOCKS * BLOCK_SIZE;
}

/* Move disk blocks [block, block + n) to or from pieces first.. of win. */
static void submit_run(struct page *win[], uint32_t first, uint32_t block,
		       uint32_t n, int write)
{
	struct page_request *r = get_request();

	for (uint32_t i = 0; i < n; i++)
		r->blocks[i] = piece(win, first + i);
	r->rq = (struct blk_request){
		.write = write, .sector = block * BLOCK_SECTS,
		.nsect = n * BLOCK_SECTS, .blocks = r->blocks,
		.end_io = pieces_done,
	};
	r->busy = true;
	blk_submit(&r->rq);
}

/* Read or write pieces [0, n) of win[] from or to their disk blocks
   blocks[] (0: a hole, left alone): one request per stretch of blocks
   that follow one another on the disk. Every page's `pending` counts its
   requests before the first one starts: a completion must not find a
   page at 0 while more are to come. Does not wait. */
static void submit_pieces(struct page *win[], const uint32_t *blocks,
			  uint32_t n, int write)
{
	uint32_t j, k;

	for (j = 0; j < n; j++)
		if (blocks[j] && (j % PAGE_BLOCKS == 0 || blocks[j] != blocks[j - 1] + 1))
			win[j / PAGE_BLOCKS]->pending++;
	for (j = 0; j < n; j += k) {
		k = 1;
		if (!blocks[j])
			continue;
		while (j + k < n && blocks[j + k] == blocks[j] + k)
			k++;
		submit_run(win, j, blocks[j], k, write);
	}
}

/* Where the last stretch of contiguous blocks in the window's n pages
   starts, if at a page after the first: the window ends there, so that
   the next one starts with a whole stretch (an indirect block between
   file blocks 11 and 12, 267 and 268, ... would otherwise split every
   other window in two requests). */
static uint32_t window_end(const uint32_t *blocks, uint32_t n)
{
	for (uint32_t i = n - 1; i > 0; i--) {
		uint32_t first = blocks[i * PAGE_BLOCKS];

		if (!first || first != blocks[i * PAGE_BLOCKS - 1] + 1)
			return i;
	}
	return n;
}

/* Start reading the file's pages from `start` on (after those already
   cached), up to a window's worth, as far as they are neither cached nor
   past the end of the file. Holes are zeroed here; each stretch of
   contiguous blocks is one request. Does not wait. 0, or -EIO if the
   block map could not be read. */
static int readahead(struct inode *inode, uint32_t start)
{
	struct page *win[RA_PAGES];
	uint32_t blocks[RA_BLOCKS];
	uint32_t n = 0, nb, end = size_pages(inode), skip = 0;
	int err;

	while (skip < RA_PAGES && start < end && find_page(inode->i_ino, start))
		start++, skip++;
	while (n < RA_PAGES && start + n < end &&
	       !find_page(inode->i_ino, start + n))
		n++;
	if (!n)
		return 0;
	err = bmap_many(inode, start * PAGE_BLOCKS, n * PAGE_BLOCKS, blocks);
	if (err && n > 1) {     /* a bad block map further on: this page only */
		n = 1;
		err = bmap_many(inode, start * PAGE_BLOCKS, PAGE_BLOCKS, blocks);
	}
	if (err)
		return err;
	n = window_end(blocks, n);
	for (nb = 0; nb < n && (win[nb] = add_page(inode->i_ino, start + nb)); nb++) {
		bool holes_only = true;

		memcpy(win[nb]->blocks, &blocks[nb * PAGE_BLOCKS],
		       sizeof(win[nb]->blocks));
		for (uint32_t b = 0; b < PAGE_BLOCKS; b++) {
			if (blocks[nb * PAGE_BLOCKS + b])
				holes_only = false;
			else
				memset(piece(win, nb * PAGE_BLOCKS + b), 0, BLOCK_SIZE);
		}
		win[nb]->uptodate = holes_only;
	}
	submit_pieces(win, blocks, nb * PAGE_BLOCKS, BLK_READ);
	if (nb)
		win[0]->readahead = true;
	for (uint32_t i = 0; i < nb; i++)
		put_page(win[i]);
	return 0;
}

/* Wait until no disk request is filling or emptying p. */
static void wait_on_page(struct page *p)
{
	if (p->pending)
		wait_event(page_wait, !p->pending);
}

struct page *read_page(struct inode *inode, uint32_t index, int *err)
{
	struct page *p = find_page(inode->i_ino, index);

	if (!p) {
		*err = readahead(inode, index);
		if (!(p = find_page(inode->i_ino, index))) {
			if (!*err)
				*err = -ENOMEM;
			return NULL;
		}
	}
	/* Ours now: the next window's pages may reclaim, and must not take
	   this one (nor be given its frame). */
	get_page(p);
	p->referenced = true;
	if (p->readahead) {     /* a reader got here: fetch the next window */
		p->readahead = false;
		readahead(inode, index + 1);
	}
	wait_on_page(p);
	if (!p->uptodate) {     /* the disk failed: the next read tries again */
		put_page(p);
		remove_page(p);
		*err = -EIO;
		return NULL;
	}
	return p;
}

struct page *grab_page(struct inode *inode, uint32_t index, bool whole,
		       int *err)
{
	struct page *p;

	if (index < size_pages(inode) || find_page(inode->i_ino, index))
		return read_page(inode, index, err);
	/* Past the end the file has no blocks: the page is zeros, or not up
	   to date yet when the caller is to write all of it. */
	if (!(p = add_page(inode->i_ino, index))) {
		*err = -ENOMEM;
		return NULL;
	}
	if (!whole) {
		memset(page_address(p), 0, PAGE_SIZE);
		p->uptodate = true;
	}
	return p;
}

void set_page_dirty(struct page *p)
{
	if (p->dirty)
		return;
	p->dirty = true;
	nr_dirty++;
	list_del(p);
	list_add_tail(&dirty_list, p);
}

/* Start writing the dirty pages from p on, and the file's next pages as
   long as they are dirty, up to a window's worth. They are clean (and on
   the clean list) from now on; `pending` keeps reclaim away from them
   until the disk has them. */
static void write_batch(struct page *p)
{
	struct page *batch[RA_PAGES];
	uint32_t blocks[RA_BLOCKS];
	uint32_t n = 0;

	for (; n < RA_PAGES && p && p->dirty; p = find_page(p->ino, p->index + 1)) {
		p->dirty = false;
		nr_dirty--;
		list_del(p);
		list_add_tail(&clean_list, p);
		memcpy(&blocks[n * PAGE_BLOCKS], p->blocks, sizeof(p->blocks));
		batch[n++] = p;
	}
	submit_pieces(batch, blocks, n * PAGE_BLOCKS, BLK_WRITE);
}

/* The disk works through the queue while we build the next batch; the
   fs lock stays held until all of it is written, so no write() can
   change a page the disk is still reading. */
void writeback_pages(void)
{
	while (dirty_list.lru_next != &dirty_list) {
		struct page *p = dirty_list.lru_next, *q;

		/* Start where its stretch of dirty pages starts. */
		while (p->index && (q = find_page(p->ino, p->index - 1)) && q->dirty)
			p = q;
		write_batch(p);
	}
	wait_for_requests();
}

/* The data is lost (its pages are clean again): the next fsync says so,
   even if bdflush or sync(2), which cannot report it, met the failure. */
int writeback_error(void)
{
	if (!write_failed)
		return 0;
	write_failed = false;
	return -EIO;
}

void balance_dirty_pages(void)
{
	if (nr_dirty > dirty_limit)
		writeback_pages();
}

void truncate_pages(struct inode *inode, uint32_t keep)
{
	uint32_t first = keep / PAGE_BLOCKS, part = keep % PAGE_BLOCKS;
	uint32_t end = size_pages(inode);

	for (uint32_t index = first; index < end; index++) {
		struct page *p = find_page(inode->i_ino, index);

		if (!p)
			continue;
		get_page(p);
		wait_on_page(p);        /* a read-ahead may be filling it */
		put_page(p);
		if (index == first && part) {   /* keeps its first blocks */
			for (uint32_t b = part; b < PAGE_BLOCKS; b++)
				p->blocks[b] = 0;
			memset((char *)page_address(p) + part * BLOCK_SIZE, 0,
			       (PAGE_BLOCKS - part) * BLOCK_SIZE);
		} else {
			remove_page(p);
		}
	}
}

uint32_t page_cache_kb(void)
{
	return nr_cached * (PAGE_SIZE / 1024);
}

/* Dirty pages are capped at an eighth of free memory: reclaim cannot
   take them without writing first, and fsync's wait stays bounded. */
void page_cache_init(void)
{
	clean_list.lru_next = clean_list.lru_prev = &clean_list;
	dirty_list.lru_next = dirty_list.lru_prev = &dirty_list;
	dirty_limit = nr_free_pages() / 8;
	set_page_reclaim(reclaim_pages);
}
