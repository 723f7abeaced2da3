/* errno lives here. Wrappers set it only on failure, as POSIX says. */
#include <errno.h>
#include "syscall.h"

__thread int errno;       /* one per thread: see tls.c */

/* The kernel returns -errno (-4095..-1) on failure. */
long __syscall_ret(long result)
{
	if ((unsigned long)result >= -4095UL) {
		errno = -result;
		return -1;
	}
	return result;
}
