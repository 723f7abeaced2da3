/*
 * The virtual memory layout, shared by C and assembly.
 *
 *   0xFFFFFFFF +------------------------------+
 *              | (unused)                     |
 *   0xF8400000 +------------------------------+
 *              | ioremap window: device       |  4 MiB, one page table made
 *              | registers (the e1000's)      |  at boot (mm/ioremap.c)
 *   0xF8000000 +------------------------------+  PAGE_OFFSET + LOWMEM_LIMIT
 *              | kernel: all of physical RAM  |  same page tables in every
 *              | mapped at PAGE_OFFSET + phys |  address space (PDEs 768-1023)
 *   0xC0000000 +------------------------------+  PAGE_OFFSET
 *              | user stack (grows down)      |
 *              |            ...               |
 *              | heap (brk, grows up)         |
 *              | program text and data        |
 *   0x08048000 +------------------------------+  where i386 ELF programs start
 *              | unmapped: catches NULL       |
 *   0x00000000 +------------------------------+
 */
#ifndef _ARCH_LAYOUT_H
#define _ARCH_LAYOUT_H

#ifndef PAGE_OFFSET            /* host unit tests point this at an arena */
#define PAGE_OFFSET   0xC0000000
#endif
#define KERNEL_PHYS   0x00100000      /* GRUB loads us at 1 MiB */
#define PAGE_SIZE     4096
#define PAGE_SHIFT    12
#define BOOT_MAPPED   (16 << 20)      /* head.S maps the first 16 MiB */
#define LOWMEM_LIMIT  (896 << 20)     /* RAM above this is not used */
#define IOREMAP_BASE  (PAGE_OFFSET + LOWMEM_LIMIT)
#define IOREMAP_SIZE  (4 << 20)       /* one page table's worth */

#ifndef __ASSEMBLER__
/* A physical address as the kernel sees it, and back: all RAM is mapped
   at PAGE_OFFSET + its physical address. */
#define __va(pa)      ((void *)((uintptr_t)(pa) + PAGE_OFFSET))
#define __pa(va)      ((phys_addr_t)((uintptr_t)(va) - PAGE_OFFSET))
#endif

#endif
