/*
 * block/: the disk driver, below the file system that stores its blocks
 * there (fs/buffer.c is its only user).
 *
 * The IDE disk (primary master), driven with LBA28 programmed I/O: the CPU
 * copies every word through the data port, and the disk raises IRQ 14
 * each time a block of sectors is ready (reads) or taken (writes).
 */
#ifndef _BLOCK_BLOCK_H
#define _BLOCK_BLOCK_H

#include "include/types.h"

#define SECTOR_SIZE 512

int ata_init(void);             /* identify the disk: 0 or -ENODEV */

/* Read (write == 0) or write nsect sectors starting at `sector`, in
   1 KiB blocks that lie anywhere in memory (the buffer cache's): sector
   i is half i % 2 of blocks[i / 2]. Sleeps until the disk is done:
   0 or -EIO. */
int ata_rw_blocks(int write, uint32_t sector, uint32_t nsect,
		  char *const blocks[]);
int ata_flush(void);            /* the disk's write cache to the medium */

#endif
