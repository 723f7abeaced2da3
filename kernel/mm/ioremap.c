/*
 * ioremap: device registers at a kernel virtual address.
 *
 * A PCI card like the e1000 answers to a range of physical addresses
 * (its BAR, set by the BIOS) far above RAM, where the kernel's mapping
 * of all RAM at PAGE_OFFSET does not reach. ioremap maps such a range
 * into a window just above that mapping:
 *
 *   IOREMAP_BASE                                  IOREMAP_BASE + 4 MiB
 *   | e1000 registers (128 KiB) | next ioremap ... |
 *   ^ ioremap(0xfebc0000, 0x20000)   ^ next
 *
 * The window's page table was made by mem_init, before any process
 * existed, and its entry in swapper_pg_dir is copied into every page
 * directory: a mapping made here, from any process, is seen by all.
 * The pages are uncached (PTE_PCD): every read must reach the device.
 * Devices stay for the life of the machine, so nothing is unmapped.
 */
#include "mm/mm.h"
#include "arch/arch.h"

static uint32_t next = IOREMAP_BASE;

void *ioremap(phys_addr_t phys, size_t size)
{
	phys_addr_t first = phys & ~(PAGE_SIZE - 1);
	uint32_t len = ALIGN_UP(phys - first + size, PAGE_SIZE);
	uint32_t va = next;

	if (len > IOREMAP_BASE + IOREMAP_SIZE - next)
		return NULL;
	for (uint32_t off = 0; off < len; off += PAGE_SIZE) {
		*find_pte(swapper_pg_dir, va + off) =
			(first + off) | PTE_P | PTE_W | PTE_PCD | PTE_PWT;
		invlpg(va + off);
	}
	next += len;
	return (void *)(va + (phys - first));
}
