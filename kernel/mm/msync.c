/*
 * msync(addr, len, flags): bring what a program wrote into a shared file
 * mapping to the file. The program writes the page-cache pages
 * themselves (fault.c maps them), and the CPU sets the dirty bit of a
 * page-table entry on the first write through it: so the page table
 * says which pages changed since the last msync. Each such page is
 * handed to the file (vm_ops->writepage: the page cache marks it dirty
 * and finds it disk blocks) and its dirty bit cleared, to catch the
 * next write. munmap and exit do the same for the VMAs they remove
 * (vma.c), so no write is lost; MS_SYNC then also waits for the disk.
 */
#include "mm/mm.h"
#include "arch/arch.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/mman.h>

int sync_vma_range(struct mm_struct *mm, struct vm_area_struct *vma,
		   uint32_t start, uint32_t end)
{
	int err = 0;

	for (uint32_t va = start; va < end; va += PAGE_SIZE) {
		pte_t *pte = find_pte(mm->pgdir, va);
		uint32_t pgoff = vma->vm_pgoff + (va - vma->vm_start) / PAGE_SIZE;
		int e;

		if (!pte || (*pte & (PTE_P | PTE_D)) != (PTE_P | PTE_D))
			continue;
		*pte &= ~PTE_D;
		if (mm == active_mm)
			invlpg(va);
		e = vma->vm_ops->writepage(vma, phys_to_page(PTE_ADDR(*pte)),
					   pgoff);
		if (e && !err)
			err = e;
	}
	return err;
}

long sys_msync(void *uaddr, size_t len, int flags)
{
	struct mm_struct *mm = active_mm;
	uint32_t start = (uint32_t)uaddr, end, at = start;
	int err = 0;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC) ||
	    ((flags & MS_ASYNC) && (flags & MS_SYNC)) || start % PAGE_SIZE)
		return -EINVAL;
	end = start + ALIGN_UP(len, PAGE_SIZE);
	if (end < start || (len && end == start))
		return -ENOMEM;
	for (struct vm_area_struct *v = find_vma(mm, start);
	     v && v->vm_start < end; v = v->vm_next) {
		uint32_t lo = v->vm_start > start ? v->vm_start : start;
		uint32_t hi = v->vm_end < end ? v->vm_end : end;
		int e = 0;

		if (v->vm_start > at)
			err = -ENOMEM;          /* a hole: Linux goes on */
		at = v->vm_end;
		if ((v->vm_flags & VM_SHARED) && v->vm_file)
			e = sync_vma_range(mm, v, lo, hi);
		if (!e && (v->vm_flags & VM_SHARED) && v->vm_file &&
		    (flags & MS_SYNC))
			e = v->vm_ops->fsync(v);
		if (e)
			return e;
	}
	return at < end ? -ENOMEM : err;
}
