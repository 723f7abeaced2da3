/*
 * What the boot loader told us, copied out of its multiboot information
 * block before anything can overwrite it (see arch/multiboot.c).
 */
#ifndef _ARCH_BOOT_INFO_H
#define _ARCH_BOOT_INFO_H

#include "include/types.h"

#define MAX_MEM_REGIONS 32
#define CMDLINE_MAX     256

struct mem_region {
	uint64_t base;
	uint64_t length;
};

struct boot_info {
	char cmdline[CMDLINE_MAX];
	char loader[32];                        /* boot loader's name */
	int nr_regions;
	struct mem_region ram[MAX_MEM_REGIONS]; /* usable RAM only */
};

extern struct boot_info boot_info;

void multiboot_parse(uint32_t magic, uint32_t mbi_phys);

#endif
