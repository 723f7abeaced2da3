/*
 * The page cache (page_cache.c): the contents of regular files (and of
 * slow symbolic links) in whole 4 KiB pages, found by (inode number,
 * page index) with one hash look-up. docs/pagecache.md draws it.
 *
 * A page handed out by read_page() or grab_page() carries a reference
 * of its caller's (put_page() when done with it), so that reclaim leaves
 * it alone meanwhile. Callers hold the fs lock.
 */
#ifndef _FS_PAGE_CACHE_H
#define _FS_PAGE_CACHE_H

#include "fs/ext2.h"
#include "mm/mm.h"

#define PAGE_BLOCKS (PAGE_SIZE / BLOCK_SIZE)    /* 4 file blocks a page */

void page_cache_init(void);
/* Page `index` of the file, holding its data (read-ahead on a miss);
   NULL with *err = -EIO or -ENOMEM. */
struct page *read_page(struct inode *inode, uint32_t index, int *err);
/* The same, for a write into it. Past the end of the file there is
   nothing to read: a page of zeros, or, if the caller writes the `whole`
   page, a page not up to date that the caller fills. */
struct page *grab_page(struct inode *inode, uint32_t index, bool whole,
		       int *err);
void set_page_dirty(struct page *p);
/* The write path's brake: too many dirty pages are written back. */
void balance_dirty_pages(void);
/* Write every dirty page back (in index order, contiguous blocks in one
   request). A failed write is kept for writeback_error(). */
void writeback_pages(void);
/* -EIO once after a write-back failed (whoever started it: sync(2),
   bdflush, the dirty cap), else 0: fsync's to report. */
int writeback_error(void);
/* Forget the file's data from file block `keep` on (truncate, delete),
   before those blocks are freed. */
void truncate_pages(struct inode *inode, uint32_t keep);

#endif
