/*
 * A regular file's pages, mapped (mmap): the page cache is the meeting
 * point. A read fault maps the very page read() copies from; a shared
 * mapping's writes land in it and reach the disk as write()'s do, once
 * msync, munmap or exit hand the page back (writepage).
 *
 *   VMA (vm_file, vm_pgoff) --fault--> read_page(inode, pgoff)
 *        |                                  |
 *        +-- page table entry ------------> page-cache page <-- read()
 *
 * A VMA holds a reference to the open file (struct file), as an fd does:
 * closing the fd after mmap leaves the mapping working.
 */
#include "fs/filemap.h"
#include "fs/page_cache.h"
#include "fs/file.h"
#include "sched/sched.h"
#include <sprout/errno.h>
#include <sprout/mman.h>

static void filemap_open(struct vm_area_struct *vma)
{
	get_file(vma->vm_file);
}

static void filemap_close(struct vm_area_struct *vma)
{
	fput(vma->vm_file);
}

/* A fault in a read() into a mapping of a file already holds the lock. */
static bool lock_fs(void)
{
	if (fs_locked_by_current())
		return false;
	fs_lock();
	return true;
}

static struct page *filemap_fault(struct vm_area_struct *vma, uint32_t pgoff,
				  int *err)
{
	struct inode *inode = vma->vm_file->f_inode;
	bool locked = lock_fs();
	struct page *p = NULL;

	if ((uint64_t)pgoff * PAGE_SIZE >= (uint64_t)inode->i_size)
		*err = -EIO;            /* past the end of the file: SIGBUS */
	else
		p = read_page(inode, pgoff, err);
	if (locked)
		fs_unlock();
	return p;
}

/* The page is the cache's own page: writing it "into" the file copies
   it onto itself, and the write path does the rest (blocks for holes,
   the dirty list, mtime). Never past the end: mmap does not grow a
   file. */
static int filemap_writepage(struct vm_area_struct *vma, struct page *pg,
			     uint32_t pgoff)
{
	struct inode *inode = vma->vm_file->f_inode;
	loff_t pos = (loff_t)pgoff * PAGE_SIZE;
	bool locked = lock_fs();
	ssize_t n = 0;

	if (pos < inode->i_size)
		n = inode_write(inode, page_address(pg), pos,
				inode->i_size - pos < PAGE_SIZE ?
				inode->i_size - pos : PAGE_SIZE);
	if (locked)
		fs_unlock();
	return n < 0 ? (int)n : 0;
}

static int filemap_fsync(struct vm_area_struct *vma)
{
	(void)vma;
	return sync_all();
}

/* Where in vma does page `keep` of its file start (vm_end if past it)? */
static uint32_t addr_of_pgoff(const struct vm_area_struct *vma, uint32_t keep)
{
	uint64_t at;

	if (keep <= vma->vm_pgoff)
		return vma->vm_start;
	at = vma->vm_start + (uint64_t)(keep - vma->vm_pgoff) * PAGE_SIZE;
	return at < vma->vm_end ? (uint32_t)at : vma->vm_end;
}

/*
 * The file shrank to size: every mapping of it, in every address space,
 * drops its pages past the new end (Linux's unmap_mapping_range, private
 * copies too). The cache let go of them already, but a page-table entry
 * would still reach the old page, and a touch there must fault and find
 * no page: SIGBUS. A scan of the task table, as there is no reverse map.
 */
void unmap_file_tail(struct inode *inode, loff_t size)
{
	uint32_t keep = (uint32_t)((size + PAGE_SIZE - 1) / PAGE_SIZE);
	struct task_struct *t;

	for_each_task(t) {
		if (!t->mm)
			continue;
		for (struct vm_area_struct *v = t->mm->mmap; v; v = v->vm_next)
			if (v->vm_ops == &file_vm_ops &&
			    v->vm_file->f_inode == inode)
				unmap_range(t->mm->pgdir, addr_of_pgoff(v, keep),
					    v->vm_end);
	}
}

/* /dev/zero (char 1:5): a mapping of it is anonymous memory, as on Linux. */
bool file_maps_zeros(const struct file *f)
{
	return f->f_inode && S_ISCHR(f->f_inode->i_mode) &&
	       f->f_inode->i_rdev == MKDEV(1, 5);
}

const struct vm_operations_struct file_vm_ops = {
	.open = filemap_open,
	.close = filemap_close,
	.fault = filemap_fault,
	.writepage = filemap_writepage,
	.fsync = filemap_fsync,
};

int file_mmap_check(struct file *f, bool shared, int prot, bool *may_write)
{
	uint32_t acc = f->f_flags & O_ACCMODE;

	if (!f->f_inode ||
	    !(S_ISREG(f->f_inode->i_mode) || file_maps_zeros(f)))
		return -ENODEV;
	if (acc == O_WRONLY)
		return -EACCES;
	*may_write = !shared || acc == O_RDWR;
	if (shared && (prot & PROT_WRITE) && !*may_write)
		return -EACCES;
	if (shared && (prot & PROT_WRITE) && (f->f_flags & O_APPEND))
		return -EACCES;
	return 0;
}
