/*
 * User-memory access for system calls (see uaccess.h for the idea).
 */
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

int verify_area(const void *uaddr, size_t n, int write)
{
	uint32_t start = (uint32_t)uaddr, end = start + n;

	if (n == 0)
		return 0;
	if (end < start || end > USER_TOP)
		return -EFAULT;         /* wraps around, or reaches the kernel */
	for (uint32_t va = ALIGN_DOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE)
		if (handle_mm_fault(active_mm, va, write) < 0)
			return -EFAULT;
	return 0;
}

unsigned long copy_from_user(void *dst, const void *usrc, unsigned long n)
{
	if (verify_area(usrc, n, VERIFY_READ) < 0) {
		memset(dst, 0, n);
		return n;
	}
	memcpy(dst, usrc, n);
	return 0;
}

unsigned long copy_to_user(void *udst, const void *src, unsigned long n)
{
	if (verify_area(udst, n, VERIFY_WRITE) < 0)
		return n;
	memcpy(udst, src, n);
	return 0;
}

long strncpy_from_user(char *dst, const char *usrc, size_t max)
{
	uint32_t va = (uint32_t)usrc;

	for (size_t i = 0; i < max; i++, va++) {
		/* Check each page once, when the string enters it. */
		if ((i == 0 || (va & (PAGE_SIZE - 1)) == 0) &&
		    verify_area((void *)va, 1, VERIFY_READ) < 0)
			return -EFAULT;
		dst[i] = *(const char *)va;
		if (!dst[i])
			return (long)i;
	}
	return -ENAMETOOLONG;
}
