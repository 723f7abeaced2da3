/*
 * /proc/PID/maps: the process's VMAs (mm/vma.c), one line each, in
 * Linux's format, so that tools and people who know Linux read it as is:
 *
 *   08048000-08049000 r-xp 00000000 00:00 0          /bin/tests/t_mmap
 *   0805a000-0807b000 rw-p 00000000 00:00 0          [heap]
 *   b7ff0000-b7ff1000 rw-s 00000000 03:00 1234       /tmp/shared.dat
 *   bffdf000-c0000000 rw-p 00000000 00:00 0          [stack]
 *   start    end      |||`- p private, s shared
 *                     rwx   file offset, device major:minor, inode
 *
 * then, from a fixed column (the 50th), what the pages hold: the mapped file, the
 * program itself (the segments exec loaded), [heap] (the VMA brk moves)
 * or [stack]; nothing for anonymous memory.
 */
#include "procfs/internal.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* Linux pads to 25 + 6 * sizeof(void *) - 1 columns, then one space. */
#define NAME_COLUMN (25 + 4 * 6 - 1)

/* A VMA's name, or NULL; buf (PATH_MAX) for a file's path. */
static const char *vma_name(struct task_struct *t,
			    const struct vm_area_struct *v, char *buf)
{
	const struct mm_struct *mm = t->mm;

	if (v->vm_file)
		return file_path(v->vm_file, buf) < 0 ? NULL : buf;
	if (v->vm_flags & VM_IMAGE)
		return t->exe_path;
	if (v->vm_start <= mm->brk && v->vm_end >= mm->start_brk &&
	    mm->brk > mm->start_brk)
		return "[heap]";
	if (v->vm_start <= mm->start_stack && v->vm_end >= mm->start_stack)
		return "[stack]";
	return NULL;
}

static void show_vma(struct task_struct *t, struct proc_text *text,
		     const struct vm_area_struct *v, char *buf)
{
	struct stat64 st = { 0 };
	const char *name = vma_name(t, v, buf);
	size_t start = text->len, used;

	if (v->vm_file)
		inode_stat(v->vm_file->f_inode, &st);
	text_printf(text, "%08x-%08x %c%c%c%c %08x %02x:%02x %u ",
		    v->vm_start, v->vm_end,
		    v->vm_flags & VM_READ ? 'r' : '-',
		    v->vm_flags & VM_WRITE ? 'w' : '-',
		    v->vm_flags & VM_EXEC ? 'x' : '-',
		    v->vm_flags & VM_SHARED ? 's' : 'p',
		    v->vm_file ? v->vm_pgoff << PAGE_SHIFT : 0,
		    (unsigned int)(st.st_dev >> 8) & 0xfff,
		    (unsigned int)st.st_dev & 0xff, (unsigned int)st.st_ino);
	used = text->len - start;
	if (name)
		text_printf(text, "%*s %s", used < NAME_COLUMN ?
			    (int)(NAME_COLUMN - used) : 0, "", name);
	text_printf(text, "\n");
}

int proc_pid_maps(struct task_struct *t, struct proc_text *text)
{
	char *buf;

	if (t->mm == &init_mm)
		return 0;               /* a kernel thread maps nothing */
	if (!(buf = kmalloc(PATH_MAX)))
		return -ENOMEM;
	for (struct vm_area_struct *v = t->mm->mmap; v; v = v->vm_next)
		show_vma(t, text, v, buf);
	kfree(buf);
	return 0;
}
