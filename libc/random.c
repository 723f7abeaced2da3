/*
 * getentropy: a seed's worth of random bytes from the kernel's getrandom
 * (kernel/dev/random.c). At most 256 bytes, and all of them or an error:
 * a seed cut short by a signal would be a weak one, so it asks again.
 */
#include "syscall.h"
#include <errno.h>
#include <sys/random.h>

int getentropy(void *buf, size_t length)
{
	size_t done = 0;

	if (length > 256) {
		errno = EIO;
		return -1;
	}
	while (done < length) {
		long n = __sys_getrandom((char *)buf + done, length - done, 0);

		if (n == -EINTR)
			continue;
		if (n < 0)
			return __syscall_ret(n);
		done += n;
	}
	return 0;
}
