/*
 * Virtual memory areas: the list that says what an address space is.
 *
 *   mm->mmap --> [08048000-08050000 r-x image] --> [08050000-08052000 rw-
 *                 image] --> [08052000-08075000 rw- heap] --> ...
 *                 --> [b7ff0000-b8000000 rw- anon] --> [bffdf000-c0000000
 *                 rw- stack, grows down] --> NULL
 *
 * Sorted by address and never overlapping, so "which VMA holds addr?" is
 * a walk to the first one that ends above it (find_vma). The page tables
 * only cache what the VMAs promise: a page may be missing (never touched,
 * or given back), and the fault handler (fault.c) fills it in from the
 * VMA's source. A change of protection or a hole in the middle of a VMA
 * first splits it, so that each VMA keeps one protection and one source;
 * neighbours that continue one another are joined again afterwards.
 */
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include <sprout/errno.h>

#define vma_pages(v) (((v)->vm_end - (v)->vm_start) / PAGE_SIZE)

struct vm_area_struct *find_vma(struct mm_struct *mm, uint32_t addr)
{
	struct vm_area_struct *v;

	for (v = mm->mmap; v; v = v->vm_next)
		if (v->vm_end > addr)
			return v;
	return NULL;
}

struct vm_area_struct *vma_at(struct mm_struct *mm, uint32_t addr)
{
	struct vm_area_struct *v = find_vma(mm, addr);

	return v && v->vm_start <= addr ? v : NULL;
}

struct vm_area_struct *vma_alloc(uint32_t start, uint32_t end,
				 uint32_t flags)
{
	struct vm_area_struct *v = kzalloc(sizeof(*v));

	if (v) {
		v->vm_start = start;
		v->vm_end = end;
		v->vm_flags = flags;
	}
	return v;
}

/* Into its place in the sorted list; the caller made room for it. */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct **link = &mm->mmap;

	while (*link && (*link)->vm_start < vma->vm_start)
		link = &(*link)->vm_next;
	vma->vm_next = *link;
	*link = vma;
	mm->total_vm += vma_pages(vma);
}

/* A second VMA on the same file: the file gains a user. */
static void vma_open(struct vm_area_struct *v)
{
	if (v->vm_ops && v->vm_ops->open)
		v->vm_ops->open(v);
}

int split_vma_at(struct mm_struct *mm, uint32_t addr)
{
	struct vm_area_struct *v = vma_at(mm, addr), *upper;

	if (!v || v->vm_start == addr)
		return 0;
	if (!(upper = kmalloc(sizeof(*upper))))
		return -ENOMEM;
	*upper = *v;
	upper->vm_start = addr;
	upper->vm_pgoff += (addr - v->vm_start) / PAGE_SIZE;
	v->vm_end = addr;
	v->vm_next = upper;
	vma_open(upper);
	return 0;
}

/* Does b carry on where a ends, as if one mapping? Anonymous memory
   only: file VMAs stay as mmap made them. */
static bool continues(const struct vm_area_struct *a,
		      const struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags &&
	       !a->vm_file && !b->vm_file;
}

void vma_merge_all(struct mm_struct *mm)
{
	struct vm_area_struct *v = mm->mmap, *next;

	while (v && (next = v->vm_next)) {
		if (continues(v, next)) {
			v->vm_end = next->vm_end;
			v->vm_next = next->vm_next;
			kfree(next);
		} else {
			v = next;
		}
	}
}

/* Take one VMA out of the list (link points at it) and free it, with
   its pages; a shared file mapping writes its pages back first. */
static void remove_vma(struct mm_struct *mm, struct vm_area_struct **link)
{
	struct vm_area_struct *v = *link;

	if (v->vm_flags & VM_SHARED && v->vm_file)
		sync_vma_range(mm, v, v->vm_start, v->vm_end);
	if (v->vm_ops && v->vm_ops->close)
		v->vm_ops->close(v);
	unmap_range(mm->pgdir, v->vm_start, v->vm_end);
	mm->total_vm -= vma_pages(v);
	*link = v->vm_next;
	kfree(v);
}

int do_munmap(struct mm_struct *mm, uint32_t start, uint32_t end)
{
	struct vm_area_struct **link = &mm->mmap;
	int err = split_vma_at(mm, start);

	if (!err)
		err = split_vma_at(mm, end);
	if (err)
		return err;
	while (*link && (*link)->vm_start < end) {
		if ((*link)->vm_start >= start)
			remove_vma(mm, link);
		else
			link = &(*link)->vm_next;
	}
	return 0;
}

void exit_mmap(struct mm_struct *mm)
{
	while (mm->mmap)
		remove_vma(mm, &mm->mmap);
}

/* Shared anonymous memory has no file to meet in: parent and child meet
   in the pages themselves, so every page must exist before the fork
   copies the page-table entries (a read fault gives such a VMA a page
   of its own, never the zero page). */
static int populate(struct mm_struct *mm, const struct vm_area_struct *v)
{
	for (uint32_t va = v->vm_start; va < v->vm_end; va += PAGE_SIZE) {
		int err = handle_mm_fault(mm, va, false);
		if (err)
			return err;
	}
	return 0;
}

int dup_mmap(struct mm_struct *mm, struct mm_struct *old)
{
	struct vm_area_struct **tail = &mm->mmap;
	int err = 0;

	for (struct vm_area_struct *v = old->mmap; v && !err; v = v->vm_next) {
		struct vm_area_struct *copy = kmalloc(sizeof(*copy));

		if (!copy) {
			err = -ENOMEM;
			break;
		}
		*copy = *v;
		copy->vm_next = NULL;
		vma_open(copy);
		*tail = copy;
		tail = &copy->vm_next;
		if ((v->vm_flags & VM_SHARED) && !v->vm_file)
			err = populate(old, v);
		if (!err)
			err = copy_page_range(mm->pgdir, old->pgdir, v);
	}
	mm->total_vm = old->total_vm;
	write_cr3(read_cr3());          /* the parent's PTEs changed: flush */
	return err;
}

uint32_t vma_pte_flags(const struct vm_area_struct *vma)
{
	if (!(vma->vm_flags & VM_PROT_MASK))
		return 0;               /* PROT_NONE: present, but not to user
					   mode: every access faults */
	if ((vma->vm_flags & (VM_WRITE | VM_SHARED)) == (VM_WRITE | VM_SHARED)
	    && !vma->vm_file)
		return PTE_U | PTE_W;
	return PTE_U;   /* writable only after a write fault decided how */
}
