/*
 * Reading a /proc text file: the text is made at read time.
 *
 *   read(fd, buf, 100) at offset 0:   show() prints the whole text into a
 *                                     page, kept in f->private_data;
 *                                     bytes 0..99 are copied out
 *   read(fd, buf, 100) at offset 100: the same page, bytes 100..199
 *   lseek(fd, 0, SEEK_SET), read:     offset 0 again: a fresh text
 *
 * So a reader that takes one byte at a time still gets one snapshot,
 * made when it started, as Linux's seq_file gives it; and reading again
 * from the start shows the kernel's tables as they are now.
 */
#include "procfs/internal.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

void text_printf(struct proc_text *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vappendf(t->buf, PROC_TEXT_MAX, &t->len, fmt, ap);
	va_end(ap);
}

/* A new text for the file: its process must still exist (ESRCH if it
   ended since the open, as on Linux). Nothing in show() sleeps, so the
   task cannot go away while it is read. */
static int make_text(struct file *f)
{
	struct inode *inode = f->f_inode;
	struct proc_text *text = kmalloc(PAGE_SIZE);
	struct task_struct *t = NULL;
	int err = 0;

	if (!text)
		return -ENOMEM;
	text->len = 0;
	fs_lock();                  /* /proc/mounts walks directories */
	if (PROC_I(inode)->pid && !(t = proc_task(inode)))
		err = -ESRCH;
	else
		err = PROC_I(inode)->entry->show(t, text);
	fs_unlock();
	if (err) {
		kfree(text);
		return err;
	}
	kfree(f->private_data);
	f->private_data = text;
	return 0;
}

static ssize_t proc_text_read(struct file *f, char *buf, size_t n)
{
	struct proc_text *text;
	int err;

	if (f->f_pos == 0 || !f->private_data)
		if ((err = make_text(f)) < 0)
			return err;
	text = f->private_data;
	if (f->f_pos >= (loff_t)text->len)
		return 0;
	if (n > text->len - f->f_pos)
		n = text->len - f->f_pos;
	if (copy_to_user(buf, text->buf + f->f_pos, n))
		return -EFAULT;
	f->f_pos += n;
	return n;
}

/* No size to seek from: SEEK_END is EINVAL, as on Linux. */
loff_t proc_lseek(struct file *f, loff_t off, int whence)
{
	loff_t base = whence == SEEK_CUR ? f->f_pos : 0;

	if (whence == SEEK_END || off < -base)
		return -EINVAL;
	f->f_pos = base + off;
	return f->f_pos;
}

static void proc_text_release(struct file *f)
{
	kfree(f->private_data);
}

/* No write: write() on it is EINVAL. */
const struct file_operations proc_text_fops = {
	.read = proc_text_read,
	.lseek = proc_lseek,
	.release = proc_text_release,
};
