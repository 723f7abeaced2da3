/*
 * mprotect(addr, len, prot): make pages of the address space read-only
 * or writable again. glibc's start-up calls it first thing: after fixing
 * up its relocations it makes them read-only ("RELRO"), and stops if the
 * call fails.
 *
 * Sprout has no list of mappings yet (mmap, issue 15), so the page table
 * is the record: a page is made read-only by clearing its write bit, and
 * writable by marking it copy-on-write, so that the first write goes
 * through the fault handler (mm/fault.c), which copies the page if fork
 * shares it and otherwise just sets the write bit. A write to a page
 * that is neither faults as a bad access: SIGSEGV, as on Linux.
 *
 * Not yet: PROT_NONE (a present page that faults on every access needs
 * a mark the fault handler knows), so it is refused with EINVAL. x86
 * without PAE cannot forbid execution, so PROT_EXEC changes nothing.
 */
#include "proc/proc.h"
#include "sched/sched.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/mman.h>

/* Every page of [start, end) present, faulting in heap and stack pages
   the way a read would; -ENOMEM if one is not part of the program. */
static int fault_in_range(struct mm_struct *mm, uint32_t start, uint32_t end)
{
	uint32_t va;
	int err;

	for (va = start; va < end; va += PAGE_SIZE) {
		err = handle_mm_fault(mm, va, false);
		if (err)
			return err == -EFAULT ? -ENOMEM : err;
	}
	return 0;
}

long sys_mprotect(void *addr, size_t len, int prot)
{
	struct mm_struct *mm = current->mm;
	uint32_t start = (uint32_t)addr, end, va;
	int err;

	prot &= ~(PROT_GROWSDOWN | PROT_GROWSUP);
	if (start % PAGE_SIZE || prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC))
		return -EINVAL;
	if (len == 0)
		return 0;
	end = start + ALIGN_UP(len, PAGE_SIZE);
	if (end <= start || end > USER_TOP)
		return -ENOMEM;
	if (prot == PROT_NONE)
		return -EINVAL;
	err = fault_in_range(mm, start, end);
	if (err)
		return err;
	for (va = start; va < end; va += PAGE_SIZE) {
		pte_t *pte = find_pte(mm->pgdir, va);

		if (!(prot & PROT_WRITE))
			*pte &= ~(PTE_W | PTE_COW);
		else if (!(*pte & PTE_W))
			*pte |= PTE_COW;        /* writable on the first write */
		invlpg(va);
	}
	return 0;
}
