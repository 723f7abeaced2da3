/*
 * ATA (IDE) disk driver: primary master, LBA28, interrupt-driven.
 *
 * The queue (ll_rw_blk.c) hands the driver one request at a time. A
 * request of any length becomes commands of at most MAX_SECTORS (256
 * sectors, 128 KiB); each command is
 *
 *   driver                                 disk
 *   ------                                 ----
 *   write LBA, count, command  ------->    seeks, moves the data:
 *     (ata_issue)                          DMA: all of it, then IRQ 14
 *                                          PIO: a few sectors per IRQ 14
 *   ata_intr: read STATUS (this also
 *   tells the disk its interrupt was
 *   seen); next command, or end_request
 *
 * and ata_intr starts the next one itself. How the data moves is
 * ata_dma.c's or ata_pio.c's business. A timer catches a disk that
 * never interrupts: its request fails with EIO instead of hanging.
 */
#include "block/ata.h"
#include "sched/sched.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define POLL_LIMIT   1000000    /* status reads (~1 us each) before giving up */
#define IRQ_TIMEOUT  (10 * HZ)  /* a disk silent this long is dead: EIO */

static uint32_t disk_sectors;
static bool use_dma;
static struct ata_xfer xfer;    /* the command on the wire; rq NULL: idle */
static struct timer_list ata_timer;

/* Spin until BSY clears and the `want` bits are set; used only where no
   interrupt comes. ERR or DF among the `fail` bits is an error. */
static int poll_status(uint8_t want, uint8_t fail)
{
	for (int i = 0; i < POLL_LIMIT; i++) {
		uint8_t st = inb(ATA_STATUS);
		if (st == 0xFF || (i > 4 && st == 0))
			return -ENODEV;     /* floating bus: no disk */
		if (st & ST_BSY)
			continue;
		if (st & fail)
			return -EIO;
		if ((st & want) == want)
			return 0;
	}
	return -EIO;
}

/* After a command: it must not have failed. */
int ata_poll(uint8_t want)
{
	return poll_status(want, ST_ERR | ST_DF);
}

void ata_issue(uint32_t lba, uint32_t count, uint8_t cmd)
{
	outb(ATA_DRIVE, 0xE0 | ((lba >> 24) & 0x0F));
	outb(ATA_NSECT, count & 0xFF);
	outb(ATA_LBA0, lba);
	outb(ATA_LBA1, lba >> 8);
	outb(ATA_LBA2, lba >> 16);
	outb(ATA_COMMAND, cmd);
}

/* The next command of the request: up to MAX_SECTORS from xfer.first. */
static int start_command(void)
{
	struct blk_request *rq = xfer.rq;
	uint32_t left = rq->nsect - xfer.first;
	int err;

	xfer.count = left < MAX_SECTORS ? left : MAX_SECTORS;
	xfer.done = 0;
	/* Not busy is enough: ERR may still be set from the last command,
	   which failed; a new command clears it. */
	if ((err = poll_status(0, 0)) < 0)
		return err;
	if (rq->write == BLK_FLUSH)
		ata_issue(0, 0, CMD_FLUSH_CACHE);
	else if (use_dma)
		dma_start(&xfer);
	else
		err = pio_start(&xfer);
	if (!err)
		mod_timer(&ata_timer, jiffies + IRQ_TIMEOUT);
	return err;
}

/* Say which command failed and what the disk's registers tell. */
static void command_failed(void)
{
	static const char *const what[] = { "read", "write", "flush" };

	printk("ata: %s error at sector %u (status %#x, error %#x)\n",
	       what[xfer.rq->write], xfer.rq->sector + xfer.first,
	       inb(ATA_STATUS), inb(ATA_ERROR));
}

int ata_do_request(struct blk_request *rq)
{
	int err = -EIO;

	xfer = (struct ata_xfer){ .rq = rq };
	if (rq->write == BLK_FLUSH || (rq->sector + rq->nsect <= disk_sectors &&
				       rq->sector + rq->nsect >= rq->sector))
		err = start_command();
	if (err) {
		command_failed();
		xfer.rq = NULL;
	}
	return err ? -EIO : 0;         /* no disk (-ENODEV) is an I/O error too */
}

/* The command ended (err 0 or -EIO): the request's next command, or
   the request is done and the queue moves on. */
static void command_done(int err)
{
	del_timer(&ata_timer);
	if (!err) {
		xfer.first += xfer.count;
		if (xfer.first < xfer.rq->nsect && !(err = start_command()))
			return;
	}
	if (err)
		command_failed();
	xfer.rq = NULL;
	end_request(err ? -EIO : 0);
}

static void ata_intr(struct pt_regs *regs)
{
	int r;

	if (!xfer.rq) {                 /* nothing asked (a late answer to a
	                                   timed-out command): just ack it */
		inb(ATA_STATUS);
		return;
	}
	if (xfer.rq->write == BLK_FLUSH)
		r = (inb(ATA_STATUS) & (ST_ERR | ST_DF)) ? -EIO : 1;
	else if (use_dma)
		r = dma_intr();
	else
		r = pio_intr(&xfer, inb(ATA_STATUS));
	if (r)
		command_done(r < 0 ? -EIO : 0);
}

/* Ten seconds and no interrupt: give up on the command. */
static void ata_timeout(struct timer_list *t)
{
	if (!xfer.rq)
		return;
	printk("ata: no interrupt for %u s\n", IRQ_TIMEOUT / HZ);
	if (use_dma)
		dma_stop();
	command_done(-EIO);
}

/* Ask for as many sectors per interrupt as the disk offers (IDENTIFY
   word 47, low byte); 1 keeps plain READ/WRITE SECTORS. */
static void set_multiple(uint16_t word47)
{
	uint8_t max = word47 & 0xFF;

	if (max <= 1)
		return;
	outb(ATA_DRIVE, 0xE0);
	outb(ATA_NSECT, max);
	outb(ATA_COMMAND, CMD_SET_MULTIPLE);
	if (ata_poll(0) == 0)
		pio_multiple = max;
}

/* IDENTIFY DEVICE, polled (the interrupt is still off): 256 words about
   the disk; words 60-61 hold the number of LBA28 sectors. */
int ata_init(void)
{
	uint16_t id[256], bmide;
	char how[64];

	outb(ATA_CONTROL, 0x02);                /* nIEN while we poll */
	outb(ATA_DRIVE, 0xA0);
	if (inb(ATA_STATUS) == 0xFF)
		return -ENODEV;
	outb(ATA_COMMAND, CMD_IDENTIFY);
	if (inb(ATA_STATUS) == 0 || ata_poll(ST_DRQ) < 0) {
		printk("ata: no disk on the primary master\n");
		return -ENODEV;
	}
	insw(ATA_DATA, id, 256);
	disk_sectors = id[60] | (uint32_t)id[61] << 16;
	set_multiple(id[47]);
	bmide = dma_setup(id);
	use_dma = bmide != 0;
	timer_setup(&ata_timer, ata_timeout);
	request_irq(ATA_IRQ, ata_intr);
	outb(ATA_CONTROL, 0x00);                /* interrupts on */
	if (use_dma)
		snprintf(how, sizeof(how), "DMA (bus master at %#x), %u sectors per command",
			 bmide, MAX_SECTORS);
	else
		snprintf(how, sizeof(how), "PIO, %u sectors per interrupt",
			 pio_multiple);
	printk("ata: primary master, %u sectors (%u MiB), %s\n", disk_sectors,
	       disk_sectors / 2048, how);
	return 0;
}
