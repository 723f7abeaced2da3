/*
 * malloc: a first-fit free list over sbrk().
 *
 * Every block starts with a header holding its size (header included).
 * Free blocks are also linked in a list sorted by address, so that free()
 * can merge a block with its free neighbours and the heap does not crumble
 * into small pieces. malloc() takes the first free block big enough,
 * splitting off the rest; when there is none, it grows the heap with sbrk().
 * realloc() grows a block in place when the block after it is free.
 *
 * Worst case: malloc, free and realloc each walk the free list, so a call
 * costs time proportional to the number of free blocks (realloc adds a
 * copy when it must move). Fragmentation: no allocator that never moves
 * blocks can promise much, and first fit may need about M * log2(n) bytes
 * of heap for M bytes in use when sizes range over a factor n (Robson's
 * bound); the heap never shrinks, as nothing is given back to sbrk.
 *
 * Threads: one lock (lock.c) around the free list and the heap's end.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <stdint.h>
#include <stdbool.h>
#include "lock.h"

struct block {
	size_t size;            /* bytes, this header included */
	struct block *next;     /* next free block (free blocks only) */
};

#define ALIGN     16            /* enough for any type on i386 */
#define HDR       ALIGN         /* the header, rounded up to keep alignment */
#define MIN_BLOCK (HDR + ALIGN) /* smaller leftovers are not worth splitting */
#define GROW      (64 * 1024)   /* ask sbrk for at least this much */

static struct block *free_list;
static volatile int heap_lock;

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

/* Cut b down to need bytes; return the rest, or NULL if too small to keep. */
static struct block *split(struct block *b, size_t need)
{
	struct block *rest = (struct block *)((char *)b + need);

	if (b->size - need < MIN_BLOCK)
		return NULL;
	rest->size = b->size - need;
	b->size = need;
	return rest;
}

/* First fit: unlink the first free block of at least need bytes. */
static struct block *take(size_t need)
{
	struct block **link;

	for (link = &free_list; *link; link = &(*link)->next) {
		struct block *b = *link, *rest;

		if (b->size < need)
			continue;
		rest = split(b, need);
		if (rest) {             /* the rest takes b's place in the list */
			rest->next = b->next;
			*link = rest;
		} else {
			*link = b->next;
		}
		return b;
	}
	return NULL;
}

/* Grow b to need bytes by absorbing the free block right after it, if
   there is one and it is big enough. Returns 0 on success. */
static int grow_in_place(struct block *b, size_t need)
{
	struct block **link, *after = (struct block *)((char *)b + b->size);

	for (link = &free_list; *link && *link < after; link = &(*link)->next)
		;
	if (*link != after || b->size + after->size < need)
		return -1;
	*link = after->next;
	b->size += after->size;
	after = split(b, need);
	if (after)
		insert_free(after);
	return 0;
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

/* The block size for size bytes of data: header added, aligned up. */
static size_t block_size(size_t size)
{
	return (size + HDR + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

void *malloc(size_t size)
{
	struct block *b;
	size_t need;

	if (size > SIZE_MAX / 2) {
		errno = ENOMEM;
		return NULL;
	}
	need = block_size(size);
	__lock(&heap_lock);
	b = take(need);
	if (!b && grow_heap(need) == 0)
		b = take(need);
	__unlock(&heap_lock);
	if (!b) {
		errno = ENOMEM;
		return NULL;
	}
	return (char *)b + HDR;
}

void free(void *p)
{
	if (!p)
		return;
	__lock(&heap_lock);
	insert_free((struct block *)((char *)p - HDR));
	__unlock(&heap_lock);
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
	struct block *b;
	size_t room;
	bool grown;
	void *q;

	if (!p)
		return malloc(size);
	b = (struct block *)((char *)p - HDR);
	room = b->size - HDR;
	if (size <= room)
		return p;
	__lock(&heap_lock);
	grown = size <= SIZE_MAX / 2 && grow_in_place(b, block_size(size)) == 0;
	__unlock(&heap_lock);
	if (grown)
		return p;
	q = malloc(size);
	if (q) {
		memcpy(q, p, room);
		free(p);
	}
	return q;
}
