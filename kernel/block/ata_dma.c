/*
 * Bus-master IDE DMA (the PIIX's "BMIDE", SFF-8038i): the IDE controller
 * itself copies a whole command's data between the disk and memory, and
 * the disk interrupts once, at the end. The CPU only says where the
 * memory is, in a PRD table ("physical region descriptors"):
 *
 *   bmide + 4 (PRD address) --> prd_table, one page
 *   +---------------------+-------------+------+
 *   | phys addr (even)    | byte count  | EOT? |  count 0 means 64 KiB
 *   +---------------------+-------------+------+
 *   | 0x01234000          | 4096        |      |  a page: 4 pieces merged
 *   | 0x00F0A400          | 1024        |      |
 *   | 0x02000000          | 65536 (0)   | 0x8000: the last entry
 *   +---------------------+-------------+------+
 *
 * The controller reads the table with physical addresses, so it and the
 * memory it points at must be below 4 GiB (all of Sprout's RAM is), an
 * entry must be physically contiguous (a 1 KiB piece in the kernel's
 * map of RAM is), and no entry may cross a 64 KiB boundary.
 *
 * The controller's three registers, at bmide (BAR4 of its PCI function):
 *
 *   +0 command: bit 0 start/stop, bit 3 direction (1: into memory)
 *   +2 status:  bit 0 active, bit 1 error, bit 2 interrupt (write 1 to
 *               clear these two), bit 5 drive 0 can DMA
 *   +4 the PRD table's physical address
 */
#include "block/ata.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include <sprout/errno.h>

#define BM_COMMAND   0
#define BM_STATUS    2
#define BM_PRD       4

#define BM_START     0x01
#define BM_TO_MEMORY 0x08       /* the disk reads: the engine writes RAM */
#define BM_ACTIVE    0x01
#define BM_ERROR     0x02
#define BM_INTR      0x04
#define BM_DRV0_DMA  0x20

#define PRD_EOT      0x8000
#define REGION       0x10000u   /* an entry stays inside one 64 KiB region */
#define ID_CAP_DMA   (1 << 8)   /* IDENTIFY word 49: the disk can DMA */

struct prd {
	uint32_t addr;
	uint16_t count;
	uint16_t flags;
};

static uint16_t bmide;          /* 0: no bus master */
/* volatile: the stores must all be done before the port write that
   starts the engine, which the compiler cannot know reads them. */
static volatile struct prd *prd_table;

int ata_enable_dma(uint16_t bmide_base)
{
	prd_table = get_zeroed_page();  /* page-aligned: no 64 KiB crossing */
	if (!prd_table)
		return -ENOMEM;
	bmide = bmide_base;
	return 0;
}

uint16_t dma_setup(const uint16_t id[256])
{
	if (!bmide || !(id[49] & ID_CAP_DMA))
		return 0;
	/* Say drive 0 is set up for DMA; clear old interrupt and error. */
	outb(bmide + BM_STATUS, BM_DRV0_DMA | BM_INTR | BM_ERROR);
	return bmide;
}

/* The PRD table being built: entries [0, n) are written, and the last
   one, [addr, addr + len), may still grow. */
struct prd_builder {
	int n;
	uint32_t addr, len;
};

static void prd_close(struct prd_builder *b)
{
	if (b->len)     /* a count of 0 means 64 KiB: len & 0xFFFF is right */
		prd_table[b->n++] = (struct prd){ b->addr, b->len & 0xFFFF, 0 };
	b->len = 0;
}

/* Add [phys, phys + len). Memory that follows the growing entry inside
   the same 64 KiB region extends it (a page's four 1 KiB pieces become
   one entry); the rest starts new entries, split where it crosses a
   region boundary. */
static void prd_add(struct prd_builder *b, uint32_t phys, uint32_t len)
{
	while (len) {
		uint32_t room = REGION - phys % REGION;
		uint32_t chunk = len < room ? len : room;

		if (b->addr + b->len != phys || b->addr / REGION != phys / REGION) {
			prd_close(b);
			b->addr = phys;
		}
		b->len += chunk;
		phys += chunk;
		len -= chunk;
	}
}

/* The command's sectors as a PRD table. A command starts at an even
   sector of its request (MAX_SECTORS is even), so at a piece's start;
   256 sectors are 128 pieces, at most 256 entries: the page holds 512. */
static void build_prd_table(const struct ata_xfer *x)
{
	struct prd_builder b = { 0, 0, 0 };
	uint32_t end = x->first + x->count;

	for (uint32_t i = x->first; i < end; i += 2) {
		uint32_t bytes = (end - i < 2 ? 1 : 2) * SECTOR_SIZE;

		prd_add(&b, __pa(x->rq->blocks[i / 2]), bytes);
	}
	prd_close(&b);
	prd_table[b.n - 1].flags = PRD_EOT;
}

/* Table, direction, the ATA command, then start the engine: the disk
   and the controller then move the data between themselves. */
void dma_start(const struct ata_xfer *x)
{
	uint8_t dir = x->rq->write ? 0 : BM_TO_MEMORY;

	build_prd_table(x);
	outl(bmide + BM_PRD, __pa(prd_table));
	outb(bmide + BM_COMMAND, dir);
	outb(bmide + BM_STATUS, inb(bmide + BM_STATUS) | BM_INTR | BM_ERROR);
	ata_issue(x->rq->sector + x->first, x->count,
		  x->rq->write ? CMD_WRITE_DMA : CMD_READ_DMA);
	outb(bmide + BM_COMMAND, dir | BM_START);
}

void dma_stop(void)
{
	outb(bmide + BM_COMMAND, 0);
}

/* The disk's one interrupt for the command. Stop the engine before
   looking at the status (the spec's order), read the disk's STATUS
   (which acknowledges the interrupt), clear the controller's interrupt
   and error bits by writing them back as ones. */
int dma_intr(void)
{
	uint8_t bm = inb(bmide + BM_STATUS), st;

	if (!(bm & BM_INTR))
		return 0;                       /* not the end of our transfer */
	dma_stop();
	st = inb(ATA_STATUS);
	outb(bmide + BM_STATUS, bm | BM_INTR | BM_ERROR);
	if ((bm & BM_ERROR) || (st & (ST_ERR | ST_DF)))
		return -EIO;
	return 1;
}
