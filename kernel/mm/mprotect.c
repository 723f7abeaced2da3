/*
 * mprotect(addr, len, prot): change what a program may do with its
 * pages. glibc's start-up calls it first thing: after fixing up its
 * relocations it makes them read-only ("RELRO"), and stops if the call
 * fails. Thread stacks use PROT_NONE guard pages.
 *
 * The VMAs carry the protection (vma.c): [start, end) is cut out of the
 * VMAs it crosses (split at both ends), those get the new flags, and
 * neighbours that now match are joined again. Then the page-table
 * entries already present follow:
 *
 *   PROT_NONE          present but not user-accessible: every access
 *                      faults, and the fault handler finds the VMA
 *                      forbids it (SIGSEGV); the page keeps its data
 *   read-only          the write bit goes
 *   writable           the write bit stays off: the first write faults,
 *                      and the handler decides (copy a page fork shares,
 *                      or just allow it, see fault.c)
 *
 * x86 without PAE cannot forbid execution, so PROT_EXEC only shows in
 * /proc/PID/maps.
 */
#include "mm/mm.h"
#include "arch/arch.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/mman.h>

uint32_t prot_to_vm(int prot)
{
	return ((prot & PROT_READ) ? VM_READ : 0) |
	       ((prot & PROT_WRITE) ? VM_WRITE : 0) |
	       ((prot & PROT_EXEC) ? VM_EXEC : 0);
}

/* Each VMA in [start, end) must exist (ENOMEM: a hole) and may take the
   protection (EACCES: writing a file opened read-only). */
static int check_range(struct mm_struct *mm, uint32_t start, uint32_t end,
		       uint32_t vm_prot)
{
	uint32_t at = start;

	for (struct vm_area_struct *v = find_vma(mm, start); at < end;
	     v = v->vm_next) {
		if (!v || v->vm_start > at)
			return -ENOMEM;
		if ((vm_prot & VM_WRITE) && !(v->vm_flags & VM_MAYWRITE))
			return -EACCES;
		at = v->vm_end;
	}
	return 0;
}

/* The page-table entries of one VMA follow its new flags. A shared
   page already written stays writable; any other write bit goes. */
static void change_ptes(struct mm_struct *mm, const struct vm_area_struct *v)
{
	uint32_t flags = vma_pte_flags(v);
	bool shared_w = (v->vm_flags & (VM_WRITE | VM_SHARED)) ==
			(VM_WRITE | VM_SHARED);

	for (uint32_t va = v->vm_start; va < v->vm_end; va += PAGE_SIZE) {
		pte_t *pte = find_pte(mm->pgdir, va);

		if (!pte || !(*pte & PTE_P))
			continue;
		*pte = (*pte & ~(PTE_U | PTE_W)) | flags |
		       (shared_w ? *pte & PTE_W : 0);
		invlpg(va);
	}
}

long sys_mprotect(void *addr, size_t len, int prot)
{
	struct mm_struct *mm = active_mm;
	uint32_t start = (uint32_t)addr, end, vm_prot;
	int err;

	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN |
		     PROT_GROWSUP) ||
	    (prot & PROT_GROWSDOWN && prot & PROT_GROWSUP))
		return -EINVAL;
	if (start % PAGE_SIZE)
		return -EINVAL;
	if (len == 0)
		return 0;
	end = start + ALIGN_UP(len, PAGE_SIZE);
	if (end <= start || end > USER_TOP)
		return -ENOMEM;
	vm_prot = prot_to_vm(prot);
	if ((err = check_range(mm, start, end, vm_prot)) ||
	    (err = split_vma_at(mm, start)) || (err = split_vma_at(mm, end)))
		return err;
	for (struct vm_area_struct *v = find_vma(mm, start);
	     v && v->vm_start < end; v = v->vm_next) {
		v->vm_flags = (v->vm_flags & ~VM_PROT_MASK) | vm_prot;
		change_ptes(mm, v);
	}
	vma_merge_all(mm);
	return 0;
}
