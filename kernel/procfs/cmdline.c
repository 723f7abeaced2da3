/*
 * /proc/PID/cmdline: the process's argv, NUL after each string, read
 * straight out of its memory - the strings exec put at the top of its
 * stack, between mm.arg_start and mm.arg_end:
 *
 *   arg_start                                   arg_end
 *   v                                           v
 *   | s h \0 - c \0 e c h o   h i \0 |  envp strings ... | random | top
 *
 * The pages belong to another address space, so they are read through
 * that process's page tables (mm's access_process_vm), never by
 * touching its addresses: a page not present ends the text early, a
 * copy-on-write page is simply read. No text is kept: each read copies
 * the bytes at its offset, so cmdline has no one-page limit.
 */
#include "procfs/internal.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* Up to n bytes at offset pos of t's argv area, into the kernel's buf. */
static size_t read_args(struct task_struct *t, loff_t pos, char *buf,
			size_t n)
{
	struct mm_struct *mm = t->mm;
	uint32_t len = mm->arg_end - mm->arg_start;

	if (!mm->pgdir || pos >= len)       /* a zombie, or past the end */
		return 0;
	if (n > len - pos)
		n = len - pos;
	return access_process_vm(mm, mm->arg_start + pos, buf, n);
}

static ssize_t proc_cmdline_read(struct file *f, char *ubuf, size_t n)
{
	char *page = kmalloc(PAGE_SIZE);
	struct task_struct *t;
	size_t got;

	if (!page)
		return -ENOMEM;
	if (n > PAGE_SIZE)
		n = PAGE_SIZE;
	if (!(t = proc_task(f->f_inode))) {
		kfree(page);
		return -ESRCH;
	}
	got = read_args(t, f->f_pos, page, n);
	if (got && copy_to_user(ubuf, page, got)) {
		kfree(page);
		return -EFAULT;
	}
	kfree(page);
	f->f_pos += got;
	return got;
}

const struct file_operations proc_cmdline_fops = {
	.read = proc_cmdline_read,
	.lseek = proc_lseek,
};
