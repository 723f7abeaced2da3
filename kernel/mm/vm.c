/*
 * Page directories and page tables of user processes.
 *
 * Every page directory has two halves:
 *
 *   entries 0..767    user space: this process's own page tables
 *   entries 768..1023 kernel: copied from swapper_pg_dir, pointing at the
 *                     same kernel page tables in every process
 *
 * Because the kernel half is shared, creating an address space copies
 * 256 words, and a system call never needs to switch page tables.
 */
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define USER_PDES ((int)KERNEL_PDE)

static pte_t *table_of(pte_t pde)
{
	return __va(PTE_ADDR(pde));
}

/*
 * The index of the first non-zero entry of t[from..n), or n. An entry
 * not in use (PTE or PDE) is 0, and a process uses few: its page tables
 * are mostly empty stretches. repe scasl walks a stretch in one
 * instruction per entry (compare eax with the next word, go on while
 * equal), where a C loop takes five or six; it stops one word past the
 * first non-zero one.
 */
static int next_used(const pte_t *t, int from, int n)
{
	const pte_t *p = t + from;
	uint32_t left = n - from;
	bool found;

	if (from >= n)
		return n;
	__asm__("repe scasl"
		: "+D"(p), "+c"(left), "=@ccnz"(found)
		: "a"(0), "m"(*(const pte_t (*)[n])t));
	return found ? p - 1 - t : n;
}

/* for (each i in [0, n) where t[i] != 0) */
#define for_each_used(i, t, n) \
	for (int i = next_used(t, 0, n); i < (n); i = next_used(t, i + 1, n))

pte_t *pgdir_alloc(void)
{
	pte_t *pgdir = __get_free_page();

	if (pgdir) {
		clear_words(pgdir, USER_PDES);
		memcpy(pgdir + KERNEL_PDE, swapper_pg_dir + KERNEL_PDE,
		       (PTRS_PER_TABLE - KERNEL_PDE) * sizeof(pte_t));
	}
	return pgdir;
}

struct mm_struct *active_mm;

/* A kernel thread has no user space (pgdir NULL): it runs on the
   kernel's own page directory, and every user pointer is bad. */
void switch_mm(struct mm_struct *mm)
{
	active_mm = mm;
	write_cr3(__pa(mm->pgdir ? mm->pgdir : swapper_pg_dir));
}

pte_t *find_pte(pte_t *pgdir, uint32_t va)
{
	pte_t pde = pgdir[PDE_INDEX(va)];

	return (pde & PTE_P) ? &table_of(pde)[PTE_INDEX(va)] : NULL;
}

/* The page-table entry for va, creating the page table if needed. */
static pte_t *make_pte(pte_t *pgdir, uint32_t va)
{
	pte_t *pde = &pgdir[PDE_INDEX(va)];

	if (!(*pde & PTE_P)) {
		struct page *table = alloc_zeroed_user_page();
		if (!table)
			return NULL;
		*pde = page_to_phys(table) | PTE_P | PTE_W | PTE_U;
	}
	return &table_of(*pde)[PTE_INDEX(va)];
}

/* A user page's reference, taken and dropped per mapping: not for the
   zero page, which belongs to no one (fault.c). */
static void get_user_page(pte_t pte)
{
	struct page *p = phys_to_page(PTE_ADDR(pte));

	if (!is_zero_page(p))
		get_page(p);
}

static void put_user_page(pte_t pte)
{
	struct page *p = phys_to_page(PTE_ADDR(pte));

	if (!is_zero_page(p))
		put_page(p);
}

/* Map one page (its reference now belongs to the page table). */
int map_page(pte_t *pgdir, uint32_t va, struct page *pg, uint32_t flags)
{
	pte_t *pte = make_pte(pgdir, va);

	if (!pte)
		return -ENOMEM;
	if (*pte & PTE_P)
		put_user_page(*pte);
	*pte = page_to_phys(pg) | flags | PTE_P;
	if (pgdir == (pte_t *)__va(read_cr3()))
		invlpg(va);
	return 0;
}

/* Drop the pages of [start, end), leaving the page tables in place. */
void unmap_range(pte_t *pgdir, uint32_t start, uint32_t end)
{
	for (uint32_t va = start; va < end; va += PAGE_SIZE) {
		pte_t *pte = find_pte(pgdir, va);
		if (!pte || !(*pte & PTE_P))
			continue;
		put_user_page(*pte);
		*pte = 0;
		invlpg(va);
	}
}

/* Exit and exec: drop every user page and page table. */
void free_user_space(pte_t *pgdir)
{
	for_each_used(i, pgdir, USER_PDES) {
		if (!(pgdir[i] & PTE_P))
			continue;
		pte_t *table = table_of(pgdir[i]);
		for_each_used(j, table, PTRS_PER_TABLE)
			if (table[j] & PTE_P)
				put_user_page(table[j]);
		free_page_addr(table);
		pgdir[i] = 0;
	}
}

void pgdir_free(pte_t *pgdir)
{
	free_user_space(pgdir);
	free_page_addr(pgdir);
}

/*
 * fork: the child's page tables point at the parent's pages for one VMA.
 * A private VMA's writable pages become read-only in both, and each
 * page gains a reference; the first write by either side copies that
 * one page (see fault.c). A shared VMA's entries are copied as they
 * are: both sides write the same pages. Nothing else is copied.
 */
int copy_page_range(pte_t *dst, pte_t *src,
		    const struct vm_area_struct *vma)
{
	bool shared = vma->vm_flags & VM_SHARED;
	uint32_t va = vma->vm_start;

	while (va < vma->vm_end) {
		pte_t *from = find_pte(src, va), *to;

		if (!from) {            /* no page table: skip its 4 MiB */
			va = ALIGN_DOWN(va, PGDIR_SIZE) + PGDIR_SIZE;
			if (!va)
				break;
			continue;
		}
		if (*from & PTE_P) {
			if (!(to = make_pte(dst, va)))
				return -ENOMEM;         /* caller frees dst */
			if (!shared)
				*from &= ~PTE_W;
			*to = *from;
			get_user_page(*from);
		}
		va += PAGE_SIZE;
	}
	return 0;
}

/* mremap: the pages of [from, from + len) move to [to, to + len), each
   with its reference; the old entries are left empty. */
int move_page_range(pte_t *pgdir, uint32_t from, uint32_t to, uint32_t len)
{
	for (uint32_t off = 0; off < len; off += PAGE_SIZE) {
		pte_t *src = find_pte(pgdir, from + off), *dst;

		if (!src || !(*src & PTE_P))
			continue;
		if (!(dst = make_pte(pgdir, to + off)))
			return -ENOMEM;
		*dst = *src;
		*src = 0;
		invlpg(from + off);
		invlpg(to + off);
	}
	return 0;
}

/* Bytes of a process that may not be the current one: through its page
   tables, not through cr3. A page not present (never touched, or past
   the heap) ends the copy: reading must not fault pages in for another
   process. A copy-on-write page is present and read-only: it reads as
   it is. */
size_t access_process_vm(struct mm_struct *mm, uint32_t va, void *buf,
			 size_t n)
{
	size_t done = 0;

	while (done < n && mm->pgdir && va + done >= va &&
	       va + done < USER_TOP) {
		uint32_t at = va + done, off = at % PAGE_SIZE;
		size_t chunk = PAGE_SIZE - off;
		pte_t *pte = find_pte(mm->pgdir, at);

		if (!pte || (*pte & (PTE_P | PTE_U)) != (PTE_P | PTE_U))
			break;
		if (chunk > n - done)
			chunk = n - done;
		memcpy((char *)buf + done, (char *)__va(PTE_ADDR(*pte)) + off,
		       chunk);
		done += chunk;
	}
	return done;
}

/* The resident set: user pages present in the page tables, except the
   zero page, which is not this process's (nor anyone's). */
uint32_t mm_rss_pages(struct mm_struct *mm)
{
	uint32_t n = 0;

	for_each_used(i, mm->pgdir, mm->pgdir ? USER_PDES : 0) {
		if (!(mm->pgdir[i] & PTE_P))
			continue;
		pte_t *table = table_of(mm->pgdir[i]);
		for_each_used(j, table, PTRS_PER_TABLE)
			n += (table[j] & PTE_P) &&
			     !is_zero_page(phys_to_page(PTE_ADDR(table[j])));
	}
	return n;
}

/* The page tables of the user half: memory the process costs too. */
uint32_t mm_pgtable_pages(struct mm_struct *mm)
{
	uint32_t n = 0;

	for_each_used(i, mm->pgdir, mm->pgdir ? USER_PDES : 0)
		n += (mm->pgdir[i] & PTE_P) != 0;
	return n;
}
