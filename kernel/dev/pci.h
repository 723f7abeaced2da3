/*
 * The PCI bus (pci.c): the devices found on it at boot, for drivers
 * to claim (net/'s e1000.c) and for /proc/bus/pci/devices.
 *
 * Each device has a configuration space, 256 bytes the BIOS filled in
 * before we started: who made it, what it is, where its registers are.
 *
 *   config offset  0x00 vendor | 0x02 device    8086:100e is the e1000
 *                  0x04 command (decode on, bus master)
 *                  0x08 revision, class 02 00 = Ethernet controller
 *                  0x0E header type (bit 7: more functions)
 *                  0x10..0x24 BAR0..BAR5: base address registers
 *                  0x30 expansion ROM address
 *                  0x3C interrupt line: the IRQ the BIOS wired it to
 */
#ifndef _DEV_PCI_H
#define _DEV_PCI_H

#include "include/types.h"

#define PCI_NUM_RESOURCES 7     /* the six BARs and the ROM */

struct pci_dev {
	uint8_t bus, devfn;             /* devfn: slot << 3 | function */
	uint16_t vendor, device;
	uint8_t revision;
	uint32_t class;                 /* class, subclass, prog-if: 0x020000 */
	uint8_t irq;                    /* the interrupt line */
	/* Each BAR's address with its low flag bits (bit 0: I/O ports,
	   else memory), and its size in bytes (0: unused). */
	uint32_t resource[PCI_NUM_RESOURCES];
	uint32_t size[PCI_NUM_RESOURCES];
	const char *driver;             /* the driver that claimed it, or NULL */
	struct pci_dev *next;
};

#define PCI_SLOT(devfn) ((devfn) >> 3)
#define PCI_FUNC(devfn) ((devfn) & 7)
#define PCI_BAR_IO      0x1     /* resource[] flag: ports, not memory */
#define PCI_BAR_MEM_MASK 0xFFFFFFF0u

/* Boot: walk buses 0..255, note every device, print one line each. */
void pci_init(void);
/* The first device with these ids, or NULL. */
struct pci_dev *pci_find(uint16_t vendor, uint16_t device);
/* The first device of this class and subclass (0x0101: IDE), or NULL. */
struct pci_dev *pci_find_class(uint16_t class);
/* Let the device answer at its BARs and write RAM itself (DMA). */
void pci_set_master(struct pci_dev *dev);
/* /proc/bus/pci/devices in Linux's format, after *len bytes of buf. */
void pci_show(char *buf, size_t size, size_t *len);

#endif
