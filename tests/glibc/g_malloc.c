/*
 * glibc's malloc on Sprout: small blocks from its bins, big ones (which
 * glibc would like to mmap) from the heap when there is no mmap, calloc's
 * zeros, realloc keeping the contents, and free handing memory back for
 * reuse.
 */
#include "../user/check.h"
#include <stdlib.h>
#include <string.h>

#define N 400

static unsigned char *blocks[N];

static size_t size_of(int i)
{
	return i % 5 == 0 ? (size_t)i * 1000 + 1 : (size_t)(i * 37 % 512) + 1;
}

static void fill_and_check(void)
{
	int i, bad = -1;

	for (i = 0; i < N; i++) {
		blocks[i] = malloc(size_of(i));
		if (!blocks[i]) {
			bad = i;
			break;
		}
		memset(blocks[i], i & 0xff, size_of(i));
	}
	for (i = 0; i < N && bad < 0; i++)
		if (blocks[i][0] != (i & 0xff) ||
		    blocks[i][size_of(i) - 1] != (i & 0xff))
			bad = i;
	expect("400 blocks of 1 byte to 400 KB, each its own", bad < 0,
	       "block %d", bad);
}

int main(void)
{
	int i, zero = 1;
	unsigned char *p, *q;

	fill_and_check();
	for (i = 0; i < N; i += 2)
		free(blocks[i]);
	for (i = 1; i < N; i += 2)
		free(blocks[i]);
	fill_and_check();               /* again, in the freed memory */
	for (i = 0; i < N; i++)
		free(blocks[i]);
	p = calloc(100000, 1);
	for (i = 0; p && i < 100000; i++)
		zero &= p[i] == 0;
	expect("calloc zeroes", p && zero, "not zero");
	free(p);
	p = malloc(100);
	memcpy(p, "keep me", 8);
	q = realloc(p, 1 << 20);
	expect("realloc keeps the contents", q && strcmp((char *)q,
	       "keep me") == 0, "lost");
	free(q);
	p = malloc(3u << 20);
	expect("malloc of 3 MiB", p != NULL, "NULL");
	if (p)
		memset(p, 1, 3u << 20);
	free(p);
	return check_done();
}
