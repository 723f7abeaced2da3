/* kmalloc's size classes, reuse, and return of empty pages. */
#include <string.h>
#include <stdint.h>
#include "check.h"

#define NPAGES 64
char test_arena[NPAGES * 4096] __attribute__((aligned(4096)));
#include "mm/mm.h"

static struct page map[NPAGES];

/* Every case frees all it allocates, and so leaves kmalloc's lists empty. */
static void fresh(void)
{
	page_alloc_init(map, NPAGES);
	page_alloc_add_range(0, NPAGES);
}

int main(void)
{
	CASE("kmalloc: rejects 0 and more than a page") {
		fresh();
		CHECK(kmalloc(0) == NULL);
		CHECK(kmalloc(4097) == NULL);
		void *page = kmalloc(4096);
		CHECK(page != NULL);
		kfree(page);
		CHECK(nr_free_pages() == NPAGES);
	}
	CASE("kmalloc: objects are distinct, aligned to their class, writable") {
		fresh();
		char *a = kmalloc(24), *b = kmalloc(24), *c = kmalloc(100);
		CHECK(a && b && c && a != b);
		CHECK(((uintptr_t)a & 31) == 0 && ((uintptr_t)c & 127) == 0);
		memset(a, 1, 24);
		memset(b, 2, 24);
		CHECK(a[23] == 1 && b[0] == 2);
		CHECK(nr_free_pages() == NPAGES - 2);   /* one page per class */
		kfree(a);
		kfree(b);
		kfree(c);
		CHECK(nr_free_pages() == NPAGES);
	}
	CASE("kmalloc: freeing everything returns every page") {
		fresh();
		void *objs[300];
		for (int i = 0; i < 300; i++)
			objs[i] = kmalloc(16 << (i % 5));
		CHECK(nr_free_pages() < NPAGES);
		for (int i = 0; i < 300; i++)
			kfree(objs[i]);
		CHECK(nr_free_pages() == NPAGES);
	}
	CASE("kmalloc: a freed object is reused") {
		fresh();
		void *a = kmalloc(64);
		void *keep = kmalloc(64);       /* keeps the page alive */
		kfree(a);
		CHECK(kmalloc(64) == a);
		kfree(a);
		kfree(keep);
	}
	CASE("kmalloc: out of memory returns NULL, then recovers") {
		fresh();
		void *pages[NPAGES];
		int n = 0;
		while (n < NPAGES && (pages[n] = kmalloc(4096)))
			n++;
		CHECK(n == NPAGES);
		CHECK(kmalloc(16) == NULL);
		kfree(pages[0]);
		void *small = kmalloc(16);
		CHECK(small != NULL);
		kfree(small);
		for (int i = 1; i < n; i++)
			kfree(pages[i]);
		CHECK(nr_free_pages() == NPAGES);
	}
	CASE("kzalloc: zeroes the object") {
		fresh();
		char *a = kmalloc(512);
		memset(a, 0x77, 512);
		kfree(a);
		char *z = kzalloc(512);
		CHECK(z[0] == 0 && z[511] == 0);
		kfree(z);
	}
	return 0;
}
