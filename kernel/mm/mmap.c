/*
 * mmap and munmap: adding and removing VMAs (vma.c draws the list).
 *
 * mmap only writes down a promise: a VMA saying "these addresses hold
 * zeros" or "these hold that file from this page on". No page is
 * allocated or read here; the fault handler (fault.c) keeps the promise
 * one page at a time, when the program first touches it (lazy faulting).
 *
 * Where a new mapping goes, if the caller does not insist (MAP_FIXED):
 *
 *   USER_TOP  +------------------+
 *             | stack (grows v)  |  STACK_MAX = 8 MiB reserved for it
 *   MMAP_BASE +------------------+
 *             | mmap area        |  the first free gap from the top down:
 *             |   (grows v)      |  new mappings go just below old ones
 *             |                  |
 *             |   (grows ^)      |
 *             | heap (brk)       |
 *             | bss, data, text  |  the program, from exec
 *   MMAP_MIN  +------------------+
 *
 * The system calls live above (proc/mmap.c) where the file descriptor
 * and RLIMIT_AS are known, except munmap, which needs neither.
 */
#include "mm/mm.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/mman.h>

bool may_expand_vm(struct mm_struct *mm, uint32_t npages, uint64_t as_limit)
{
	return ((uint64_t)mm->total_vm + npages) * PAGE_SIZE <= as_limit;
}

/* Is [addr, addr + len) free of VMAs? */
static bool range_free(struct mm_struct *mm, uint32_t addr, uint32_t len)
{
	struct vm_area_struct *v = find_vma(mm, addr);

	return !v || v->vm_start >= addr + len;
}

/* The highest gap that fits: the list runs upwards, so the last one
   found wins. */
uint32_t get_unmapped_area(struct mm_struct *mm, uint32_t len)
{
	uint32_t gap_start = MMAP_MIN, best = 0;

	for (struct vm_area_struct *v = mm->mmap; ; v = v->vm_next) {
		uint32_t gap_end = v && v->vm_start < MMAP_BASE ? v->vm_start
								 : MMAP_BASE;

		if (gap_end >= gap_start && gap_end - gap_start >= len)
			best = gap_end - len;
		if (!v || v->vm_start >= MMAP_BASE)
			return best;
		if (v->vm_end > gap_start)
			gap_start = v->vm_end;
	}
}

/* Pages of [start, end) that VMAs already cover: MAP_FIXED replaces
   them, so RLIMIT_AS counts them once. */
static uint32_t pages_mapped(struct mm_struct *mm, uint32_t start,
			     uint32_t end)
{
	uint32_t n = 0;

	for (struct vm_area_struct *v = find_vma(mm, start);
	     v && v->vm_start < end; v = v->vm_next) {
		uint32_t lo = v->vm_start > start ? v->vm_start : start;
		uint32_t hi = v->vm_end < end ? v->vm_end : end;
		n += (hi - lo) / PAGE_SIZE;
	}
	return n;
}

/* The address the new mapping gets, into *addr: 0 or -errno. */
static int choose_addr(struct mm_struct *mm, uint32_t *addr, uint32_t len,
		       int flags)
{
	uint32_t hint = ALIGN_UP(*addr, PAGE_SIZE);

	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (*addr % PAGE_SIZE)
			return -EINVAL;
		if (*addr > USER_TOP - len)
			return -ENOMEM;
		if ((flags & MAP_FIXED_NOREPLACE) && !(flags & MAP_FIXED) &&
		    !range_free(mm, *addr, len))
			return -EEXIST;
		return 0;
	}
	if (hint >= MMAP_MIN && hint <= USER_TOP - len &&
	    range_free(mm, hint, len)) {
		*addr = hint;           /* a hint, taken if free */
		return 0;
	}
	*addr = get_unmapped_area(mm, len);
	return *addr ? 0 : -ENOMEM;
}

long do_mmap(struct mm_struct *mm, uint32_t addr, uint32_t len,
	     uint32_t vm_flags, int flags, struct file *file,
	     const struct vm_operations_struct *ops, uint32_t pgoff,
	     uint64_t as_limit)
{
	struct vm_area_struct *vma;
	int err = choose_addr(mm, &addr, len, flags);

	if (err)
		return err;
	if (!may_expand_vm(mm, len / PAGE_SIZE -
			   pages_mapped(mm, addr, addr + len), as_limit))
		return -ENOMEM;
	if (!(vma = vma_alloc(addr, addr + len, vm_flags)))
		return -ENOMEM;
	if ((err = do_munmap(mm, addr, addr + len)) < 0) {   /* MAP_FIXED */
		kfree(vma);
		return err;
	}
	vma->vm_file = file;
	vma->vm_ops = file ? ops : NULL;
	vma->vm_pgoff = pgoff;
	if (file && ops->open)
		ops->open(vma);         /* the VMA holds the file open */
	vma_link(mm, vma);
	vma_merge_all(mm);
	return addr;
}

int do_brk(struct mm_struct *mm, uint32_t brk)
{
	uint32_t old_end = ALIGN_UP(mm->brk, PAGE_SIZE);
	uint32_t new_end = ALIGN_UP(brk, PAGE_SIZE);
	struct vm_area_struct *vma;

	if (new_end < old_end)
		return do_munmap(mm, new_end, old_end);
	if (new_end == old_end)
		return 0;
	if (!range_free(mm, old_end, new_end - old_end))
		return -ENOMEM;         /* the heap ran into a mapping */
	if (!(vma = vma_alloc(old_end, new_end, VM_READ | VM_WRITE |
			      VM_MAYWRITE)))
		return -ENOMEM;
	vma_link(mm, vma);
	vma_merge_all(mm);
	return 0;
}

/* munmap(addr, len): addresses nothing maps are simply skipped. */
long sys_munmap(void *uaddr, size_t len)
{
	uint32_t addr = (uint32_t)uaddr;

	if (addr % PAGE_SIZE || len == 0 || addr >= USER_TOP ||
	    ALIGN_UP(len, PAGE_SIZE) > USER_TOP - addr || len > USER_TOP)
		return -EINVAL;
	return do_munmap(active_mm, addr, addr + ALIGN_UP(len, PAGE_SIZE));
}
