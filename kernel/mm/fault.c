/*
 * Page faults from user space, and the same logic for the kernel's own
 * copies to and from user memory (uaccess.c). The VMA that holds the
 * address decides (vma.c); a fault is not always an error:
 *
 *   no VMA holds va            a bad access (the stack's VMA grows down
 *                              to take it in, within RLIMIT_STACK)
 *   the VMA forbids it         a bad access: PROT_NONE, a write to a
 *                              read-only VMA
 *   present, write, read-only  private: a page shared since fork, the
 *                              zero page or a file's page: copy it (or,
 *                              if we are its last user, make it
 *                              writable); shared: make it writable
 *   not present                fill it from the VMA's source: zeros
 *                              (a read of private memory maps the shared
 *                              zero page) or the file's page-cache page
 *
 * A bad access makes the caller send SIGSEGV (entry/trap.c) or return
 * EFAULT (uaccess.c).
 *
 * The zero page, as in Linux: one frame of zeros, mapped read-only
 * wherever a program reads private memory it never wrote, so that
 * reading (or write()ing out) an untouched heap costs no memory. It is
 * nobody's: no reference count per mapping (a big heap could map it
 * more than 65535 times), never in a resident set, never freed.
 *
 * When no frame is left, even after the page cache gave back what it
 * could, the OOM killer (proc/oom_kill.c, registered from above) picks a
 * process to kill and waits until its memory is back; then we retry.
 */
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include <sprout/errno.h>

static struct page *zero_page;
static bool (*oom_killer)(void);

void set_oom_killer(bool (*fn)(void))
{
	oom_killer = fn;
}

bool is_zero_page(const struct page *p)
{
	return p == zero_page;
}

/* A frame for a user page. Out of memory, the killer frees one if it
   can (false: it could not, or the victim is the caller itself). */
static struct page *alloc_user_page(void)
{
	struct page *pg;

	while (!(pg = alloc_page()))
		if (!oom_killer || !oom_killer())
			return NULL;
	return pg;
}

struct page *alloc_zeroed_user_page(void)
{
	struct page *pg = alloc_user_page();

	if (pg)
		clear_words(page_address(pg), PAGE_SIZE / 4);
	return pg;
}

/* A private page becomes the writer's own. */
static int break_cow(pte_t *pgdir, uint32_t va, pte_t *pte)
{
	struct page *old = phys_to_page(PTE_ADDR(*pte));
	struct page *copy;

	if (old == zero_page) {         /* the first write to a page read */
		copy = alloc_zeroed_user_page();
	} else if (old->count == 1) {   /* the other side already copied */
		*pte |= PTE_W;
		invlpg(va);
		return 0;
	} else if ((copy = alloc_user_page())) {
		memcpy(page_address(copy), page_address(old), PAGE_SIZE);
	}
	if (!copy)
		return -ENOMEM;
	return map_page(pgdir, va, copy, PTE_U | PTE_W);
}

/* The stack's VMA takes in va below it: down to RLIMIT_STACK, and never
   into the VMA below. */
static bool expand_stack(struct mm_struct *mm, struct vm_area_struct *vma,
			 uint32_t va)
{
	struct vm_area_struct *below = mm->mmap;

	if (!(vma->vm_flags & VM_GROWSDOWN) || va < USER_TOP - mm->stack_limit)
		return false;
	while (below && below->vm_next != vma)
		below = below->vm_next;
	if (below && below->vm_end > va)
		return false;
	mm->total_vm += (vma->vm_start - va) / PAGE_SIZE;
	vma->vm_start = va;
	return true;
}

/* Does the VMA allow this access? x86 cannot forbid reading a page it
   lets us write, nor executing one we may read. */
static bool access_allowed(const struct vm_area_struct *vma, bool write)
{
	if (write)
		return vma->vm_flags & VM_WRITE;
	return vma->vm_flags & VM_PROT_MASK;
}

/* A read of a page never written: the zero page, made once. */
static int map_zero_page(pte_t *pgdir, uint32_t va)
{
	if (!zero_page && !(zero_page = alloc_zeroed_user_page()))
		return -ENOMEM;
	return map_page(pgdir, va, zero_page, PTE_U);
}

/* Map pg (whose reference the mapping takes over), or drop it. */
static int install_page(pte_t *pgdir, uint32_t va, struct page *pg,
			uint32_t flags)
{
	if (map_page(pgdir, va, pg, flags | PTE_U) < 0) {
		put_page(pg);
		return -ENOMEM;
	}
	return 0;
}

/* Anonymous memory: zeros. Private reads share the zero page; a shared
   VMA's pages are real from the start (fork shares them). */
static int anon_fault(pte_t *pgdir, struct vm_area_struct *vma, uint32_t va,
		      bool write)
{
	bool shared = vma->vm_flags & VM_SHARED;
	struct page *pg;

	if (!write && !shared)
		return map_zero_page(pgdir, va);
	if (!(pg = alloc_zeroed_user_page()))
		return -ENOMEM;
	return install_page(pgdir, va, pg, vma_pte_flags(vma) |
			    (write ? PTE_W : 0));
}

/* A file's page from the page cache. Shared: that very page, writable
   once written (the CPU's dirty bit tells msync which to write back).
   Private: the same page read-only, or a copy for a write. */
static int file_fault(pte_t *pgdir, struct vm_area_struct *vma, uint32_t va,
		      bool write)
{
	int err = 0;
	uint32_t pgoff = vma->vm_pgoff + (va - vma->vm_start) / PAGE_SIZE;
	struct page *pg = vma->vm_ops->fault(vma, pgoff, &err), *copy;

	if (!pg)
		return err;
	if (!write || (vma->vm_flags & VM_SHARED))
		return install_page(pgdir, va, pg, write ? PTE_W : 0);
	copy = alloc_user_page();
	if (copy)
		memcpy(page_address(copy), page_address(pg), PAGE_SIZE);
	put_page(pg);
	return copy ? install_page(pgdir, va, copy, PTE_W) : -ENOMEM;
}

int handle_mm_fault(struct mm_struct *mm, uint32_t va, bool write)
{
	struct vm_area_struct *vma;
	pte_t *pte;

	if (va >= USER_TOP || !mm->pgdir)
		return -EFAULT;
	va = ALIGN_DOWN(va, PAGE_SIZE);
	vma = find_vma(mm, va);
	if (!vma || (va < vma->vm_start && !expand_stack(mm, vma, va)))
		return -EFAULT;
	if (!access_allowed(vma, write))
		return -EFAULT;
	pte = find_pte(mm->pgdir, va);
	if (pte && (*pte & PTE_P)) {
		if (!write || (*pte & PTE_W))
			return 0;       /* nothing to do */
		if (!(vma->vm_flags & VM_SHARED))
			return break_cow(mm->pgdir, va, pte);
		*pte |= PTE_W;          /* shared: the first write */
		invlpg(va);
		return 0;
	}
	if (vma->vm_file)
		return file_fault(mm->pgdir, vma, va, write);
	return anon_fault(mm->pgdir, vma, va, write);
}
