/*
 * madvise(addr, len, advice): the program tells the kernel how it will
 * use a range. Most advice is a hint Sprout has no use for (it reads
 * ahead anyway, and never swaps) and is accepted; MADV_DONTNEED and
 * MADV_FREE change what the program sees, so they are done: the pages
 * are dropped, and the next touch finds the VMA's source again (zeros,
 * or the file). glibc's free() gives memory back this way without
 * unmapping it.
 *
 * Shared anonymous pages are the only copy of their data (there is no
 * file behind them), so they are kept; a shared file's pages go to the
 * file first.
 */
#include "mm/mm.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/mman.h>

static bool known_advice(int advice)
{
	switch (advice) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL:
	case MADV_WILLNEED: case MADV_DONTNEED: case MADV_FREE:
	case MADV_DONTFORK: case MADV_DOFORK: case MADV_MERGEABLE:
	case MADV_UNMERGEABLE: case MADV_HUGEPAGE: case MADV_NOHUGEPAGE:
	case MADV_DONTDUMP: case MADV_DODUMP:
		return true;
	}
	return false;
}

/* Drop the pages of [start, end) of vma. */
static void zap(struct mm_struct *mm, struct vm_area_struct *vma,
		uint32_t start, uint32_t end)
{
	if (vma->vm_flags & VM_SHARED) {
		if (!vma->vm_file)
			return;
		sync_vma_range(mm, vma, start, end);
	}
	unmap_range(mm->pgdir, start, end);
}

long sys_madvise(void *uaddr, size_t len, int advice)
{
	struct mm_struct *mm = active_mm;
	uint32_t start = (uint32_t)uaddr, end, at = start;
	bool drop = advice == MADV_DONTNEED || advice == MADV_FREE;

	if (start % PAGE_SIZE || !known_advice(advice))
		return -EINVAL;
	end = start + ALIGN_UP(len, PAGE_SIZE);
	if (end < start || end > USER_TOP)
		return -EINVAL;
	for (struct vm_area_struct *v = find_vma(mm, start);
	     v && v->vm_start < end; v = v->vm_next) {
		uint32_t lo = v->vm_start > start ? v->vm_start : start;

		if (drop)
			zap(mm, v, lo, v->vm_end < end ? v->vm_end : end);
		if (v->vm_start <= at)
			at = v->vm_end;
	}
	return at < end ? -ENOMEM : 0;
}
