/*
 * malloc: a first-fit free list over sbrk().
 *
 * Every block starts with a header holding its size (header included).
 * Free blocks are also linked in a list sorted by address, so that free()
 * can merge a block with its free neighbours and the heap does not crumble
 * into small pieces. malloc() takes the first free block big enough,
 * splitting off the rest; when there is none, it grows the heap with sbrk().
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <stdint.h>

struct block {
	size_t size;            /* bytes, this header included */
	struct block *next;     /* next free block (free blocks only) */
};

#define ALIGN     16            /* enough for any type on i386 */
#define HDR       ALIGN         /* the header, rounded up to keep alignment */
#define MIN_BLOCK (HDR + ALIGN) /* smaller leftovers are not worth splitting */
#define GROW      (64 * 1024)   /* ask sbrk for at least this much */

static struct block *free_list;

/* Put b into the address-ordered free list, merging it with neighbours. */
static void insert_free(struct block *b)
{
	struct block *prev = NULL, *next = free_list;

	while (next && next < b) {
		prev = next;
		next = next->next;
	}
	b->next = next;
	if (next && (char *)b + b->size == (char *)next) {
		b->size += next->size;
		b->next = next->next;
	}
	if (!prev) {
		free_list = b;
	} else if ((char *)prev + prev->size == (char *)b) {
		prev->size += b->size;
		prev->next = b->next;
	} else {
		prev->next = b;
	}
}

/* First fit: unlink the first free block of at least need bytes. */
static struct block *take(size_t need)
{
	struct block **link;

	for (link = &free_list; *link; link = &(*link)->next) {
		struct block *b = *link;

		if (b->size < need)
			continue;
		if (b->size - need >= MIN_BLOCK) {      /* split off the rest */
			struct block *rest = (struct block *)((char *)b + need);

			rest->size = b->size - need;
			rest->next = b->next;
			b->size = need;
			*link = rest;
		} else {
			*link = b->next;
		}
		return b;
	}
	return NULL;
}

/* Add at least need bytes to the free list, from a bigger heap. */
static int grow_heap(size_t need)
{
	size_t n = need < GROW ? GROW : need;
	uintptr_t pad = -(uintptr_t)sbrk(0) & (ALIGN - 1);
	char *p;

	if (n > INTPTR_MAX - pad)       /* sbrk would read it as negative */
		return -1;
	p = sbrk(pad + n);
	if (p == (char *)-1)
		return -1;
	struct block *b = (struct block *)(p + pad);
	b->size = n;
	insert_free(b);
	return 0;
}

void *malloc(size_t size)
{
	struct block *b;
	size_t need;

	if (size > SIZE_MAX / 2) {
		errno = ENOMEM;
		return NULL;
	}
	need = (size + HDR + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	b = take(need);
	if (!b && grow_heap(need) == 0)
		b = take(need);
	if (!b) {
		errno = ENOMEM;
		return NULL;
	}
	return (char *)b + HDR;
}

void free(void *p)
{
	if (p)
		insert_free((struct block *)((char *)p - HDR));
}

void *calloc(size_t n, size_t size)
{
	void *p;

	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

void *realloc(void *p, size_t size)
{
	size_t room;
	void *q;

	if (!p)
		return malloc(size);
	room = ((struct block *)((char *)p - HDR))->size - HDR;
	if (size <= room)
		return p;
	q = malloc(size);
	if (q) {
		memcpy(q, p, room);
		free(p);
	}
	return q;
}
