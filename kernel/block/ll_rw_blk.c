/*
 * The request queue (Linux 0.11's ll_rw_blk.c): requests wait here, in
 * the order they came, for the one disk.
 *
 *   queue_head --> [rq: on the wire] --> [rq] --> [rq] --> NULL
 *                                                  ^ queue_tail
 *
 * blk_submit() appends a request; if the disk is idle, it starts the
 * request at once. Otherwise nothing more is needed: when the disk
 * interrupts to say the first request is done, the handler calls
 * end_request(), which starts the next one and completes the old - the
 * disk goes from request to request without any task running (Linux
 * 0.11's do_hd_request is called from its handlers).
 *
 * The interrupt handler changes the queue, so the tasks' side changes
 * it with interrupts off.
 */
#include "block/ata.h"
#include "sched/sched.h"
#include "arch/arch.h"
#include <sprout/errno.h>

static struct blk_request *queue_head, *queue_tail;
static bool disk_busy;          /* queue_head is on the wire */
static struct wait_queue blk_done_wait;   /* tasks in blk_wait() */
struct disk_stats disk_stats;

/* rq is finished: tell its submitter (end_io first, then `done`). */
static void complete(struct blk_request *rq, int error)
{
	rq->error = error;
	if (rq->end_io)
		rq->end_io(rq);
	rq->done = true;
	wake_up(&blk_done_wait);
}

static struct blk_request *dequeue(void)
{
	struct blk_request *rq = queue_head;

	queue_head = rq->next;
	if (!queue_head)
		queue_tail = NULL;
	return rq;
}

/* If the disk is idle, put the first request on the wire; one that
   cannot even start (a sector past the end, a dead disk) fails, and the
   next one is tried. An end_io may submit again from inside complete():
   disk_busy keeps that from starting a request twice. */
static void run_queue(void)
{
	while (!disk_busy && queue_head) {
		int err = ata_do_request(queue_head);

		if (!err)
			disk_busy = true;
		else
			complete(dequeue(), err);
	}
}

/* Count a request the disk completed. A write may be the last one
   before a staged power cut (crash.c), so it is counted before the next
   request starts. */
static void account(const struct blk_request *rq)
{
	switch (rq->write) {
	case BLK_READ:
		disk_stats.reads++;
		disk_stats.sectors_read += rq->nsect;
		break;
	case BLK_WRITE:
		disk_stats.writes++;
		disk_stats.sectors_written += rq->nsect;
		crash_point();
		break;
	default:
		disk_stats.flushes++;
	}
}

/* Interrupt context (or the timeout's timer): the first request is
   done. The next one starts before this one's submitter hears, so the
   disk does not wait for end_io. */
void end_request(int error)
{
	struct blk_request *rq = dequeue();

	disk_busy = false;
	if (!error)
		account(rq);
	run_queue();
	complete(rq, error);
}

void blk_submit(struct blk_request *rq)
{
	uint32_t flags;

	rq->done = false;
	rq->next = NULL;
	if (rq->nsect == 0 && rq->write != BLK_FLUSH) {
		complete(rq, 0);
		return;
	}
	flags = irq_save();
	if (queue_tail)
		queue_tail->next = rq;
	else
		queue_head = rq;
	queue_tail = rq;
	run_queue();
	irq_restore(flags);
}

void blk_wait(struct blk_request *rq)
{
	wait_event(blk_done_wait, rq->done);
}

static int submit_wait(struct blk_request *rq)
{
	blk_submit(rq);
	blk_wait(rq);
	return rq->error;
}

int ata_rw_blocks(int write, uint32_t sector, uint32_t nsect,
		  char *const blocks[])
{
	struct blk_request rq = {
		.write = write, .sector = sector, .nsect = nsect,
		.blocks = blocks,
	};

	return submit_wait(&rq);
}

/* FLUSH CACHE: a disk may keep written sectors in its own memory for a
   while; sync and fsync promise they are on the platters (or, under
   QEMU, in the image file), so they end with this. Queued behind the
   writes before it, it also waits for them. */
int ata_flush(void)
{
	struct blk_request rq = { .write = BLK_FLUSH };

	return submit_wait(&rq);
}
