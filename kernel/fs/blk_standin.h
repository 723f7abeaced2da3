/*
 * A synchronous stand-in for block/'s asynchronous request interface
 * (perf-block), so that the page cache builds and runs before it lands:
 * blk_submit() does the transfer at once. Dropped at the merge.
 */
#ifndef _FS_BLK_STANDIN_H
#define _FS_BLK_STANDIN_H

#include "block/block.h"

struct blk_request {
	int write;
	uint32_t sector, nsect;
	char *const *blocks;
	int error;
	volatile bool done;
	void (*end_io)(struct blk_request *rq);
	void *private;
	struct blk_request *next;
};

static inline void blk_submit(struct blk_request *rq)
{
	rq->error = ata_rw_blocks(rq->write, rq->sector, rq->nsect, rq->blocks);
	if (rq->end_io)
		rq->end_io(rq);
	rq->done = true;
}

static inline void blk_wait(struct blk_request *rq)
{
	(void)rq;
}

#endif
