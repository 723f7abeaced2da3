/*
 * Read the multiboot v1 information block (see the Multiboot
 * Specification 0.6.96, section 3.3). We copy the command line and the
 * usable RAM regions into boot_info, because the block itself lies in
 * memory that the frame allocator is about to hand out.
 */
#include "arch/arch.h"
#include "lib/lib.h"

#define MULTIBOOT_LOADER_MAGIC 0x2BADB002
#define MBI_MEMORY   (1u << 0)
#define MBI_CMDLINE  (1u << 2)
#define MBI_MMAP     (1u << 6)
#define MBI_LOADER   (1u << 9)
#define MMAP_AVAILABLE 1

struct multiboot_info {
	uint32_t flags;
	uint32_t mem_lower, mem_upper;          /* KiB below 1 MiB, above 1 MiB */
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count, mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length, mmap_addr;
	uint32_t drives_length, drives_addr;
	uint32_t config_table;
	uint32_t boot_loader_name;
} __attribute__((packed));

struct multiboot_mmap_entry {
	uint32_t size;                          /* of the rest of this entry */
	uint64_t addr;
	uint64_t len;
	uint32_t type;
} __attribute__((packed));

struct boot_info boot_info;

static void add_region(uint64_t base, uint64_t length)
{
	if (boot_info.nr_regions < MAX_MEM_REGIONS)
		boot_info.ram[boot_info.nr_regions++] =
			(struct mem_region){ base, length };
}

static void parse_mmap(const struct multiboot_info *mbi)
{
	uint32_t off = 0;

	while (off < mbi->mmap_length) {
		const struct multiboot_mmap_entry *e =
			__va(mbi->mmap_addr + off);
		if (e->type == MMAP_AVAILABLE)
			add_region(e->addr, e->len);
		off += e->size + sizeof(e->size);
	}
}

void multiboot_parse(uint32_t magic, uint32_t mbi_phys)
{
	const struct multiboot_info *mbi = __va(mbi_phys);

	if (magic != MULTIBOOT_LOADER_MAGIC)
		panic("not started by a multiboot loader (eax=%x)", magic);
	if (mbi->flags & MBI_CMDLINE)
		strlcpy(boot_info.cmdline, __va(mbi->cmdline), CMDLINE_MAX);
	if (mbi->flags & MBI_LOADER)
		strlcpy(boot_info.loader, __va(mbi->boot_loader_name),
			sizeof(boot_info.loader));
	if (mbi->flags & MBI_MMAP)
		parse_mmap(mbi);
	else if (mbi->flags & MBI_MEMORY)       /* old loaders: one region */
		add_region(1 << 20, (uint64_t)mbi->mem_upper << 10);
}
