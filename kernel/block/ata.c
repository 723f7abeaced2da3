/*
 * ATA (IDE) disk driver: primary master, LBA28, PIO, interrupt-driven.
 *
 * A transfer, as the ATA spec tells it:
 *
 *   driver                                 disk
 *   ------                                 ----
 *   write LBA, count, command  ------->    seeks, fills its sector buffer
 *   sleep on ata_irq_wait                  raises IRQ 14 ("DRQ: data ready")
 *   IRQ handler reads STATUS, wakes us
 *   insw 256 words per sector  <-------    (READ MULTIPLE: several sectors
 *   ... once per DRQ block ...              per IRQ, set by SET MULTIPLE)
 *
 * Writes go the other way: after the command the disk asks for the first
 * block at once (DRQ, no interrupt), and interrupts after taking each block.
 * Only one request is on the wire at a time: ata_mutex.
 */
#include "block/block.h"
#include "sched/sched.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define ATA_DATA     0x1F0
#define ATA_ERROR    0x1F1
#define ATA_NSECT    0x1F2
#define ATA_LBA0     0x1F3
#define ATA_LBA1     0x1F4
#define ATA_LBA2     0x1F5
#define ATA_DRIVE    0x1F6      /* 0xE0: master, LBA mode, LBA bits 24-27 */
#define ATA_STATUS   0x1F7      /* read */
#define ATA_COMMAND  0x1F7      /* write */
#define ATA_CONTROL  0x3F6      /* bit 1 nIEN: interrupts off */
#define ATA_IRQ      14

#define ST_BSY  0x80
#define ST_DRDY 0x40
#define ST_DF   0x20
#define ST_DRQ  0x08
#define ST_ERR  0x01

#define CMD_READ_SECTORS   0x20
#define CMD_WRITE_SECTORS  0x30
#define CMD_READ_MULTIPLE  0xC4
#define CMD_WRITE_MULTIPLE 0xC5
#define CMD_SET_MULTIPLE   0xC6
#define CMD_FLUSH_CACHE    0xE7
#define CMD_IDENTIFY       0xEC

#define MAX_SECTORS  256        /* per command: a count byte of 0 means 256 */
#define POLL_LIMIT   1000000    /* status reads (~1 us each) before giving up */
#define IRQ_TIMEOUT  (10 * HZ)  /* a disk silent this long is dead: EIO */

static uint32_t disk_sectors;
static uint32_t multiple = 1;   /* sectors per interrupt */
static struct mutex ata_mutex;
static struct wait_queue ata_irq_wait;
static volatile bool irq_seen;
static volatile uint8_t irq_status;

/* One request: where each sector's 512 bytes live in memory (the
   buffer cache's 1 KiB blocks, anywhere in memory). */
struct ata_request {
	int write;
	uint32_t sector, nsect;
	char *const *blocks;
};

static char *sector_buf(const struct ata_request *rq, uint32_t i)
{
	return rq->blocks[i / 2] + (i % 2) * SECTOR_SIZE;
}

/* Reading STATUS also tells the disk its interrupt has been seen. */
static void ata_intr(struct pt_regs *regs)
{
	irq_status = inb(ATA_STATUS);
	irq_seen = true;
	wake_up(&ata_irq_wait);
}

/* Spin until BSY clears; used only where no interrupt comes. */
static int ata_poll(uint8_t want)
{
	for (int i = 0; i < POLL_LIMIT; i++) {
		uint8_t st = inb(ATA_STATUS);
		if (st == 0xFF || (i > 4 && st == 0))
			return -ENODEV;     /* floating bus: no disk */
		if (st & ST_BSY)
			continue;
		if (st & (ST_ERR | ST_DF))
			return -EIO;
		if ((st & want) == want)
			return 0;
	}
	return -EIO;
}

static void ata_command(uint32_t lba, uint32_t count, uint8_t cmd)
{
	outb(ATA_DRIVE, 0xE0 | ((lba >> 24) & 0x0F));
	outb(ATA_NSECT, count & 0xFF);
	outb(ATA_LBA0, lba);
	outb(ATA_LBA1, lba >> 8);
	outb(ATA_LBA2, lba >> 16);
	outb(ATA_COMMAND, cmd);
}

/* Sleep until the disk interrupts; then it must not report an error.
   A disk that never interrupts gives EIO instead of a hung task. */
static int ata_wait_irq(void)
{
	if (wait_event_timeout(ata_irq_wait, irq_seen, IRQ_TIMEOUT) < 0)
		return -EIO;
	irq_seen = false;
	return (irq_status & (ST_ERR | ST_DF)) ? -EIO : 0;
}

/* Move sectors [first, first + n) of the request through the data port. */
static void pio_block(const struct ata_request *rq, uint32_t first, uint32_t n)
{
	for (uint32_t i = first; i < first + n; i++) {
		if (rq->write)
			outsw(ATA_DATA, sector_buf(rq, i), SECTOR_SIZE / 2);
		else
			insw(ATA_DATA, sector_buf(rq, i), SECTOR_SIZE / 2);
	}
}

/* One command of at most MAX_SECTORS sectors, starting at sector `first`
   of the request. */
static int ata_one_command(const struct ata_request *rq, uint32_t first,
			   uint32_t count)
{
	uint8_t cmd;
	int err;

	if (multiple > 1)
		cmd = rq->write ? CMD_WRITE_MULTIPLE : CMD_READ_MULTIPLE;
	else
		cmd = rq->write ? CMD_WRITE_SECTORS : CMD_READ_SECTORS;
	if ((err = ata_poll(0)) < 0)
		return err;
	irq_seen = false;
	ata_command(rq->sector + first, count, cmd);
	if (rq->write && (err = ata_poll(ST_DRQ)) < 0)
		return err;
	for (uint32_t done = 0; done < count; ) {
		uint32_t n = count - done < multiple ? count - done : multiple;

		if (rq->write) {
			/* irq_seen is cleared before the data goes out: the
			   disk interrupts only after taking the last word. */
			pio_block(rq, first + done, n);
			if ((err = ata_wait_irq()) < 0)
				return err;
		} else {
			if ((err = ata_wait_irq()) < 0)
				return err;
			if (!(irq_status & ST_DRQ))
				return -EIO;
			pio_block(rq, first + done, n);
		}
		done += n;
	}
	return 0;
}

static int ata_transfer(const struct ata_request *rq)
{
	int err = 0;

	if (rq->sector + rq->nsect > disk_sectors || rq->sector + rq->nsect < rq->sector)
		return -EIO;
	mutex_lock(&ata_mutex);
	for (uint32_t done = 0; done < rq->nsect && !err; done += MAX_SECTORS) {
		uint32_t n = rq->nsect - done;

		err = ata_one_command(rq, done, n < MAX_SECTORS ? n : MAX_SECTORS);
	}
	mutex_unlock(&ata_mutex);
	if (err)
		printk("ata: %s error at sector %u (status %#x, error %#x)\n",
		       rq->write ? "write" : "read", rq->sector,
		       inb(ATA_STATUS), inb(ATA_ERROR));
	return err ? -EIO : 0;
}

int ata_rw_blocks(int write, uint32_t sector, uint32_t nsect,
		  char *const blocks[])
{
	struct ata_request rq = { write, sector, nsect, blocks };

	return ata_transfer(&rq);
}

/* FLUSH CACHE: a disk may keep written sectors in its own memory for a
   while; sync and fsync promise they are on the platters (or, under QEMU,
   in the image file), so they end with this. */
int ata_flush(void)
{
	int err;

	mutex_lock(&ata_mutex);
	err = ata_poll(0);
	if (!err) {
		irq_seen = false;
		outb(ATA_DRIVE, 0xE0);
		outb(ATA_COMMAND, CMD_FLUSH_CACHE);
		err = ata_wait_irq();
	}
	mutex_unlock(&ata_mutex);
	return err;
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
		multiple = max;
}

/* IDENTIFY DEVICE, polled (the interrupt is still off): 256 words about
   the disk; words 60-61 hold the number of LBA28 sectors. */
int ata_init(void)
{
	uint16_t id[256];

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
	request_irq(ATA_IRQ, ata_intr);
	outb(ATA_CONTROL, 0x00);                /* interrupts on */
	printk("ata: primary master, %u sectors (%u MiB), %u sectors per interrupt\n",
	       disk_sectors, disk_sectors / 2048, multiple);
	return 0;
}
