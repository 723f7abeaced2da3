/*
 * Sorting and searching arrays: qsort and bsearch.
 *
 * qsort is a heapsort: O(n log n) compares and swaps on every input,
 * sorted, reversed or adversarial (a plain quicksort goes O(n^2) on some),
 * in place with no recursion. It is not stable, which C allows.
 */
#include <stdlib.h>

/* Swap two elements of size bytes. */
static void swap(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

/* The element at i of the first n sinks until the heap below it holds:
   every parent at least as big as its children (2i+1 and 2i+2). */
static void sift_down(char *base, size_t i, size_t n, size_t size,
		      int (*cmp)(const void *, const void *))
{
	for (;;) {
		size_t big = i, child = 2 * i + 1;

		if (child < n && cmp(base + child * size, base + big * size) > 0)
			big = child;
		if (child + 1 < n &&
		    cmp(base + (child + 1) * size, base + big * size) > 0)
			big = child + 1;
		if (big == i)
			return;
		swap(base + i * size, base + big * size, size);
		i = big;
	}
}

void qsort(void *array, size_t n, size_t size,
	   int (*cmp)(const void *, const void *))
{
	char *base = array;

	for (size_t i = n / 2; i-- > 0;)        /* build the heap */
		sift_down(base, i, n, size, cmp);
	while (n-- > 1) {       /* move the biggest to the end, and repeat */
		swap(base, base + n * size, size);
		sift_down(base, 0, n, size, cmp);
	}
}

/* Binary search of a sorted array: NULL if key is not there. */
void *bsearch(const void *key, const void *array, size_t n, size_t size,
	      int (*cmp)(const void *, const void *))
{
	const char *lo = array;

	while (n > 0) {         /* key, if anywhere, is in lo[0..n) */
		const char *mid = lo + (n / 2) * size;
		int c = cmp(key, mid);

		if (c == 0)
			return (void *)mid;
		if (c > 0) {
			lo = mid + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}
