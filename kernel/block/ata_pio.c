/*
 * Programmed I/O: the CPU moves the data, 512 bytes per sector through
 * the 16-bit data port (rep insw / rep outsw), in blocks of
 * pio_multiple sectors (READ/WRITE MULTIPLE, set by SET MULTIPLE), one
 * interrupt per block:
 *
 *   read:  command ... IRQ: DRQ, insw a block ... IRQ: insw ... (done)
 *   write: command, wait for DRQ, outsw a block ... IRQ: outsw the next
 *          ... IRQ after the last block: done
 *
 * As in Linux 0.11's read_intr/write_intr, the copying happens in the
 * interrupt handler: 8 KiB per interrupt at 16 sectors. That is the
 * CPU's time DMA gives back. The fallback when there is no bus master,
 * and what `nodma` on the kernel command line forces.
 */
#include "block/ata.h"
#include "arch/arch.h"
#include <sprout/errno.h>

uint32_t pio_multiple = 1;

static char *sector_buf(const struct blk_request *rq, uint32_t i)
{
	return rq->blocks[i / 2] + (i % 2) * SECTOR_SIZE;
}

/* The command's next block: at most pio_multiple sectors. */
static uint32_t block_size(const struct ata_xfer *x)
{
	uint32_t left = x->count - x->done;

	return left < pio_multiple ? left : pio_multiple;
}

/* Move the command's next block through the data port. */
static void pio_block(const struct ata_xfer *x)
{
	uint32_t first = x->first + x->done, n = block_size(x);

	for (uint32_t i = first; i < first + n; i++) {
		if (x->rq->write)
			outsw(ATA_DATA, sector_buf(x->rq, i), SECTOR_SIZE / 2);
		else
			insw(ATA_DATA, sector_buf(x->rq, i), SECTOR_SIZE / 2);
	}
}

int pio_start(struct ata_xfer *x)
{
	const struct blk_request *rq = x->rq;
	uint8_t cmd;
	int err;

	if (pio_multiple > 1)
		cmd = rq->write ? CMD_WRITE_MULTIPLE : CMD_READ_MULTIPLE;
	else
		cmd = rq->write ? CMD_WRITE_SECTORS : CMD_READ_SECTORS;
	ata_issue(rq->sector + x->first, x->count, cmd);
	/* A write's first block goes at once: the disk asks for it with
	   DRQ, not with an interrupt. */
	if (rq->write) {
		if ((err = ata_poll(ST_DRQ)) < 0)
			return err;
		pio_block(x);
	}
	return 0;
}

int pio_intr(struct ata_xfer *x, uint8_t status)
{
	if (status & (ST_ERR | ST_DF))
		return -EIO;
	if (x->rq->write) {             /* the disk took a block */
		x->done += block_size(x);
		if (x->done == x->count)
			return 1;
		pio_block(x);
		return 0;
	}
	if (!(status & ST_DRQ))         /* a block is ready to read */
		return -EIO;
	pio_block(x);
	x->done += block_size(x);
	return x->done == x->count;
}
