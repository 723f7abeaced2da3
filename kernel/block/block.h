/*
 * block/: the disk driver, below the file system that stores its blocks
 * there (fs/buffer.c is its user).
 *
 * The IDE disk (primary master), LBA28. The data moves one of two ways:
 * by DMA, where the IDE controller's bus master copies whole requests
 * between the disk and memory and interrupts once at the end, or by
 * programmed I/O (PIO), where the CPU copies every word through the data
 * port, one interrupt per few sectors. docs/disk.md draws both.
 *
 * Requests are asynchronous (Linux 0.11's ll_rw_block idea): the caller
 * fills a struct blk_request, blk_submit()s it and goes on; the driver
 * keeps a queue, starts the next request from the disk's interrupt, and
 * completes each one by calling its end_io and setting `done`. Callers
 * that just want the data use ata_rw_blocks(), which is submit + wait.
 */
#ifndef _BLOCK_BLOCK_H
#define _BLOCK_BLOCK_H

#include "include/types.h"

#define SECTOR_SIZE 512

/* What a request asks for (its `write` field). */
#define BLK_READ  0
#define BLK_WRITE 1
#define BLK_FLUSH 2             /* the disk's write cache to the medium */

struct blk_request {
	int write;                  /* BLK_READ, BLK_WRITE or BLK_FLUSH */
	uint32_t sector, nsect;     /* any nsect: the driver splits it into
	                               commands */
	/* nsect/2 pointers to 1 KiB pieces of memory (kernel virtual
	   addresses; a 4 KiB page is 4 adjacent pieces): sector i is half
	   i % 2 of blocks[i / 2]. They must stay valid until completion. */
	char *const *blocks;
	int error;                  /* at completion: 0 or -EIO */
	volatile bool done;
	/* Called once at completion, possibly in interrupt context (so: no
	   sleeping, no kmalloc); may be NULL. Runs before `done` is set and
	   waiters are woken. */
	void (*end_io)(struct blk_request *rq);
	void *private;              /* the submitter's */
	struct blk_request *next;   /* the driver's queue link */
};

/* Queue rq and start it if the disk is idle; returns at once (under PIO
   the first sectors may already have moved). May be called from
   interrupt context, end_io included. */
void blk_submit(struct blk_request *rq);
/* Sleep (uninterruptible) until rq is done. */
void blk_wait(struct blk_request *rq);

/* Submit and wait: read (write == 0) or write nsect sectors at `sector`
   from or to the 1 KiB pieces blocks[]. 0 or -EIO. */
int ata_rw_blocks(int write, uint32_t sector, uint32_t nsect,
		  char *const blocks[]);
/* FLUSH CACHE, after every request queued before it: 0 or -EIO. */
int ata_flush(void);

/* What the disk did since boot: the requests it completed without an
   error, and their sectors (/proc/diskstats shows them). */
struct disk_stats {
	uint32_t reads, sectors_read;
	uint32_t writes, sectors_written;
	uint32_t flushes;
};
extern struct disk_stats disk_stats;

/* crash.c: cut the power when write request n completes (0: never);
   the crash tests' "crashafter=N". */
void blk_crash_after(uint32_t n);

int ata_init(void);             /* identify the disk: 0 or -ENODEV */
/* dev/ide_pci.c, at boot: the IDE controller's bus-master registers are
   at these I/O ports; use DMA if the disk can. 0 or -ENOMEM. */
int ata_enable_dma(uint16_t bmide_base);

#endif
