/*
 * User-memory access for system calls (see uaccess.h for the idea).
 */
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* How many of the n user bytes at va lie in va's page, once that page is
   present (and writable, for a write); 0 if it cannot be. */
static size_t user_piece(uint32_t va, size_t n, bool write)
{
	size_t piece = PAGE_SIZE - va % PAGE_SIZE;

	if (handle_mm_fault(active_mm, va, write) < 0)
		return 0;
	return piece < n ? piece : n;
}

/* What the walk below does with each page's piece of the user range. */
enum user_op {
	FAULT_IN_READ,      /* nothing: the page is present, that is all */
	FAULT_IN_WRITE,     /* the same, and writable */
	FROM_USER,          /* copy it into the kernel buffer */
	TO_USER,            /* copy the kernel buffer into it */
	CLEAR_USER,         /* write zeros */
};

/* The one loop behind them all: fault the range's pages in, up to the
   first that cannot be; then op on all of those bytes at once (they are
   one run in this address space, and stay present: see uaccess.h). The
   kernel-side buffer bounds n, so nothing is faulted in that the copy
   does not then fill. The bytes NOT done. */
static unsigned long user_walk(char *ubuf, char *kbuf, unsigned long n,
			       enum user_op op)
{
	bool write = op == FAULT_IN_WRITE || op == TO_USER || op == CLEAR_USER;
	unsigned long done = 0, piece;

	if (!access_ok(ubuf, n))
		return n;
	while (done < n &&
	       (piece = user_piece((uint32_t)ubuf + done, n - done, write)))
		done += piece;
	if (op == FROM_USER)
		memcpy(kbuf, ubuf, done);
	else if (op == TO_USER)
		memcpy(ubuf, kbuf, done);
	else if (op == CLEAR_USER)
		memset(ubuf, 0, done);
	return n - done;
}

size_t fault_in_readable(const void *uaddr, size_t n)
{
	return user_walk((char *)uaddr, NULL, n, FAULT_IN_READ);
}

size_t fault_in_writeable(void *uaddr, size_t n)
{
	return user_walk(uaddr, NULL, n, FAULT_IN_WRITE);
}

/* Small objects only: see uaccess.h. */
int verify_area(const void *uaddr, size_t n, int write)
{
	return user_walk((char *)uaddr, NULL, n,
			 write ? FAULT_IN_WRITE : FAULT_IN_READ) ? -EFAULT : 0;
}

unsigned long copy_from_user(void *dst, const void *usrc, unsigned long n)
{
	unsigned long left = user_walk((char *)usrc, dst, n, FROM_USER);

	memset((char *)dst + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void *udst, const void *src, unsigned long n)
{
	return user_walk(udst, (char *)src, n, TO_USER);
}

unsigned long clear_user(void *udst, unsigned long n)
{
	return user_walk(udst, NULL, n, CLEAR_USER);
}

long strncpy_from_user(char *dst, const char *usrc, size_t max)
{
	uint32_t va = (uint32_t)usrc;

	for (size_t i = 0; i < max; i++, va++) {
		/* Fault each page in once, when the string enters it. */
		if ((i == 0 || (va & (PAGE_SIZE - 1)) == 0) &&
		    !user_piece(va, 1, false))
			return -EFAULT;
		dst[i] = *(const char *)va;
		if (!dst[i])
			return (long)i;
	}
	return -ENAMETOOLONG;
}
