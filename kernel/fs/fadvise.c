/*
 * fadvise64 and fadvise64_64 (posix_fadvise): the program tells the
 * kernel how it will read a file - in order, at random, soon, not again -
 * so that the page cache can read ahead or let go early. Advice is only
 * a hint: the answer is the same whatever the kernel does with it.
 * Sprout's page cache reads ahead on its own and keeps pages by its LRU,
 * so the advice is checked and accepted, as Linux accepts it for a file
 * system that ignores it: EBADF for a closed fd, ESPIPE for a pipe or
 * FIFO, EINVAL for an advice it does not know or a negative length.
 *
 * On i386 each 64-bit argument comes in two registers, low half first.
 */
#include "fs/file.h"
#include "fs/fdtable.h"
#include "include/syscall.h"
#include <sprout/errno.h>

/* Any offset is fine, even past the end: it takes no part in the checks. */
static long do_fadvise(int fd, loff_t len, int advice)
{
	struct file *f = fd_lookup(fd);

	if (!f || !f->f_inode)
		return -EBADF;
	if (S_ISFIFO(f->f_inode->i_mode))
		return -ESPIPE;
	if (len < 0 || advice < POSIX_FADV_NORMAL || advice > POSIX_FADV_NOREUSE)
		return -EINVAL;
	return 0;
}

/* A 64-bit argument from its two registers. */
static loff_t join(unsigned long lo, unsigned long hi)
{
	return (loff_t)(((uint64_t)hi << 32) | lo);
}

long sys_fadvise64(int fd, unsigned long offset_lo, unsigned long offset_hi,
		   size_t len, int advice)
{
	return do_fadvise(fd, len, advice);
}

long sys_fadvise64_64(int fd, unsigned long offset_lo, unsigned long offset_hi,
		      unsigned long len_lo, unsigned long len_hi, int advice)
{
	return do_fadvise(fd, join(len_lo, len_hi), advice);
}
