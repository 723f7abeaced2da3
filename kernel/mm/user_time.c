/*
 * A struct timespec from or to user memory, in either of the two layouts
 * a 32-bit program uses: the old one (32-bit seconds, which run out in
 * January 2038) or the time64 calls' struct __kernel_timespec (64-bit
 * seconds). Each call that takes a time comes in both forms on i386
 * (clock_nanosleep and clock_nanosleep_time64, ppoll and ppoll_time64,
 * ...): one handler serves both and passes `time64` down to here, so
 * the kernel works in 64-bit seconds throughout.
 */
#include "mm/mm.h"
#include <sprout/errno.h>
#include <sprout/time.h>

int get_user_timespec(const void *uts, bool time64,
		      struct __kernel_timespec *ts)
{
	struct timespec old;

	if (time64)
		return copy_from_user(ts, uts, sizeof(*ts)) ? -EFAULT : 0;
	if (copy_from_user(&old, uts, sizeof(old)))
		return -EFAULT;
	*ts = (struct __kernel_timespec){ old.tv_sec, old.tv_nsec };
	return 0;
}

int put_user_timespec(void *uts, bool time64, uint64_t ns)
{
	struct __kernel_timespec ts = { (long long)(ns / NSEC_PER_SEC),
					(long long)(ns % NSEC_PER_SEC) };
	struct timespec old = { (long)ts.tv_sec, (long)ts.tv_nsec };

	if (time64)
		return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
	return copy_to_user(uts, &old, sizeof(old)) ? -EFAULT : 0;
}
