/*
 * Physical memory: one struct page per 4 KiB frame of RAM, in the array
 * mem_map[] (Linux 0.11 kept a byte of reference count per page in its
 * mem_map[]; ours holds a little more).
 *
 *   mem_map[0]  mem_map[1]  ...  mem_map[pfn]  ...
 *   +---------+ +---------+      +---------+
 *   | count   | | count   |      | count   |   count == 0: free, on free_list
 *   | next ---+-+-> ...   |      | ...     |   count >= 1: in use; a user page
 *   +---------+ +---------+      +---------+   shared by fork has count 2, 3...
 *
 * The frame at physical address pfn * 4096 is seen by the kernel at
 * PAGE_OFFSET + pfn * 4096 (all RAM is mapped there).
 *
 * mm/ is the layer above arch/ (whose paging.h gives the page-table
 * format): frames, kmalloc, address spaces, page faults and user access.
 * It knows nothing of processes; the scheduler tells it which address
 * space is in cr3 (switch_mm).
 */
#ifndef _MM_MM_H
#define _MM_MM_H

#include "include/types.h"
#include "arch/arch.h"

struct page {
	struct page *next;      /* link in the free list or a kmalloc list */
	uint16_t count;         /* references; 0 means free */
	union {                 /* what the page's user keeps here: */
		struct {        /* kmalloc's pages */
			void *freelist;     /* the first free object in the page */
			uint16_t slab_size; /* object size, 0 for other pages */
			uint16_t inuse;     /* objects handed out from the page */
		};
		struct {        /* the page cache's (fs/page_cache.c) */
			uint32_t ino;       /* 4 KiB of this file's data ... */
			uint32_t index;     /* ... at offset index * 4096 */
			struct page *hash_next;
			struct page *lru_prev, *lru_next;   /* clean or dirty list */
			uint32_t blocks[PAGE_SIZE / 1024];  /* its 1 KiB disk blocks,
							       0 for a hole */
			volatile uint8_t pending;  /* disk requests in flight */
			volatile bool uptodate;    /* holds the file's data */
			volatile bool io_error;    /* a request for it failed */
			bool dirty;                /* newer than the disk */
			bool referenced;           /* read since reclaim looked */
			bool readahead;            /* reading it starts the next
						      read-ahead window */
		};
	};
};

extern struct page *mem_map;
extern uint32_t nr_pages;       /* frames described by mem_map */

#define page_to_pfn(p)     ((uint32_t)((p) - mem_map))
#define pfn_to_page(pfn)   (&mem_map[(pfn)])
#define page_to_phys(p)    ((phys_addr_t)page_to_pfn(p) << PAGE_SHIFT)
#define phys_to_page(pa)   pfn_to_page((pa) >> PAGE_SHIFT)
#define page_address(p)    __va(page_to_phys(p))
#define virt_to_page(va)   phys_to_page(__pa(va))

/* page_alloc.c: the frame allocator. Interrupt handlers never call it,
   and the kernel is not preempted, so it needs no lock. */
void page_alloc_init(struct page *map, uint32_t npages);
void page_alloc_add_range(uint32_t first_pfn, uint32_t end_pfn);
struct page *alloc_page(void);
void get_page(struct page *p);
void put_page(struct page *p);
uint32_t nr_free_pages(void);
void *__get_free_page(void);    /* kernel virtual address, or NULL */
void *get_zeroed_page(void);    /* the same, filled with zeros */
void clear_words(void *addr, uint32_t n);      /* n 32-bit zeros */
void free_page_addr(void *addr);
/* When no frame is free, alloc_page asks a cache above (the page cache)
   to give back at least `want` frames it can do without: that function
   returns how many it freed. */
void set_page_reclaim(uint32_t (*reclaim)(uint32_t want));

/* kmalloc.c: small kernel objects, up to one page. NULL when out of memory. */
void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(void *obj);

/* memory.c: set up mem_map and the kernel page tables from the boot info. */
struct boot_info;
void mem_init(const struct boot_info *bi);

/* ioremap.c: map a device's registers (physical [phys, phys + size))
   uncached, into every address space; NULL when the window is full. */
void *ioremap(phys_addr_t phys, size_t size);

/* A device register's read and write: one 32-bit access each, never
   dropped, merged or cached by the compiler, and (the "memory" clobber)
   never moved across other memory accesses - so a descriptor written
   in RAM before writel(tail) is there when the card reads it. */
static inline uint32_t readl(const volatile void *reg)
{
	uint32_t v;

	__asm__ volatile("movl %1, %0" : "=r"(v)
			 : "m"(*(const volatile uint32_t *)reg) : "memory");
	return v;
}

static inline void writel(volatile void *reg, uint32_t v)
{
	__asm__ volatile("movl %1, %0" : "=m"(*(volatile uint32_t *)reg)
			 : "r"(v) : "memory");
}

/* The rest of mm/'s public face: address spaces and page faults (vm.h),
   and the kernel's access to user memory (uaccess.h). */
#include "mm/vm.h"
#include "mm/uaccess.h"

#endif
