/*
 * mremap(old, old_len, new_len, flags, new): resize a mapping, and move
 * it if it cannot grow where it is. glibc's realloc() of a big block
 * (which malloc gave its own mmap) is the main user: growing in place
 * costs nothing, and moving costs no copying either, because the pages
 * themselves move: their page-table entries are carried to the new
 * addresses.
 *
 *   shrink            unmap the tail
 *   grow in place     the VMA's end moves up, if nothing is mapped there
 *   grow by moving    (MREMAP_MAYMOVE) a new VMA where there is room,
 *                     the entries moved, the old range unmapped
 *   MREMAP_FIXED      move to exactly new (replacing what is there)
 */
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>
#include <sprout/mman.h>

/* Move [addr, addr + old_len) of vma to `to`, new_len long (the pages
   past new_len, if it is shorter, go with the old range). */
static long move_vma(struct mm_struct *mm, struct vm_area_struct *vma,
		     uint32_t addr, uint32_t old_len, uint32_t new_len,
		     uint32_t to)
{
	struct vm_area_struct *copy = vma_alloc(to, to + new_len,
						vma->vm_flags);
	int err;

	if (!copy)
		return -ENOMEM;
	copy->vm_file = vma->vm_file;
	copy->vm_ops = vma->vm_ops;
	copy->vm_pgoff = vma->vm_pgoff + (addr - vma->vm_start) / PAGE_SIZE;
	if (copy->vm_ops && copy->vm_ops->open)
		copy->vm_ops->open(copy);
	if (vma->vm_flags & VM_SHARED && vma->vm_file)  /* dirty bits move */
		sync_vma_range(mm, vma, addr, addr + old_len);
	err = move_page_range(mm->pgdir, addr, to,
			      old_len < new_len ? old_len : new_len);
	vma_link(mm, copy);
	if (!err)
		err = do_munmap(mm, addr, addr + old_len);
	vma_merge_all(mm);
	return err ? err : (long)to;
}

/* Can vma, which ends at addr + old_len, take in new_len there? */
static bool can_grow_in_place(const struct vm_area_struct *vma,
			      uint32_t addr, uint32_t new_len)
{
	return new_len <= USER_TOP - addr &&
	       (!vma->vm_next || vma->vm_next->vm_start >= addr + new_len);
}

static long check_args(uint32_t addr, uint32_t old_len, uint32_t new_len,
		       int flags, uint32_t new_addr)
{
	if (addr % PAGE_SIZE || flags & ~(MREMAP_MAYMOVE | MREMAP_FIXED) ||
	    ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE)) ||
	    new_len == 0 || old_len == 0)
		return -EINVAL;
	if (old_len > USER_TOP || new_len > USER_TOP)
		return -ENOMEM;
	if (flags & MREMAP_FIXED) {
		if (new_addr % PAGE_SIZE || new_addr > USER_TOP - new_len)
			return -EINVAL;
		if (new_addr < addr + old_len && addr < new_addr + new_len)
			return -EINVAL;         /* the ranges overlap */
	}
	return 0;
}

long do_mremap(struct mm_struct *mm, uint32_t addr, uint32_t old_len,
	       uint32_t new_len, int flags, uint32_t new_addr,
	       uint64_t as_limit)
{
	struct vm_area_struct *vma;
	long err = check_args(addr, old_len, new_len, flags, new_addr);

	if (err)
		return err;
	old_len = ALIGN_UP(old_len, PAGE_SIZE);
	new_len = ALIGN_UP(new_len, PAGE_SIZE);
	vma = vma_at(mm, addr);
	if (!vma || addr + old_len > vma->vm_end || addr + old_len < addr)
		return -EFAULT;
	if (flags & MREMAP_FIXED) {
		if ((err = do_munmap(mm, new_addr, new_addr + new_len)))
			return err;
		vma = vma_at(mm, addr);
	} else if (new_len <= old_len) {
		err = do_munmap(mm, addr + new_len, addr + old_len);
		return err ? err : (long)addr;
	}
	if (new_len > old_len &&
	    !may_expand_vm(mm, (new_len - old_len) / PAGE_SIZE, as_limit))
		return -ENOMEM;
	if (!(flags & MREMAP_FIXED) && addr + old_len == vma->vm_end &&
	    can_grow_in_place(vma, addr, new_len)) {
		mm->total_vm += (new_len - old_len) / PAGE_SIZE;
		vma->vm_end = addr + new_len;
		return addr;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	if (!(flags & MREMAP_FIXED) && !(new_addr = get_unmapped_area(mm, new_len)))
		return -ENOMEM;
	return move_vma(mm, vma, addr, old_len, new_len, new_addr);
}
