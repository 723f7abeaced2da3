/* The page-frame allocator's bookkeeping, on a pretend machine of 64 frames. */
#include <string.h>
#include <stdint.h>
#include "check.h"
#include "panic_host.h"

#define NPAGES 64
char test_arena[NPAGES * 4096] __attribute__((aligned(4096)));
#include "mm/mm.h"

static struct page map[NPAGES];

static void put(void *p)
{
	put_page(p);
}

static void get(void *p)
{
	get_page(p);
}

int main(void)
{
	CASE("page_alloc: all frames start reserved") {
		page_alloc_init(map, NPAGES);
		CHECK(nr_free_pages() == 0);
		CHECK(alloc_page() == NULL);
	}
	CASE("page_alloc: add_range frees exactly the range") {
		page_alloc_init(map, NPAGES);
		page_alloc_add_range(16, 48);
		CHECK(nr_free_pages() == 32);
		page_alloc_add_range(16, 48);           /* twice: no double count */
		CHECK(nr_free_pages() == 32);
		page_alloc_add_range(60, 1000);         /* clipped to the map */
		CHECK(nr_free_pages() == 36);
	}
	CASE("page_alloc: hands out low frames first, each once") {
		page_alloc_init(map, NPAGES);
		page_alloc_add_range(10, 20);
		struct page *seen[10];
		for (int i = 0; i < 10; i++) {
			seen[i] = alloc_page();
			CHECK(seen[i] == &map[10 + i]);
			CHECK(seen[i]->count == 1);
		}
		CHECK(alloc_page() == NULL);
		CHECK(nr_free_pages() == 0);
	}
	CASE("page_alloc: reference counts free on the last put") {
		page_alloc_init(map, NPAGES);
		page_alloc_add_range(0, 4);
		struct page *p = alloc_page();
		get_page(p);                            /* shared, as after fork */
		CHECK(p->count == 2);
		put_page(p);
		CHECK(nr_free_pages() == 3);
		put_page(p);
		CHECK(nr_free_pages() == 4);
	}
	CASE("page_alloc: freeing a free page panics, naming the frame") {
		page_alloc_init(map, NPAGES);
		page_alloc_add_range(0, 4);
		struct page *p = alloc_page();
		struct page *q = alloc_page();
		put_page(q);
		CHECK(panics(put, q));
		CHECK(strstr(panic_message, "00001000 (pfn 1)") != NULL);
		CHECK(nr_free_pages() == 3);            /* listed once, not twice */
		CHECK(alloc_page() == q);
		CHECK(alloc_page() != q);
		put_page(p);
	}
	CASE("page_alloc: taking a reference to a free page panics") {
		page_alloc_init(map, NPAGES);
		page_alloc_add_range(0, 4);
		struct page *p = alloc_page();
		put_page(p);
		CHECK(panics(get, p));
		CHECK(p->count == 0);
	}
	CASE("page_alloc: a reference count at its 16-bit limit panics") {
		page_alloc_init(map, NPAGES);
		page_alloc_add_range(0, 4);
		struct page *p = alloc_page();
		for (int i = 1; i < UINT16_MAX; i++)
			get_page(p);
		CHECK(p->count == UINT16_MAX);
		CHECK(panics(get, p));
		CHECK(p->count == UINT16_MAX);          /* did not wrap to 0 */
	}
	CASE("page_alloc: page_address and virt_to_page agree") {
		page_alloc_init(map, NPAGES);
		page_alloc_add_range(0, NPAGES);
		struct page *p = alloc_page();
		char *va = page_address(p);
		CHECK(va >= test_arena && va < test_arena + sizeof(test_arena));
		CHECK(virt_to_page(va + 100) == p);
		memset(va, 0xAA, 4096);
		free_page_addr(va);
		CHECK(nr_free_pages() == NPAGES);
	}
	CASE("page_alloc: get_zeroed_page zeroes") {
		page_alloc_init(map, NPAGES);
		page_alloc_add_range(0, NPAGES);
		memset(test_arena, 0x55, sizeof(test_arena));
		unsigned char *z = get_zeroed_page();
		int nonzero = 0;
		for (int i = 0; i < 4096; i++)
			nonzero += z[i] != 0;
		CHECK(nonzero == 0);
	}
	return 0;
}
