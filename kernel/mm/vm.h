/*
 * A process's address space: its page directory and the regions the
 * page-fault handler may fill in. See kernel/mm/layout.h for the picture.
 */
#ifndef _MM_VM_H
#define _MM_VM_H

#include "include/types.h"
#include "arch/arch.h"

struct page;
struct file;                    /* fs/'s: a mapped file, only pointed at */
struct vm_area_struct;

/* What a mapped file does for the fault handler and msync (fs/filemap.c
   fills it in: mm/ knows no files). */
struct vm_operations_struct {
	/* A new VMA maps the file (mmap, fork, a split): one more user. */
	void (*open)(struct vm_area_struct *vma);
	/* The VMA is gone: one user less. */
	void (*close)(struct vm_area_struct *vma);
	/* The page-cache page of file page pgoff, with a reference for the
	   caller; NULL with *err (-EIO, -ENOMEM, -EFAULT past the end). */
	struct page *(*fault)(struct vm_area_struct *vma, uint32_t pgoff,
			      int *err);
	/* A shared page the program wrote: its bytes go to the file (the
	   page cache's page is dirty, its blocks allocated). 0 or -errno. */
	int (*writepage)(struct vm_area_struct *vma, struct page *pg,
			 uint32_t pgoff);
	/* msync(MS_SYNC): and on to the disk. */
	int (*fsync)(struct vm_area_struct *vma);
};

/*
 * A virtual memory area: one run of pages [vm_start, vm_end) with one
 * protection and one source (zeros, or a file from page vm_pgoff on).
 * An address space is a list of them, sorted by address, never
 * overlapping; an address in no VMA is not the program's (SIGSEGV).
 */
struct vm_area_struct {
	uint32_t vm_start, vm_end;      /* page aligned, end exclusive */
	uint32_t vm_flags;              /* VM_* below */
	uint32_t vm_pgoff;              /* file page at vm_start */
	struct file *vm_file;           /* NULL: anonymous memory */
	const struct vm_operations_struct *vm_ops;      /* with vm_file */
	struct vm_area_struct *vm_next;  /* the next one up, or NULL */
};

#define VM_READ      0x0001     /* what the program may do now ... */
#define VM_WRITE     0x0002
#define VM_EXEC      0x0004
#define VM_SHARED    0x0008     /* writes are seen by every mapper
				   (and reach the file); no COW at fork */
#define VM_MAYWRITE  0x0020     /* ... and what mprotect may allow:
				   a shared file opened read-only can
				   never be made writable */
#define VM_GROWSDOWN 0x0100     /* the stack: extends down on a fault */
#define VM_IMAGE     0x1000     /* the program's own segments (exec):
				   /proc/PID/maps names the executable */
#define VM_PROT_MASK (VM_READ | VM_WRITE | VM_EXEC)

/* What a process sees of memory: its page directory and its regions. */
struct mm_struct {
	pte_t *pgdir;               /* kernel virtual address of the page dir */
	struct vm_area_struct *mmap;    /* the VMAs, lowest first */
	uint32_t total_vm;          /* pages in all VMAs: RLIMIT_AS's count */
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

pte_t *pgdir_alloc(void);                       /* kernel half filled in */
void pgdir_free(pte_t *pgdir);                  /* frees user pages too */
void free_user_space(pte_t *pgdir);
/* fork: the child's page-table entries for vma's range point at the
   parent's pages: shared ones as they are, private ones COW in both. */
int copy_page_range(pte_t *dst, pte_t *src,
		    const struct vm_area_struct *vma);
int map_page(pte_t *pgdir, uint32_t va, struct page *pg, uint32_t flags);
pte_t *find_pte(pte_t *pgdir, uint32_t va);     /* NULL if no page table */
int move_page_range(pte_t *pgdir, uint32_t from, uint32_t to, uint32_t len);
void unmap_range(pte_t *pgdir, uint32_t start, uint32_t end);
void switch_mm(struct mm_struct *mm);           /* load cr3 */

/* Another address space's bytes, as /proc reads them: the pages that
   are present, up to the first that is not. The count copied. */
size_t access_process_vm(struct mm_struct *mm, uint32_t va, void *buf,
			 size_t n);
uint32_t mm_rss_pages(struct mm_struct *mm);    /* pages present */
uint32_t mm_pgtable_pages(struct mm_struct *mm);    /* its page tables */

/* vma.c: the list. find_vma: the first VMA that ends above addr (it may
   start above it too), NULL if none. The others 0 or -ENOMEM. */
struct vm_area_struct *find_vma(struct mm_struct *mm, uint32_t addr);
/* The VMA holding addr, or NULL. */
struct vm_area_struct *vma_at(struct mm_struct *mm, uint32_t addr);
struct vm_area_struct *vma_alloc(uint32_t start, uint32_t end,
				 uint32_t flags);
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);
/* Make addr a VMA boundary (splitting the VMA across it). */
int split_vma_at(struct mm_struct *mm, uint32_t addr);
/* Join each VMA with the next where they continue one another. */
void vma_merge_all(struct mm_struct *mm);
/* Remove [start, end) from the address space: its VMAs (split at the
   ends), pages and files. 0 or -ENOMEM (a split needs a VMA). */
int do_munmap(struct mm_struct *mm, uint32_t start, uint32_t end);
void exit_mmap(struct mm_struct *mm);           /* every VMA goes */
int dup_mmap(struct mm_struct *mm, struct mm_struct *old);     /* fork */
/* The pages a VMA's flags give its present pages (PTE bits). */
uint32_t vma_pte_flags(const struct vm_area_struct *vma);

/* mmap.c: map len bytes (a page multiple, not 0) as a VMA with vm_flags
   (VM_*), at addr if flags (MAP_*) say MAP_FIXED or MAP_FIXED_NOREPLACE,
   else near it if free, else where get_unmapped_area finds room;
   anonymous if file is NULL, else from file page pgoff through ops.
   The address, or -errno. as_limit: RLIMIT_AS in bytes. */
long do_mmap(struct mm_struct *mm, uint32_t addr, uint32_t len,
	     uint32_t vm_flags, int flags, struct file *file,
	     const struct vm_operations_struct *ops, uint32_t pgoff,
	     uint64_t as_limit);
/* Where mmap puts what it places itself: top-down below the stack's
   region, down to MMAP_MIN (NULL's neighbourhood stays unmapped). */
#define MMAP_BASE    STACK_BOTTOM
#define MMAP_MIN     0x10000
/* A free range of len bytes, top-down from MMAP_BASE; 0 if none. */
uint32_t get_unmapped_area(struct mm_struct *mm, uint32_t len);
/* Is there room to add npages pages under as_limit bytes? */
bool may_expand_vm(struct mm_struct *mm, uint32_t npages, uint64_t as_limit);
/* brk: the heap VMA [start_brk, ALIGN_UP(brk)) follows a new break.
   0, or -ENOMEM if it would run into another mapping. */
int do_brk(struct mm_struct *mm, uint32_t brk);
/* msync.c: the pages of [start, end) (inside vma, a shared file's) that
   the CPU marked dirty are written to the file; 0 or -errno. */
int sync_vma_range(struct mm_struct *mm, struct vm_area_struct *vma,
		   uint32_t start, uint32_t end);
/* mprotect.c: PROT_* to VM_READ/WRITE/EXEC. */
uint32_t prot_to_vm(int prot);
/* mremap.c: sys_mremap's work, with RLIMIT_AS from above. */
long do_mremap(struct mm_struct *mm, uint32_t addr, uint32_t old_len,
	       uint32_t new_len, int flags, uint32_t new_addr,
	       uint64_t as_limit);

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
