/*
 * read, write, readv, writev, pread64, pwrite64, lseek and _llseek, and
 * what they do on a regular file.
 *
 * The system calls only check their arguments: the fd names an open file
 * (EBADF), it was opened for this direction (EBADF), the buffer lies in
 * user space (EFAULT). The work is then done by the file's own operations,
 * f->f_op, chosen by open() from the file's kind: regular_fops below for a
 * regular file, the tty's for a terminal, mem.c's for /dev/null.
 */
#include "fs/file.h"
#include "fs/fdtable.h"
#include "mm/mm.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/uio.h>


/* ---- regular files: the offset picks where in the inode we go ---- */

/* A regular file is read and written at *pos, which moves past the bytes
   moved: f_pos for read and write, a copy for pread and pwrite. */
static ssize_t read_at(struct file *f, char *buf, size_t n, loff_t *pos)
{
	fs_lock();
	ssize_t got = inode_read_user(f->f_inode, buf, *pos, n);
	if (got > 0)
		*pos += got;
	fs_unlock();
	return got;
}

/* With O_APPEND, finding the end and writing there happen under one hold
   of the fs lock, so two appenders can never write over each other. That
   goes for pwrite too: Linux appends, whatever the offset says. */
static ssize_t write_from(struct file *f, const char *buf, size_t n,
			  loff_t *pos, bool user)
{
	fs_lock();
	if (f->f_flags & O_APPEND)
		*pos = f->f_inode->i_size;
	ssize_t put = fsize_write_ok(*pos, &n);         /* RLIMIT_FSIZE */
	if (!put)
		put = user ? inode_write_user(f->f_inode, buf, *pos, n)
			   : inode_write(f->f_inode, buf, *pos, n);
	if (put > 0)
		*pos += put;
	fs_unlock();
	return put;
}

static ssize_t write_at(struct file *f, const char *buf, size_t n,
			loff_t *pos)
{
	return write_from(f, buf, n, pos, true);
}

/* sendfile's bytes come from a kernel buffer (sendfile.c). */
ssize_t regular_write_kernel(struct file *f, const char *buf, size_t n)
{
	return write_from(f, buf, n, &f->f_pos, false);
}

static ssize_t regular_read(struct file *f, char *buf, size_t n)
{
	return read_at(f, buf, n, &f->f_pos);
}

static ssize_t regular_write(struct file *f, const char *buf, size_t n)
{
	return write_at(f, buf, n, &f->f_pos);
}

static ssize_t regular_pread(struct file *f, char *buf, size_t n, loff_t pos)
{
	return read_at(f, buf, n, &pos);
}

static ssize_t regular_pwrite(struct file *f, const char *buf, size_t n,
			      loff_t pos)
{
	return write_at(f, buf, n, &pos);
}

/* The new offset may lie beyond the end (a later write leaves a hole),
   but never before the start nor past the largest file. (base is in
   that range, so the tests cannot overflow where base + off would.) */
loff_t generic_file_llseek(struct file *f, loff_t off, int whence)
{
	loff_t base;
	switch (whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = f->f_pos; break;
	case SEEK_END: base = f->f_inode->i_size; break;
	default: return -EINVAL;
	}
	if (off < -base || off > MAX_FILE_SIZE - base)
		return -EINVAL;
	f->f_pos = base + off;
	return f->f_pos;
}

const struct file_operations regular_fops = {
	.read = regular_read,
	.write = regular_write,
	.lseek = generic_file_llseek,
	.pread = regular_pread,
	.pwrite = regular_pwrite,
};

/* ---- the system calls ---- */

/* Was the file opened for this direction? */
bool may_rw(struct file *f, bool write)
{
	return (f->f_flags & O_ACCMODE) != (write ? O_RDONLY : O_WRONLY);
}

/* Cap the count, and check that the buffer lies in user space. Only
   that: its pages are faulted in one at a time as the file's operation
   copies (copy_to_user, copy_from_user), so a huge buffer costs only the
   pages the transfer fills, and a bad page half-way makes the transfer
   short, not void: the file operation returns the bytes done, or
   -EFAULT if there were none, as on Linux. */
static int user_buf(const void *buf, size_t *count)
{
	if (*count > MAX_RW_COUNT)
		*count = MAX_RW_COUNT;
	return access_ok(buf, *count) ? 0 : -EFAULT;
}

static long do_read(struct file *f, char *buf, size_t count)
{
	if (!may_rw(f, false))
		return -EBADF;
	if (!f->f_op->read)
		return -EINVAL;
	if (user_buf(buf, &count))
		return -EFAULT;
	return f->f_op->read(f, buf, count);
}

static long do_write(struct file *f, const char *buf, size_t count)
{
	if (!may_rw(f, true))
		return -EBADF;
	if (!f->f_op->write)
		return -EINVAL;
	if (user_buf(buf, &count))
		return -EFAULT;
	return f->f_op->write(f, buf, count);
}

long sys_read(int fd, void *buf, size_t count)
{
	struct file *f = fd_lookup(fd);
	return f ? do_read(f, buf, count) : -EBADF;
}

long sys_write(int fd, const void *buf, size_t count)
{
	struct file *f = fd_lookup(fd);
	return f ? do_write(f, buf, count) : -EBADF;
}

/* readv/writev: one transfer per buffer, stopping at the first short one
   (a reader must not skip data that is not there yet). An error after
   some bytes have moved is reported as the bytes that moved. The access
   mode is checked first: even a transfer of 0 bytes needs it, as on Linux. */
static long do_iov(unsigned int fd, const struct iovec *uiov, int iovcnt,
		   bool write)
{
	struct file *f = fd_lookup(fd);
	if (!f || !may_rw(f, write))
		return -EBADF;
	if (iovcnt < 0 || iovcnt > IOV_MAX)
		return -EINVAL;
	long done = 0;
	for (int i = 0; i < iovcnt; i++) {
		struct iovec iov;
		if (copy_from_user(&iov, &uiov[i], sizeof(iov)))
			return done ? done : -EFAULT;
		if (iov.iov_len > MAX_RW_COUNT - (unsigned long)done)
			return done ? done : -EINVAL;
		if (iov.iov_len == 0)
			continue;
		long n = write ? do_write(f, iov.iov_base, iov.iov_len)
			       : do_read(f, iov.iov_base, iov.iov_len);
		if (n < 0)
			return done ? done : n;
		done += n;
		if ((unsigned long)n < iov.iov_len)
			break;
	}
	return done;
}

long sys_readv(int fd, const struct iovec *iov, int iovcnt)
{
	return do_iov(fd, iov, iovcnt, false);
}

long sys_writev(int fd, const struct iovec *iov, int iovcnt)
{
	return do_iov(fd, iov, iovcnt, true);
}

/* pread64/pwrite64: a transfer at an offset of its own, leaving f_pos
   alone, so processes sharing an open file can each read where they
   want. Only a file with an offset has them: a pipe or a tty is ESPIPE.
   The 64-bit offset comes in two registers, low half first. */
static long do_prw(int fd, void *buf, size_t count, unsigned long lo,
		   unsigned long hi, bool write)
{
	struct file *f = fd_lookup(fd);
	loff_t pos = (loff_t)(((uint64_t)hi << 32) | lo);

	if (!f)
		return -EBADF;
	if (pos < 0)
		return -EINVAL;
	if (write ? !f->f_op->pwrite : !f->f_op->pread)
		return -ESPIPE;
	if (!may_rw(f, write))
		return -EBADF;
	if (user_buf(buf, &count))
		return -EFAULT;
	return write ? f->f_op->pwrite(f, buf, count, pos)
		     : f->f_op->pread(f, buf, count, pos);
}

long sys_pread64(int fd, void *buf, size_t count, unsigned long pos_lo,
		 unsigned long pos_hi)
{
	return do_prw(fd, buf, count, pos_lo, pos_hi, false);
}

long sys_pwrite64(int fd, const void *buf, size_t count,
		  unsigned long pos_lo, unsigned long pos_hi)
{
	return do_prw(fd, (void *)buf, count, pos_lo, pos_hi, true);
}

static loff_t do_lseek(unsigned int fd, loff_t off, unsigned int whence)
{
	struct file *f = fd_lookup(fd);
	if (!f)
		return -EBADF;
	if (whence > SEEK_END)      /* Linux checks this first, even on a tty */
		return -EINVAL;
	if (!f->f_op->lseek)        /* a tty or a pipe has no offset */
		return -ESPIPE;
	return f->f_op->lseek(f, off, whence);
}

/* lseek's result is a 32-bit off_t: a larger offset is EOVERFLOW (and
   the offset stays moved, as on Linux). */
long sys_lseek(int fd, off_t off, int whence)
{
	loff_t pos = do_lseek(fd, off, whence);
	if (pos > 0x7fffffff)
		return -EOVERFLOW;
	return pos;
}

/* _llseek: the 64-bit offset arrives in two halves and leaves through
   *result, because a 32-bit register cannot return it. */
long sys_llseek(unsigned int fd, unsigned long off_high,
		unsigned long off_low, loff_t *result, unsigned int whence)
{
	loff_t off = (loff_t)(((uint64_t)off_high << 32) | off_low);
	loff_t pos = do_lseek(fd, off, whence);
	if (pos < 0)
		return pos;
	if (copy_to_user(result, &pos, sizeof(pos)))
		return -EFAULT;
	return 0;
}
