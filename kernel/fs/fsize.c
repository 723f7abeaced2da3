/*
 * RLIMIT_FSIZE: how large a process may make a file. Linux's rules:
 *
 *   write at pos, n bytes       pos + n <= limit    written
 *                               pos < limit         limit - pos written, no
 *                                                   signal (the next write
 *                                                   gets it)
 *                               pos >= limit        SIGXFSZ, then EFBIG
 *   truncate growing to length  length > limit      SIGXFSZ, then EFBIG
 *
 * SIGXFSZ's default action ends the process; one that ignores or
 * catches it sees EFBIG. Only regular files grow, so only their writes
 * come here (read_write.c, truncate.c); a pipe or a tty has no size.
 */
#include "fs/file.h"
#include "signal/signal.h"
#include "sched/sched.h"
#include <sprout/errno.h>

/* Would a file of end bytes pass the limit? Then tell the process. */
static bool over_fsize(loff_t end)
{
	rlim_t limit = rlimit(RLIMIT_FSIZE);

	if (limit == RLIM_INFINITY || end <= (loff_t)limit)
		return false;
	send_sig(current, SIGXFSZ);
	return true;
}

int fsize_write_ok(loff_t pos, size_t *n)
{
	rlim_t limit = rlimit(RLIMIT_FSIZE);

	if (*n == 0 || limit == RLIM_INFINITY)
		return 0;               /* writing nothing is never refused */
	if (over_fsize(pos + 1))
		return -EFBIG;          /* pos >= limit: not a byte more */
	if (pos + *n > (loff_t)limit)
		*n = limit - pos;
	return 0;
}

int fsize_truncate_ok(const struct inode *inode, loff_t length)
{
	return length > inode->i_size && over_fsize(length) ? -EFBIG : 0;
}
