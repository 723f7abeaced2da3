/*
 * Page faults from user space, and the same logic for the kernel's own
 * copies to and from user memory (uaccess.c). A fault is not always an
 * error:
 *
 *   present, write, PTE_COW   a page shared since fork, or the zero page:
 *                             copy it (or, if we are its last user, just
 *                             make it writable)
 *   not present, in the heap  brk() only reserved it: a read maps the
 *   or the stack (which       shared zero page, read-only; a write gets
 *   grows down on demand)     a page of its own
 *   anything else             a bad access: the caller sends SIGSEGV
 *
 * The zero page, as in Linux: one frame of zeros, mapped read-only and
 * copy-on-write wherever a program reads memory it never wrote, so that
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

static int break_cow(pte_t *pgdir, uint32_t va, pte_t *pte)
{
	struct page *old = phys_to_page(PTE_ADDR(*pte));
	struct page *copy;

	if (old == zero_page) {         /* the first write to a page read */
		copy = alloc_zeroed_user_page();
	} else if (old->count == 1) {   /* the other side already copied */
		*pte = (*pte & ~PTE_COW) | PTE_W;
		invlpg(va);
		return 0;
	} else if ((copy = alloc_user_page())) {
		memcpy(page_address(copy), page_address(old), PAGE_SIZE);
	}
	if (!copy)
		return -ENOMEM;
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

/* A read of a page never written: the zero page, made once. */
static int map_zero_page(pte_t *pgdir, uint32_t va)
{
	if (!zero_page && !(zero_page = alloc_zeroed_user_page()))
		return -ENOMEM;
	return map_page(pgdir, va, zero_page, PTE_U | PTE_COW);
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
	if (!write)
		return map_zero_page(mm->pgdir, va);
	if (!(pg = alloc_zeroed_user_page()))
		return -ENOMEM;
	if (map_page(mm->pgdir, va, pg, PTE_U | PTE_W) < 0) {
		put_page(pg);
		return -ENOMEM;
	}
	return 0;
}
