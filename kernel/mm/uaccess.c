/*
 * User-memory access for system calls (see uaccess.h for the idea).
 */
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

bool access_ok(const void *uaddr, size_t n)
{
	uint32_t start = (uint32_t)uaddr, end = start + n;

	return n == 0 || (end >= start && end <= USER_TOP);
}

int verify_area(const void *uaddr, size_t n, int write)
{
	uint32_t start = (uint32_t)uaddr, end = start + n;

	if (!access_ok(uaddr, n))
		return -EFAULT;         /* wraps around, or reaches the kernel */
	for (uint32_t va = ALIGN_DOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE)
		if (handle_mm_fault(active_mm, va, write) < 0)
			return -EFAULT;
	return 0;
}

/* How many of the n user bytes at va lie in va's page, once that page is
   present (and writable, for a write); 0 if it cannot be. */
static size_t user_piece(uint32_t va, size_t n, bool write)
{
	size_t piece = PAGE_SIZE - va % PAGE_SIZE;

	if (handle_mm_fault(active_mm, va, write) < 0)
		return 0;
	return piece < n ? piece : n;
}

static size_t fault_in(const void *uaddr, size_t n, bool write)
{
	size_t done = 0, piece;

	if (!access_ok(uaddr, n))
		return n;
	while (done < n &&
	       (piece = user_piece((uint32_t)uaddr + done, n - done, write)))
		done += piece;
	return n - done;
}

size_t fault_in_readable(const void *uaddr, size_t n)
{
	return fault_in(uaddr, n, false);
}

size_t fault_in_writeable(void *uaddr, size_t n)
{
	return fault_in(uaddr, n, true);
}

/* The one loop behind the copies: fault a page in, then move its piece;
   kbuf NULL means "write zeros" (clear_user). The bytes not done. */
static unsigned long user_copy(char *ubuf, char *kbuf, unsigned long n,
			       bool to_user)
{
	unsigned long done = 0, piece;

	if (!access_ok(ubuf, n))
		return n;
	while (done < n &&
	       (piece = user_piece((uint32_t)ubuf + done, n - done, to_user))) {
		if (!to_user)
			memcpy(kbuf + done, ubuf + done, piece);
		else if (kbuf)
			memcpy(ubuf + done, kbuf + done, piece);
		else
			memset(ubuf + done, 0, piece);
		done += piece;
	}
	return n - done;
}

unsigned long copy_from_user(void *dst, const void *usrc, unsigned long n)
{
	unsigned long left = user_copy((char *)usrc, dst, n, false);

	memset((char *)dst + (n - left), 0, left);
	return left;
}

unsigned long copy_to_user(void *udst, const void *src, unsigned long n)
{
	return user_copy(udst, (char *)src, n, true);
}

unsigned long clear_user(void *udst, unsigned long n)
{
	return user_copy(udst, NULL, n, true);
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
