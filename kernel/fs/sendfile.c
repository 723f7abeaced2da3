/*
 * sendfile: copy bytes from a file to another fd inside the kernel, the
 * loop a program would write (read into a buffer, write the buffer out)
 * without the bytes crossing into user memory and back: the buffer is a
 * kernel page. A web server sends a file to a socket this way; cp and
 * BusyBox's cat use it between files and into pipes.
 *
 *   in_fd (a regular file)  --inode_read-->  kernel page  --write-->  out_fd
 *         read at *offset, or at in's f_pos           (a file or a pipe)
 *
 * The writing end takes what write() would do with those bytes: a
 * regular file's write (O_APPEND refused, as Linux refuses it here) or a
 * pipe's. Other kinds (a terminal, a socket) take their bytes from user
 * memory only, so they are EINVAL here, which Linux also answers for an
 * fd it cannot splice to: programs then fall back to read and write.
 */
#include "fs/file.h"
#include "fs/fdtable.h"
#include "fs/pipe.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "include/syscall.h"
#include <sprout/errno.h>

#define MAX_NON_LFS 0x7fffffffLL   /* sendfile's off_t: past it, EOVERFLOW */

/* The write() of out, from a kernel buffer; NULL: a kind that cannot. */
static ssize_t (*kernel_writer(struct file *out))(struct file *,
						   const char *, size_t)
{
	if (out->f_op == &regular_fops && !(out->f_flags & O_APPEND))
		return regular_write_kernel;
	if (out->f_op == &pipe_fops)
		return pipe_write_kernel;
	return NULL;
}

/* Move up to count bytes from in at *pos to out, a page at a time: the
   bytes done, or -errno if none. Stops early at the end of in, at a
   short write, or for a signal (the bytes done are the answer then). */
static ssize_t copy_file(struct file *out, struct file *in, loff_t *pos,
			 size_t count)
{
	ssize_t (*put)(struct file *, const char *, size_t) =
		kernel_writer(out);
	char *buf = kmalloc(PAGE_SIZE);
	size_t done = 0;
	ssize_t n = 0;

	if (!buf)
		return -ENOMEM;
	while (done < count && !(done && signal_pending(current))) {
		size_t want = count - done < PAGE_SIZE ? count - done : PAGE_SIZE;
		fs_lock();
		n = inode_read(in->f_inode, buf, *pos, want);
		fs_unlock();
		if (n <= 0 || (n = put(out, buf, n)) <= 0)
			break;
		*pos += n;
		done += n;
		if ((size_t)n < want)
			break;
	}
	kfree(buf);
	return done ? (ssize_t)done : n;
}

/* read()'s rule for a range (Linux's rw_verify_area): the count is a
   size_t but must fit an ssize_t, the offset must not be negative, and
   offset + count must not pass the largest loff_t. */
static bool range_ok(loff_t start, size_t count)
{
	return (ssize_t)count >= 0 && start >= 0 &&
	       (loff_t)((uint64_t)start + count) >= 0;
}

/* Linux's checks, in its order: in must be open for reading, out for
   writing (EBADF); in must be a file with pages (EINVAL); the range
   must be one read() takes (EINVAL), and the copy must end below max, the
   largest offset the caller's offset type holds (EOVERFLOW). */
static ssize_t do_sendfile(int out_fd, int in_fd, loff_t *pos,
			   size_t count, loff_t max)
{
	struct file *in = fd_lookup(in_fd), *out = fd_lookup(out_fd);
	loff_t start = pos ? *pos : in ? in->f_pos : 0;
	ssize_t n;

	if (!in || !may_rw(in, false) || !out || !may_rw(out, true))
		return -EBADF;
	if (in->f_op != &regular_fops || !kernel_writer(out) ||
	    !range_ok(start, count))
		return -EINVAL;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (start >= max)
		return count ? -EOVERFLOW : 0;
	if (count > max - start)
		count = max - start;
	n = copy_file(out, in, &start, count);
	if (pos)
		*pos = start;
	else
		in->f_pos = start;
	return n;
}

/* The offset is NULL (in's f_pos is used and moved), or the caller's
   off_t or loff_t (size bytes, little-endian: an off_t is the low half,
   sign-extended), read in and written back moved past the bytes sent. */
static long sendfile_user(int out_fd, int in_fd, void *uoffset, size_t size,
			  size_t count, loff_t max)
{
	loff_t pos = 0;
	ssize_t n;

	if (!uoffset)
		return do_sendfile(out_fd, in_fd, NULL, count, max);
	if (copy_from_user(&pos, uoffset, size))
		return -EFAULT;
	if (size == sizeof(off_t))
		pos = (off_t)pos;
	n = do_sendfile(out_fd, in_fd, &pos, count, max);
	if (n >= 0 && copy_to_user(uoffset, &pos, size))
		return -EFAULT;
	return n;
}

long sys_sendfile(int out_fd, int in_fd, off_t *uoffset, size_t count)
{
	return sendfile_user(out_fd, in_fd, uoffset, sizeof(off_t), count,
			     MAX_NON_LFS);
}

long sys_sendfile64(int out_fd, int in_fd, loff_t *uoffset, size_t count)
{
	return sendfile_user(out_fd, in_fd, uoffset, sizeof(loff_t), count,
			     MAX_FILE_SIZE);
}
