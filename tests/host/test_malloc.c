/*
 * libc's allocator (libc/malloc.c, its names prefixed our_) over a fake
 * program break: an array the test owns. Random malloc/free/realloc runs
 * are checked against a shadow model: every live block keeps its bytes,
 * is 16-byte aligned and overlaps no other; freeing everything leaves
 * one block that spans the whole heap.
 */
#include <string.h>
#include <errno.h>
#include "check.h"

#define ARENA (4 << 20)
static _Alignas(16) char arena[ARENA];
static size_t used;             /* the fake break: arena + used */

void *fake_sbrk(intptr_t increment)
{
	char *old = arena + used;

	if (increment > (intptr_t)(ARENA - used)) {
		errno = ENOMEM;
		return (void *)-1;
	}
	used += increment;
	return old;
}

/* The shadow model: each slot's block, its size and the byte it holds. */
#define SLOTS 200
static struct { unsigned char *p; size_t size, byte; } slot[SLOTS];

static int intact(int i)
{
	for (size_t k = 0; k < slot[i].size; k++)
		if (slot[i].p[k] != (unsigned char)slot[i].byte)
			return 0;
	return 1;
}

static int disjoint(void)
{
	for (int i = 0; i < SLOTS; i++)
		for (int j = i + 1; j < SLOTS; j++)
			if (slot[i].p && slot[j].p &&
			    slot[i].p < slot[j].p + slot[j].size &&
			    slot[j].p < slot[i].p + slot[i].size)
				return 0;
	return 1;
}

static size_t random_size(void)
{
	return rand() % 4 ? rand() % 200 : rand() % 20000;
}

int main(void)
{
	srand(1);
	CASE("malloc: random malloc/free/realloc keep contents, aligned, disjoint") {
		for (int step = 0; step < 20000; step++) {
			int i = rand() % SLOTS, op = rand() % 3;

			if (slot[i].p)
				CHECK(intact(i));
			if (op == 0 && slot[i].p) {
				our_free(slot[i].p);
				slot[i].p = NULL;
				continue;
			}
			size_t size = random_size();
			unsigned char *p;

			if (op == 2 && slot[i].p) {     /* realloc keeps the prefix */
				p = our_realloc(slot[i].p, size);
				if (size < slot[i].size)
					slot[i].size = size;
				slot[i].p = p;
				CHECK(p && intact(i));
			} else {
				our_free(slot[i].p);
				p = our_malloc(size);
			}
			CHECK(p && (uintptr_t)p % 16 == 0);
			slot[i].p = p;
			slot[i].size = size;
			slot[i].byte = step;
			memset(p, step, size);
			if (step % 500 == 0)
				CHECK(disjoint());
		}
	}
	CASE("malloc: freeing everything coalesces the heap into one block") {
		for (int i = 0; i < SLOTS; i++)
			our_free(slot[i].p);
		size_t heap = used;
		char *all = our_malloc(heap - 16);   /* all but one header */
		CHECK(all == arena + 16);
		CHECK(used == heap);            /* without growing the break */
		our_free(all);
	}
	CASE("realloc: grows in place into a free neighbour") {
		char *a = our_malloc(100), *b = our_malloc(100), *c = our_malloc(100);
		memset(a, 'a', 100);
		our_free(b);
		CHECK(our_realloc(a, 200) == a);
		CHECK(memchr(a, 0, 100) == NULL);
		CHECK(our_realloc(a, 400) != a);        /* c is in the way */
		our_free(c);
	}
	CASE("calloc: n * size overflow fails with ENOMEM; the rest is zeroed") {
		errno = 0;
		CHECK(our_calloc(SIZE_MAX / 2, 3) == NULL && errno == ENOMEM);
		CHECK(our_calloc(1 << 16, 1 << 16) == NULL);
		unsigned char *z = our_calloc(10, 10);
		int zero = 1;
		for (int k = 0; k < 100; k++)
			zero &= z[k] == 0;
		CHECK(zero);
	}
	return 0;
}
