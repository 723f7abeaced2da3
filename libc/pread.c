/* pread and pwrite: read or write at an offset, leaving the file's own
   offset where it was. The kernel takes a 64-bit offset in two halves;
   off_t is 32 bits, so the high half is its sign. */
#include <unistd.h>
#include "syscall.h"

ssize_t pread(int fd, void *buf, size_t count, off_t offset)
{
	return __syscall_ret(__sys_pread64(fd, buf, count, offset,
					   offset < 0 ? -1 : 0));
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)
{
	return __syscall_ret(__sys_pwrite64(fd, buf, count, offset,
					    offset < 0 ? -1 : 0));
}
