/*
 * mem_init: from the boot loader's memory map to a working frame allocator
 * and kernel page tables covering all of RAM.
 *
 * Physical memory after mem_init (addresses are physical):
 *
 *   0          1 MiB       kernel image       boot_alloc area      top of RAM
 *   +----------+-----------+-----------------+--------------------+--------+
 *   | BIOS,VGA | .boot     | text data bss   | mem_map[]          | free   |
 *   | (unused) |           | (page dir,stack)| kernel page tables | frames |
 *   +----------+-----------+-----------------+--------------------+--------+
 *
 * The kernel page tables map physical address P at PAGE_OFFSET + P. They
 * are built once, here, and every process's page directory points at the
 * same tables (entries 768..1023), so fork and exec never copy them.
 * One more, empty, is made for the ioremap window (ioremap.c): made now,
 * it too is in every page directory, as are the device mappings it will
 * hold.
 */
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"


static phys_addr_t boot_alloc_next;

/* Before the frame allocator exists: hand out memory right after the
   kernel image, inside the 16 MiB that head.S mapped. */
static void *boot_alloc(uint32_t size)
{
	void *p = __va(boot_alloc_next);

	boot_alloc_next += ALIGN_UP(size, PAGE_SIZE);
	if (boot_alloc_next > BOOT_MAPPED)
		panic("boot_alloc: kernel structures do not fit in 16 MiB");
	return memset(p, 0, size);
}

static phys_addr_t ram_top(const struct boot_info *bi)
{
	uint64_t top = 0;

	for (int i = 0; i < bi->nr_regions; i++) {
		uint64_t end = bi->ram[i].base + bi->ram[i].length;
		if (end > top)
			top = end;
	}
	return top > LOWMEM_LIMIT ? LOWMEM_LIMIT : (phys_addr_t)top;
}

/* Map [0, top) at PAGE_OFFSET with fresh page tables, then drop the
   identity mapping head.S needed, so that NULL pointers fault. */
static void map_lowmem(phys_addr_t top)
{
	uint32_t ntables = ALIGN_UP(top, PGDIR_SIZE) / PGDIR_SIZE;

	for (uint32_t t = 0; t < ntables; t++) {
		pte_t *table = boot_alloc(PAGE_SIZE);
		for (uint32_t i = 0; i < PTRS_PER_TABLE; i++) {
			phys_addr_t pa = t * PGDIR_SIZE + i * PAGE_SIZE;
			if (pa < top)
				table[i] = pa | PTE_P | PTE_W;
		}
		swapper_pg_dir[KERNEL_PDE + t] = __pa(table) | PTE_P | PTE_W;
	}
	for (uint32_t i = 0; i < KERNEL_PDE; i++)
		swapper_pg_dir[i] = 0;
	write_cr3(__pa(swapper_pg_dir));        /* flush the TLB */
}

static void reserve_ioremap_table(void)
{
	pte_t *table = boot_alloc(PAGE_SIZE);

	swapper_pg_dir[PDE_INDEX(IOREMAP_BASE)] = __pa(table) | PTE_P | PTE_W;
}

static void free_usable_ram(const struct boot_info *bi, phys_addr_t top)
{
	uint32_t first_free = boot_alloc_next >> PAGE_SHIFT;

	for (int i = 0; i < bi->nr_regions; i++) {
		uint64_t base = bi->ram[i].base;
		uint64_t end = base + bi->ram[i].length;
		uint32_t lo = ALIGN_UP(base, PAGE_SIZE) >> PAGE_SHIFT;
		uint32_t hi = (end > top ? top : end) >> PAGE_SHIFT;

		if (base >= top)
			continue;
		if (lo < first_free)
			lo = first_free;
		if (lo < hi)
			page_alloc_add_range(lo, hi);
	}
}

void mem_init(const struct boot_info *bi)
{
	phys_addr_t top = ram_top(bi);
	uint32_t npages = top >> PAGE_SHIFT;

	boot_alloc_next = ALIGN_UP(__pa(_end), PAGE_SIZE);
	page_alloc_init(boot_alloc(npages * sizeof(struct page)), npages);
	map_lowmem(top);
	reserve_ioremap_table();
	free_usable_ram(bi, top);
	printk("mem: %u MiB of RAM, %u pages free, kernel uses %u KiB\n",
	       top >> 20, nr_free_pages(),
	       (boot_alloc_next - KERNEL_PHYS) >> 10);
}
