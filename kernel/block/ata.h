/*
 * block/'s own header: the ATA task-file registers and commands, and
 * what the driver's files share (ata.c drives the disk, ata_pio.c and
 * ata_dma.c move the data, ll_rw_blk.c keeps the request queue).
 */
#ifndef _BLOCK_ATA_H
#define _BLOCK_ATA_H

#include "block/block.h"

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
#define CMD_READ_DMA       0xC8
#define CMD_WRITE_DMA      0xCA
#define CMD_FLUSH_CACHE    0xE7
#define CMD_IDENTIFY       0xEC

#define MAX_SECTORS  256        /* per command: a count byte of 0 means 256 */

/* The command on the wire: sectors [first, first + count) of rq. */
struct ata_xfer {
	struct blk_request *rq;
	uint32_t first, count;
	uint32_t done;              /* PIO: sectors moved so far */
};

/* ata.c */
int ata_poll(uint8_t want);     /* spin until !BSY and `want`: 0 or -EIO */
void ata_issue(uint32_t lba, uint32_t count, uint8_t cmd);
/* Start rq's first command (interrupts off, disk idle): 0, or -EIO when
   it cannot even start. The interrupt takes it from there. */
int ata_do_request(struct blk_request *rq);

/* ata_pio.c: start a command / handle one of its interrupts. The
   handler returns 1 when the command is done, 0 when more interrupts
   are to come, -EIO on an error. */
extern uint32_t pio_multiple;   /* sectors per interrupt */
int pio_start(struct ata_xfer *x);
int pio_intr(struct ata_xfer *x, uint8_t status);

/* ata_dma.c: the same for DMA; dma_setup says at ata_init whether DMA
   is used (the bus master's base port) or not (0). */
uint16_t dma_setup(const uint16_t id[256]);
void dma_start(const struct ata_xfer *x);
int dma_intr(void);
void dma_stop(void);

/* ll_rw_blk.c: the driver finished the queue's first request. */
void end_request(int error);

/* crash.c: a write completed; cut the power here if it is the chosen one. */
void crash_point(void);

#endif
