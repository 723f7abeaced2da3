/*
 * i386 two-level paging (Intel SDM vol. 3, 4.3):
 *
 *   virtual address: | dir (10 bits) | table (10 bits) | offset (12 bits) |
 *
 *   cr3 -> page directory (1024 PDEs) -> page table (1024 PTEs) -> frame
 */
#ifndef _ARCH_PAGING_H
#define _ARCH_PAGING_H

#include "include/types.h"
#include "arch/layout.h"

typedef uint32_t pte_t;         /* a page-table or page-directory entry */

#define PTE_P   0x001           /* present */
#define PTE_W   0x002           /* writable */
#define PTE_U   0x004           /* user mode may access */
#define PTE_PWT 0x008           /* write-through */
#define PTE_PCD 0x010           /* cache disabled: device registers */
#define PTE_A   0x020           /* accessed (set by the CPU) */
#define PTE_D   0x040           /* dirty (set by the CPU) */
#define PTE_ADDR(e) ((e) & 0xFFFFF000)

#define PTRS_PER_TABLE 1024
#define PGDIR_SIZE     (PTRS_PER_TABLE * PAGE_SIZE)   /* 4 MiB per PDE */
#define KERNEL_PDE     (PAGE_OFFSET / PGDIR_SIZE)     /* 768 */
#define PDE_INDEX(va)  ((uint32_t)(va) >> 22)
#define PTE_INDEX(va)  (((uint32_t)(va) >> 12) & 0x3FF)

/* The kernel's own page directory (boot/head.S); its entries 768..1023
   are copied into every process's page directory. */
extern pte_t swapper_pg_dir[PTRS_PER_TABLE];

#endif
