/*
 * An address space's life: made by exec, copied by fork, shared by the
 * threads of a process (clone with CLONE_VM), freed by the last task to
 * let go of it.
 *
 *   task A ---+
 *   task B ---+--> struct mm_struct  users = 3  --> page directory
 *   task C ---+        (pgdir, brk, ...)             --> page tables
 *
 * A task holds one reference; exit and exec drop it (mmput). The pages
 * go back only when no task uses the address space any more, so one
 * thread's exit leaves its siblings' memory alone.
 */
#include "mm/mm.h"
#include "lib/lib.h"

/* The kernel's own address space: no user half (pgdir NULL means the
   kernel's swapper_pg_dir). The idle task and kernel threads run in
   it; it is never freed, so its users are not counted. */
struct mm_struct init_mm;

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	mm->users = 1;
	if (!(mm->pgdir = pgdir_alloc())) {
		kfree(mm);
		return NULL;
	}
	return mm;
}

/* fork: the child's copy: the same VMAs, whose pages are shared
   copy-on-write (private ones) or simply shared (MAP_SHARED ones). */
struct mm_struct *mm_dup(struct mm_struct *old)
{
	struct mm_struct *mm;
	pte_t *pgdir;

	if (old == &init_mm)
		return old;
	if (!(mm = mm_alloc()))
		return NULL;
	pgdir = mm->pgdir;
	*mm = *old;
	mm->pgdir = pgdir;
	mm->users = 1;
	mm->mmap = NULL;
	if (dup_mmap(mm, old) < 0) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

void mmget(struct mm_struct *mm)
{
	if (mm != &init_mm)
		mm->users++;
}

void mmput(struct mm_struct *mm)
{
	if (mm == &init_mm || --mm->users > 0)
		return;
	exit_mmap(mm);          /* shared file pages reach the file */
	pgdir_free(mm->pgdir);
	kfree(mm);
}
