/*
 * A process's address space: its page directory and the regions the
 * page-fault handler may fill in. See kernel/mm/layout.h for the picture.
 */
#ifndef _MM_VM_H
#define _MM_VM_H

#include "include/types.h"
#include "arch/arch.h"

struct page;

/* What a process sees of memory: its page directory and its regions. */
struct mm_struct {
	pte_t *pgdir;               /* kernel virtual address of the page dir */
	/* Set by exec from the ELF program headers (gdb: p current->mm). */
	uint32_t start_code, end_code;  /* text: the executable segments */
	uint32_t start_data, end_data;  /* the writable segments' file part;
					   bss follows, up to start_brk */
	uint32_t start_brk, brk;    /* the heap: [start_brk, brk) */
	uint32_t start_stack;       /* the first stack pointer (at argc) */
	uint32_t arg_start, arg_end;    /* argv's strings (/proc/PID/cmdline) */
	uint32_t env_start, env_end;    /* and the environment's */
	uint32_t stack_limit;       /* the stack may grow down to USER_TOP -
				       stack_limit: RLIMIT_STACK, at most
				       STACK_MAX (set by exec and setrlimit) */
	int users;                  /* tasks using it (threads share it) */
};

/* mm_struct.c: an address space's life. mm_alloc gives an empty one
   (the kernel half only) with one user, NULL when out of memory; mm_dup
   is fork's copy-on-write copy; mmget adds a user (CLONE_VM), mmput
   drops one and frees everything with the last. init_mm is the kernel's
   own, with no user half: the idle task's and the kernel threads'. */
extern struct mm_struct init_mm;
struct mm_struct *mm_alloc(void);
struct mm_struct *mm_dup(struct mm_struct *old);
void mmget(struct mm_struct *mm);
void mmput(struct mm_struct *mm);

/* The address space in cr3: the one user pointers are resolved in. The
   scheduler changes it with switch_mm(); uaccess.c checks against it. */
extern struct mm_struct *active_mm;

#define USER_TOP     PAGE_OFFSET                 /* stack starts here */
#define STACK_MAX    (8 << 20)                   /* the stack may grow 8 MiB
						    at most; RLIMIT_STACK less */
#define STACK_BOTTOM (USER_TOP - STACK_MAX)
#define PTE_COW      0x200      /* software bit: read-only because shared
				   after fork; a write makes a private copy */

pte_t *pgdir_alloc(void);                       /* kernel half filled in */
void pgdir_free(pte_t *pgdir);                  /* frees user pages too */
void free_user_space(pte_t *pgdir);
int copy_user_space(pte_t *dst, pte_t *src);    /* fork: share, COW */
int map_page(pte_t *pgdir, uint32_t va, struct page *pg, uint32_t flags);
pte_t *find_pte(pte_t *pgdir, uint32_t va);     /* NULL if no page table */
void unmap_range(pte_t *pgdir, uint32_t start, uint32_t end);
void switch_mm(struct mm_struct *mm);           /* load cr3 */

/* Another address space's bytes, as /proc reads them: the pages that
   are present, up to the first that is not. The count copied. */
size_t access_process_vm(struct mm_struct *mm, uint32_t va, void *buf,
			 size_t n);
uint32_t mm_rss_pages(struct mm_struct *mm);    /* pages present */
uint32_t mm_pgtable_pages(struct mm_struct *mm);    /* its page tables */

/* fault.c: make the page at va present (and writable if write), as the
   CPU would find it after a page fault was handled. 0 or -EFAULT/-ENOMEM
   (-ENOMEM only when the OOM killer chose the caller, or has no one to
   kill). */
int handle_mm_fault(struct mm_struct *mm, uint32_t va, bool write);
/* The shared page of zeros that reads of untouched memory map. */
bool is_zero_page(const struct page *p);
/* Out of memory for a user page: fn (proc/oom_kill.c) kills a process
   and waits until its memory is back. It returns true to say "try
   again", false when the caller itself must give up (it is the victim,
   or there is no one to kill). */
void set_oom_killer(bool (*fn)(void));
/* A page of zeros for a user mapping or its page table: the OOM killer
   is asked before it is NULL. */
struct page *alloc_zeroed_user_page(void);

#endif
