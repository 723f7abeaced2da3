/*
 * kmalloc: small kernel objects (task structures, open files, pipes ...).
 *
 * Requests are rounded up to a power of two from 16 bytes to a whole page.
 * Each size class owns whole pages, cut into equal objects; a page's free
 * objects form a list through their first word, and its struct page says
 * which class it belongs to, so kfree() needs no size from the caller.
 *
 *   class 64:  page A [obj][obj][free]->[free]->NULL     (page->inuse = 2)
 *              page B [obj][obj][obj][obj]...            (full)
 *
 * A page whose objects are all free goes back to the page allocator, so
 * memory freed by exiting processes is visible in nr_free_pages().
 */
#include "mm/mm.h"
#include "lib/lib.h"

#define MIN_SHIFT 4                     /* 16 bytes */
#define NR_CLASSES (PAGE_SHIFT - MIN_SHIFT + 1)

static struct page *partial[NR_CLASSES];   /* pages with free objects */

static int size_class(size_t size)
{
	int c = 0;

	while (((size_t)1 << (c + MIN_SHIFT)) < size)
		c++;
	return c;
}

/* Cut a fresh page into objects of one class. */
static struct page *new_slab(int c)
{
	struct page *p = alloc_page();
	size_t size = (size_t)1 << (c + MIN_SHIFT);
	char *base;

	if (!p)
		return NULL;
	base = page_address(p);
	p->slab_size = (uint16_t)size;
	p->freelist = NULL;
	for (size_t off = PAGE_SIZE; off >= size; off -= size) {
		void **obj = (void **)(base + off - size);
		*obj = p->freelist;
		p->freelist = obj;
	}
	return p;
}

static void unlink_partial(int c, struct page *p)
{
	struct page **pp = &partial[c];

	while (*pp && *pp != p)
		pp = &(*pp)->next;
	if (*pp)
		*pp = p->next;
}

void *kmalloc(size_t size)
{
	int c;
	struct page *p;
	void **obj;

	if (size == 0 || size > PAGE_SIZE)
		return NULL;
	c = size_class(size);
	p = partial[c];
	if (!p) {
		p = new_slab(c);
		if (!p)
			return NULL;
		p->next = NULL;
		partial[c] = p;
	}
	obj = p->freelist;
	p->freelist = *obj;
	p->inuse++;
	if (!p->freelist)               /* full: off the partial list */
		partial[c] = p->next;
	return obj;
}

void *kzalloc(size_t size)
{
	void *obj = kmalloc(size);

	return obj ? memset(obj, 0, size) : NULL;
}

void kfree(void *obj)
{
	struct page *p;
	int c;

	if (!obj)
		return;
	p = virt_to_page(obj);
	c = size_class(p->slab_size);
	if (!p->freelist) {             /* was full: back on the partial list */
		p->next = partial[c];
		partial[c] = p;
	}
	*(void **)obj = p->freelist;
	p->freelist = obj;
	if (--p->inuse == 0) {          /* empty: return the page */
		unlink_partial(c, p);
		put_page(p);
	}
}
