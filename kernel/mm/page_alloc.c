/*
 * The physical page-frame allocator.
 *
 * Free frames are kept on a singly linked list threaded through their
 * struct page entries, so taking or giving back a frame is O(1). Every
 * frame starts out reserved (count 1); mem_init() then hands the usable
 * ranges of RAM to page_alloc_add_range().
 *
 * A frame's count says how many users it has. fork() shares a user page
 * between parent and child with get_page() (copy-on-write); each side drops
 * its reference with put_page(), and the frame is free when none are left.
 */
#include "mm/mm.h"
#include "lib/lib.h"

struct page *mem_map;
uint32_t nr_pages;
static struct page *free_list;
static uint32_t nr_free;
static uint32_t (*reclaim)(uint32_t want);

void page_alloc_init(struct page *map, uint32_t npages)
{
	mem_map = map;
	nr_pages = npages;
	free_list = NULL;
	nr_free = 0;
	for (uint32_t i = 0; i < npages; i++)
		map[i] = (struct page){ .count = 1 };
}

static void free_list_push(struct page *p)
{
	p->next = free_list;
	free_list = p;
	nr_free++;
}

/* Give frames [first_pfn, end_pfn) to the allocator. */
void page_alloc_add_range(uint32_t first_pfn, uint32_t end_pfn)
{
	if (end_pfn > nr_pages)
		end_pfn = nr_pages;
	/* Push from the top down, so the list hands out low frames first. */
	for (uint32_t pfn = end_pfn; pfn-- > first_pfn;) {
		struct page *p = pfn_to_page(pfn);
		if (p->count == 1) {
			p->count = 0;
			free_list_push(p);
		}
	}
}

void set_page_reclaim(uint32_t (*fn)(uint32_t want))
{
	reclaim = fn;
}

struct page *alloc_page(void)
{
	struct page *p = free_list;

	/* Cached file data that is also on the disk goes before anything
	   fails for want of memory. */
	if (!p && reclaim && reclaim(1))
		p = free_list;
	if (!p)
		return NULL;    /* out of memory: the caller decides what fails */
	free_list = p->next;
	nr_free--;
	*p = (struct page){ .count = 1 };
	return p;
}

/* A bad reference count is a kernel bug: stop, and name the frame. */
static void __attribute__((noreturn)) bad_page(const char *what,
						const struct page *p)
{
	panic("%s: page at physical address %08x (pfn %u)", what,
	      page_to_phys(p), page_to_pfn(p));
}

/*
 * count is 16 bits. A frame has one reference per address space that
 * maps it (fork shares user pages copy-on-write), so at most NR_TASKS:
 * reaching 65535 means references leak, and wrapping to 0 would free a
 * page still in use.
 */
void get_page(struct page *p)
{
	if (p->count == 0)
		bad_page("get_page of a free page", p);
	if (p->count == UINT16_MAX)
		bad_page("get_page: reference count overflow", p);
	p->count++;
}

void put_page(struct page *p)
{
	if (p->count == 0)
		bad_page("put_page of a free page (freed twice?)", p);
	if (--p->count == 0)
		free_list_push(p);
}

uint32_t nr_free_pages(void)
{
	return nr_free;
}

void *__get_free_page(void)
{
	struct page *p = alloc_page();

	return p ? page_address(p) : NULL;
}

/* Zero n words with rep stosl: a page is 1024 steps, where memset's
   byte-wide rep stosb takes 4096 (every step is one instruction to
   count, and fork, exec and faults zero whole pages). */
void clear_words(void *addr, uint32_t n)
{
	__asm__ volatile("rep stosl" : "+D"(addr), "+c"(n) : "a"(0) : "memory");
}

void *get_zeroed_page(void)
{
	void *addr = __get_free_page();

	if (addr)
		clear_words(addr, PAGE_SIZE / 4);
	return addr;
}

void free_page_addr(void *addr)
{
	put_page(virt_to_page(addr));
}
