/*
 * mmap and mremap, the two calls of <sys/mman.h> whose C interface is
 * not the kernel's: mmap takes a byte offset, which mmap2 (192) wants in
 * pages (so a 32-bit offset reaches 16 TiB of file), and mremap's fifth
 * argument is there only with MREMAP_FIXED. Both return MAP_FAILED, not
 * -1, when they fail (the same bits). munmap, mprotect, msync and
 * madvise come straight from the system-call table.
 */
#include <sys/mman.h>
#include <stdarg.h>
#include <errno.h>
#include "syscall.h"

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	if (off % 4096) {
		errno = EINVAL;
		return MAP_FAILED;
	}
	return (void *)__syscall_ret(__sys_mmap2(addr, len, prot, flags, fd,
						 (unsigned long)off / 4096));
}

void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
	void *new_addr = NULL;
	va_list ap;

	if (flags & MREMAP_FIXED) {
		va_start(ap, flags);
		new_addr = va_arg(ap, void *);
		va_end(ap);
	}
	return (void *)__syscall_ret(__sys_mremap(old, old_len, new_len, flags,
						  new_addr));
}
