/*
 * PCI configuration space through the two ports of "configuration
 * mechanism #1": write which register you want to 0xCF8, then read or
 * write it at 0xCFC.
 *
 *   0xCF8: | 1 (enable) | 0 | bus (8) | slot (5) | function (3) | offset (8) |
 *           bit 31               23..16    15..11     10..8          7..0
 *
 * At boot pci_init asks every slot of every bus for its vendor id; an
 * empty slot answers 0xFFFF. What answers is noted in a list that
 * drivers search with pci_find and /proc/bus/pci/devices shows.
 */
#include "dev/dev.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"

#define PCI_CONFIG_ADDRESS 0xCF8
#define PCI_CONFIG_DATA    0xCFC

/* Registers of the configuration space (pci.h draws them). */
#define PCI_VENDOR_ID      0x00
#define PCI_COMMAND        0x04
#define PCI_CLASS_REVISION 0x08
#define PCI_HEADER_TYPE    0x0E
#define PCI_BASE_ADDRESS_0 0x10
#define PCI_ROM_ADDRESS    0x30
#define PCI_INTERRUPT_LINE 0x3C

#define PCI_COMMAND_IO     0x1  /* answer at its I/O-port BARs */
#define PCI_COMMAND_MEMORY 0x2  /* answer at its memory BARs */
#define PCI_COMMAND_MASTER 0x4  /* may start transfers to RAM itself */
#define PCI_HEADER_MULTI   0x80 /* functions 1..7 may exist too */
#define PCI_BAR_MEM_64     0x4  /* a 64-bit BAR: the next one is its top */

static struct pci_dev *pci_devices;

static uint32_t pci_read(uint8_t bus, uint8_t devfn, uint8_t off)
{
	outl(PCI_CONFIG_ADDRESS, 0x80000000u | bus << 16 | devfn << 8 |
	     (off & 0xFC));
	return inl(PCI_CONFIG_DATA);
}

static void pci_write(uint8_t bus, uint8_t devfn, uint8_t off, uint32_t v)
{
	outl(PCI_CONFIG_ADDRESS, 0x80000000u | bus << 16 | devfn << 8 |
	     (off & 0xFC));
	outl(PCI_CONFIG_DATA, v);
}

/*
 * How big is the range behind a BAR? Write all ones: the device keeps
 * zeros in the address bits below its size, so the lowest bit that
 * stays set is the size. Then put the address back.
 */
static uint32_t bar_size(struct pci_dev *d, uint8_t off, uint32_t mask)
{
	uint32_t old = pci_read(d->bus, d->devfn, off), bits;

	pci_write(d->bus, d->devfn, off, 0xFFFFFFFF);
	bits = pci_read(d->bus, d->devfn, off) & mask;
	pci_write(d->bus, d->devfn, off, old);
	return bits & -bits;
}

/* The BARs of an ordinary device (header type 0), decoding turned off
   while they are sized, so the device never answers at all-ones. */
static void read_bars(struct pci_dev *d)
{
	uint32_t cmd = pci_read(d->bus, d->devfn, PCI_COMMAND);

	pci_write(d->bus, d->devfn, PCI_COMMAND,
		  cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (int i = 0; i < 6; i++) {
		uint8_t off = PCI_BASE_ADDRESS_0 + 4 * i;
		uint32_t bar = pci_read(d->bus, d->devfn, off);
		uint32_t mask = (bar & PCI_BAR_IO) ? 0xFFFFFFFC : PCI_BAR_MEM_MASK;

		d->resource[i] = bar;
		d->size[i] = bar_size(d, off, mask);
		if (!(bar & PCI_BAR_IO) && (bar & PCI_BAR_MEM_64))
			i++;    /* Sprout is 32-bit: the top half stays 0 */
	}
	d->resource[6] = pci_read(d->bus, d->devfn, PCI_ROM_ADDRESS) & ~1u;
	d->size[6] = bar_size(d, PCI_ROM_ADDRESS, 0xFFFFF800);
	pci_write(d->bus, d->devfn, PCI_COMMAND, cmd);
}

static void pci_add(uint8_t bus, uint8_t devfn, uint32_t ids, uint8_t header)
{
	struct pci_dev *d = kzalloc(sizeof(*d)), **tail = &pci_devices;
	uint32_t class_rev = pci_read(bus, devfn, PCI_CLASS_REVISION);

	if (!d)
		panic("pci: out of memory at boot");
	d->bus = bus;
	d->devfn = devfn;
	d->vendor = ids & 0xFFFF;
	d->device = ids >> 16;
	d->revision = class_rev & 0xFF;
	d->class = class_rev >> 8;
	d->irq = pci_read(bus, devfn, PCI_INTERRUPT_LINE) & 0xFF;
	if ((header & 0x7F) == 0)
		read_bars(d);
	while (*tail)
		tail = &(*tail)->next;
	*tail = d;
	printk("         pci %02x:%02x.%u %04x:%04x class %06x irq %u\n", bus,
	       PCI_SLOT(devfn), PCI_FUNC(devfn), d->vendor, d->device,
	       d->class, d->irq);
}

/* A slot holds function 0, and functions 1..7 if 0 says so. */
static void scan_slot(uint8_t bus, uint8_t slot)
{
	for (int fn = 0; fn < 8; fn++) {
		uint8_t devfn = slot << 3 | fn;
		uint32_t ids = pci_read(bus, devfn, PCI_VENDOR_ID);
		uint8_t header = pci_read(bus, devfn, PCI_HEADER_TYPE) >> 16;

		if ((ids & 0xFFFF) == 0xFFFF) {     /* nobody answers */
			if (fn == 0)
				return;
			continue;
		}
		pci_add(bus, devfn, ids, header);
		if (fn == 0 && !(header & PCI_HEADER_MULTI))
			return;
	}
}

void pci_init(void)
{
	for (int bus = 0; bus < 256; bus++)
		for (int slot = 0; slot < 32; slot++)
			scan_slot(bus, slot);
}

struct pci_dev *pci_find(uint16_t vendor, uint16_t device)
{
	for (struct pci_dev *d = pci_devices; d; d = d->next)
		if (d->vendor == vendor && d->device == device)
			return d;
	return NULL;
}

struct pci_dev *pci_find_class(uint16_t class)
{
	for (struct pci_dev *d = pci_devices; d; d = d->next)
		if (d->class >> 8 == class)
			return d;
	return NULL;
}

void pci_set_master(struct pci_dev *d)
{
	uint32_t cmd = pci_read(d->bus, d->devfn, PCI_COMMAND);

	pci_write(d->bus, d->devfn, PCI_COMMAND, cmd | PCI_COMMAND_IO |
		  PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);
}

/* Linux's /proc/bus/pci/devices: bus and devfn, ids, irq, then each
   resource's address | flags and its size, then the driver, by tabs. */
void pci_show(char *buf, size_t size, size_t *len)
{
	for (struct pci_dev *d = pci_devices; d; d = d->next) {
		appendf(buf, size, len, "%02x%02x\t%04x%04x\t%x", d->bus,
			d->devfn, d->vendor, d->device, d->irq);
		for (int i = 0; i < PCI_NUM_RESOURCES; i++)
			appendf(buf, size, len, "\t%16x", d->resource[i]);
		for (int i = 0; i < PCI_NUM_RESOURCES; i++)
			appendf(buf, size, len, "\t%16x", d->size[i]);
		appendf(buf, size, len, "\t%s\n", d->driver ? d->driver : "");
	}
}
