/*
 * Page faults from user space, and the same logic for the kernel's own
 * checks of user pointers (uaccess.c). A fault is not always an error:
 *
 *   present, write, PTE_COW   a page shared since fork: copy it (or, if
 *                             we are its last user, just make it writable)
 *   not present, in the heap  brk() only reserved it: allocate it now
 *   not present, near the     the stack grows down on demand
 *   stack
 *   anything else             a bad access: the caller sends SIGSEGV
 */
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include <sprout/errno.h>

static int break_cow(pte_t *pgdir, uint32_t va, pte_t *pte)
{
	struct page *old = phys_to_page(PTE_ADDR(*pte));
	struct page *copy;

	if (old->count == 1) {          /* the other side already copied */
		*pte = (*pte & ~PTE_COW) | PTE_W;
		invlpg(va);
		return 0;
	}
	copy = alloc_page();
	if (!copy)
		return -ENOMEM;
	memcpy(page_address(copy), page_address(old), PAGE_SIZE);
	return map_page(pgdir, va, copy, PTE_U | PTE_W);
}

/* May a missing page at va be created on demand? */
static bool demand_region(const struct mm_struct *mm, uint32_t va)
{
	if (va >= mm->start_brk && va < ALIGN_UP(mm->brk, PAGE_SIZE))
		return true;            /* the heap */
	return va >= USER_TOP - mm->stack_limit && va < USER_TOP &&
	       va >= mm->brk;           /* the stack, within RLIMIT_STACK */
}

int handle_mm_fault(struct mm_struct *mm, uint32_t va, bool write)
{
	pte_t *pte;
	struct page *pg;

	if (va >= USER_TOP || !mm->pgdir)
		return -EFAULT;
	va = ALIGN_DOWN(va, PAGE_SIZE);
	pte = find_pte(mm->pgdir, va);
	if (pte && (*pte & PTE_P)) {
		if (!write || (*pte & PTE_W))
			return 0;       /* nothing to do */
		return (*pte & PTE_COW) ? break_cow(mm->pgdir, va, pte) : -EFAULT;
	}
	if (!demand_region(mm, va))
		return -EFAULT;
	pg = alloc_page();
	if (!pg)
		return -ENOMEM;
	clear_words(page_address(pg), PAGE_SIZE / 4);
	if (map_page(mm->pgdir, va, pg, PTE_U | PTE_W) < 0) {
		put_page(pg);
		return -ENOMEM;
	}
	return 0;
}
