/*
 * The IDE controller as a PCI device. The disk driver (block/ata.c)
 * talks to the disk at the old fixed ports 0x1F0-0x1F7 and IRQ 14; what
 * PCI adds is the bus master, the controller's DMA engine, whose three
 * registers sit wherever the BIOS put BAR4. block/ lies below dev/ and
 * cannot read PCI configuration space, so this file finds the
 * controller and hands the port down (ata_enable_dma).
 *
 *   class 01 (storage) 01 (IDE), prog-if bit 7: "I am a bus master"
 *   QEMU's PC: 00:01.1, the PIIX3's IDE function, 8086:7010
 */
#include "dev/dev.h"
#include "block/block.h"
#include "lib/lib.h"

#define PCI_CLASS_IDE     0x0101
#define PROGIF_BUS_MASTER 0x80
#define BMIDE_BAR         4

void ide_pci_init(bool nodma)
{
	struct pci_dev *pdev = pci_find_class(PCI_CLASS_IDE);
	uint16_t base;

	if (!pdev || !(pdev->class & PROGIF_BUS_MASTER) ||
	    !(pdev->resource[BMIDE_BAR] & PCI_BAR_IO)) {
		printk("         ide: no bus-master controller: the disk uses PIO\n");
		return;
	}
	if (nodma) {
		printk("         ide: nodma: the disk uses PIO\n");
		return;
	}
	base = pdev->resource[BMIDE_BAR] & ~3u;
	if (ata_enable_dma(base) < 0) {
		printk("         ide: no memory for the PRD table: the disk uses PIO\n");
		return;
	}
	pci_set_master(pdev);
	pdev->driver = "ata_piix";
	printk("         ide: %02x:%02x.%u, bus master at %#x, for DMA\n",
	       pdev->bus, PCI_SLOT(pdev->devfn), PCI_FUNC(pdev->devfn), base);
}
