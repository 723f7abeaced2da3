/*
 * execve(): replace the program a process runs, keeping the process
 * (its pid, parent, open files except close-on-exec ones, cwd, resource
 * limits).
 *
 *   1. find the file and check it: a regular file, executable, ELF32 i386
 *      or a #! script, whose interpreter is found and checked instead
 *      (binfmt_script.c)
 *   2. build the NEW address space on the side: load each PT_LOAD segment
 *      into fresh pages, put argv/envp/auxv on the new stack
 *   3. only then, the point of no return: drop the old address space,
 *      close close-on-exec files, reset caught signals, and point the saved
 *      user registers at the new entry point and stack
 *
 * An image too big for RLIMIT_DATA or RLIMIT_AS is ENOMEM, found just
 * before step 3. Anything that fails before step 3 returns an error to
 * the old program,
 * which goes on untouched.
 */
#include "proc/proc.h"
#include "sched/sched.h"
#include "proc/elf.h"
#include "signal/signal.h"
#include "mm/mm.h"
#include "fs/fs.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>

struct image {
	struct elf32_ehdr eh;
	struct elf32_phdr ph[16];
	struct mm_struct *mm;           /* the new address space */
	uint32_t start_code, end_code;  /* the executable segments */
	uint32_t start_data, end_data;  /* the writable ones, file part */
	uint32_t end;                   /* highest address of any segment */
	uint32_t phdr_addr;             /* where the program headers appear */
	char interp[BINPRM_BUF_SIZE];   /* a script's interpreter: the file
					   to load next */
	uint32_t arg_start, arg_end;    /* argv's strings on the new stack */
	uint32_t env_start, env_end;    /* then envp's */
	char *exe;                      /* the file loaded last, by its
					   absolute path: /proc/PID/exe */
};

/* The longest chain of #! scripts exec follows, each one's interpreter
   the next (the last is ELF): Linux's limit, ELOOP beyond. */
#define MAX_SCRIPTS 5

/* Read exactly n bytes at pos: a file that ends too soon is not a valid
   executable (ENOEXEC); a disk error is passed on as it is. */
static int read_exact(struct inode *ino, void *buf, uint32_t pos, size_t n)
{
	ssize_t got = inode_read(ino, buf, pos, n);

	if (got < 0)
		return (int)got;
	return (size_t)got == n ? 0 : -ENOEXEC;
}

static int read_headers(struct inode *ino, struct image *im)
{
	const struct elf32_ehdr *eh = &im->eh;
	int err = read_exact(ino, &im->eh, 0, sizeof(im->eh));

	if (err)
		return err;
	if (eh->e_magic != ELF_MAGIC || eh->e_class != ELFCLASS32 ||
	    eh->e_data != ELFDATA2LSB || eh->e_type != ET_EXEC ||
	    eh->e_machine != EM_386 ||
	    eh->e_phentsize != sizeof(struct elf32_phdr) ||
	    eh->e_phnum == 0 || eh->e_phnum > ARRAY_SIZE(im->ph))
		return -ENOEXEC;
	return read_exact(ino, im->ph, eh->e_phoff,
			  eh->e_phnum * sizeof(struct elf32_phdr));
}

/* The page of the new image at va, allocating and mapping it if new. */
static char *image_page(struct image *im, uint32_t va, uint32_t flags)
{
	pte_t *pte = find_pte(im->mm->pgdir, va);
	struct page *pg;

	if (pte && (*pte & PTE_P)) {
		*pte |= flags;          /* two segments may share a page */
		return __va(PTE_ADDR(*pte));
	}
	pg = alloc_page();
	if (!pg)
		return NULL;
	clear_words(page_address(pg), PAGE_SIZE / 4);
	if (map_page(im->mm->pgdir, va, pg, flags) < 0) {
		put_page(pg);
		return NULL;
	}
	return page_address(pg);
}

/* Widen the span [*start, *end) to take in [lo, hi). An empty span has
   *end == 0: segments lie at PAGE_SIZE and above. */
static void widen(uint32_t *start, uint32_t *end, uint32_t lo, uint32_t hi)
{
	if (*end == 0 || lo < *start)
		*start = lo;
	if (hi > *end)
		*end = hi;
}

/* Record where the segment's code or data is, for the mm_struct. */
static void note_segment(struct image *im, const struct elf32_phdr *ph)
{
	uint32_t file_end = ph->p_vaddr + ph->p_filesz;

	if (ph->p_flags & PF_X)
		widen(&im->start_code, &im->end_code, ph->p_vaddr, file_end);
	if (ph->p_flags & PF_W)
		widen(&im->start_data, &im->end_data, ph->p_vaddr, file_end);
	if (ph->p_vaddr + ph->p_memsz > im->end)
		im->end = ph->p_vaddr + ph->p_memsz;
}

/*
 * The segment's VMA: [start, end) with the segment's protection, marked
 * as the program's own (/proc/PID/maps names the file). Segments come
 * in address order; one that starts in the last page of the one before
 * shares that page, which then gets a VMA of its own with both
 * segments' rights (the page table already has them, image_page).
 */
static int image_vma(struct mm_struct *mm, uint32_t start, uint32_t end,
		     uint32_t flags, uint32_t pgoff)
{
	struct vm_area_struct *v;
	int err = 0;

	if (vma_at(mm, start)) {
		if ((err = split_vma_at(mm, start)) ||
		    (err = split_vma_at(mm, start + PAGE_SIZE)))
			return err;
		vma_at(mm, start)->vm_flags |= flags;
		start += PAGE_SIZE;
		pgoff++;
	}
	if (start >= end)
		return 0;
	if (!(v = vma_alloc(start, end, flags)))
		return -ENOMEM;
	v->vm_pgoff = pgoff;            /* for /proc/PID/maps */
	vma_link(mm, v);
	return 0;
}

static uint32_t segment_vm_flags(const struct elf32_phdr *ph)
{
	return VM_IMAGE | VM_MAYWRITE | ((ph->p_flags & PF_R) ? VM_READ : 0) |
	       ((ph->p_flags & PF_W) ? VM_WRITE : 0) |
	       ((ph->p_flags & PF_X) ? VM_EXEC : 0);
}

static int load_segment(struct inode *ino, struct image *im,
			const struct elf32_phdr *ph)
{
	uint32_t end = ph->p_vaddr + ph->p_memsz;
	uint32_t flags = PTE_U | ((ph->p_flags & PF_W) ? PTE_W : 0);
	int err = 0;

	if (ph->p_filesz > ph->p_memsz || end < ph->p_vaddr ||
	    end > STACK_BOTTOM || ph->p_vaddr < PAGE_SIZE ||
	    ph->p_offset + ph->p_filesz < ph->p_offset)
		return -ENOEXEC;
	for (uint32_t va = ALIGN_DOWN(ph->p_vaddr, PAGE_SIZE); !err && va < end;
	     va += PAGE_SIZE) {
		char *page = image_page(im, va, flags);
		if (!page)
			return -ENOMEM;
		/* The part of this page that comes from the file. */
		uint32_t lo = va < ph->p_vaddr ? ph->p_vaddr : va;
		uint32_t hi = va + PAGE_SIZE;
		if (hi > ph->p_vaddr + ph->p_filesz)
			hi = ph->p_vaddr + ph->p_filesz;
		if (lo < hi)
			err = read_exact(ino, page + (lo - va),
					 ph->p_offset + (lo - ph->p_vaddr), hi - lo);
	}
	if (!err)
		err = image_vma(im->mm, ALIGN_DOWN(ph->p_vaddr, PAGE_SIZE),
				ALIGN_UP(end, PAGE_SIZE), segment_vm_flags(ph),
				ph->p_offset / PAGE_SIZE);
	if (err)
		return err;
	if (ph->p_offset <= im->eh.e_phoff &&
	    im->eh.e_phoff < ph->p_offset + ph->p_filesz)
		im->phdr_addr = ph->p_vaddr + (im->eh.e_phoff - ph->p_offset);
	note_segment(im, ph);
	return 0;
}

static int load_image(struct inode *ino, struct image *im)
{
	int err = read_headers(ino, im);

	for (int i = 0; !err && i < im->eh.e_phnum; i++)
		if (im->ph[i].p_type == PT_LOAD)
			err = load_segment(ino, im, &im->ph[i]);
	if (!err && !im->end)
		err = -ENOEXEC;
	return err;
}

/*
 * Below the strings: 16 random bytes, then, 16-byte aligned, what the
 * i386 System V ABI promises at process entry:
 *
 *   esp -> argc, argv[0..argc-1], NULL, envp[0..envc-1], NULL,
 *          auxv pairs (type, value) ..., AT_NULL
 */
static int push_words(struct exec_args *a, uint32_t *at, const uint32_t *w,
		      size_t n)
{
	int err = exec_args_write(a, *at, w, n * 4);

	*at += n * 4;
	return err;
}

/* Push pointers to the next n strings (which start at *str) and a NULL. */
static int push_string_ptrs(struct exec_args *a, uint32_t *at, uint32_t *str,
			    int n)
{
	uint32_t zero = 0;
	int err = 0;

	for (int i = 0; !err && i < n; i++) {
		err = push_words(a, at, str, 1);
		*str += exec_args_strlen(a, *str) + 1;
	}
	return err ? err : push_words(a, at, &zero, 1);
}

static int build_stack(struct exec_args *a, struct image *im, uint32_t *esp)
{
	uint64_t seed[2] = { rdtsc(), rdtsc() * 0x9E3779B97F4A7C15ULL };
	uint32_t random_at = a->sp - sizeof(seed), str = a->sp, at;
	uint32_t auxv[] = {
		AT_PHDR, im->phdr_addr, AT_PHENT, sizeof(struct elf32_phdr),
		AT_PHNUM, im->eh.e_phnum, AT_PAGESZ, PAGE_SIZE,
		AT_ENTRY, im->eh.e_entry, AT_UID, 0, AT_EUID, 0,
		AT_RANDOM, random_at, AT_NULL, 0,
	};
	uint32_t words = 1 + a->argc + 1 + a->envc + 1 + ARRAY_SIZE(auxv);
	uint32_t argc = a->argc;
	int err = exec_args_write(a, random_at, seed, sizeof(seed));

	*esp = at = ALIGN_DOWN(random_at - words * 4, 16);
	if (!err)
		err = push_words(a, &at, &argc, 1);
	im->arg_start = str;
	if (!err)
		err = push_string_ptrs(a, &at, &str, a->argc);
	im->arg_end = im->env_start = str;
	if (!err)
		err = push_string_ptrs(a, &at, &str, a->envc);
	im->env_end = str;
	if (!err)
		err = push_words(a, &at, auxv, ARRAY_SIZE(auxv));
	return err;
}

/* The stack's VMA: from the first stack pointer's page to the top; it
   grows down from there as the program pushes (mm/fault.c). */
static int stack_vma(struct mm_struct *mm, uint32_t esp)
{
	struct vm_area_struct *v = vma_alloc(ALIGN_DOWN(esp, PAGE_SIZE),
					     USER_TOP, VM_READ | VM_WRITE |
					     VM_MAYWRITE | VM_GROWSDOWN);

	if (!v)
		return -ENOMEM;
	vma_link(mm, v);
	return 0;
}

/* Hand the argument pages to the new page directory, top of the stack. */
static int map_arg_pages(struct exec_args *a, pte_t *pgdir)
{
	for (int i = 0; i < MAX_ARG_PAGES; i++) {
		if (!a->page[i])
			continue;
		if (map_page(pgdir, USER_TOP - (i + 1) * PAGE_SIZE, a->page[i],
			     PTE_U | PTE_W) < 0)
			return -ENOMEM;
		a->page[i] = NULL;      /* owned by the page table now */
	}
	return 0;
}

static int check_file(struct inode *ino)
{
	if (!S_ISREG(ino->i_mode))
		return -EACCES;
	return inode_permission(ino, X_OK);
}

static void set_comm(const char *path)
{
	const char *base = path;

	for (const char *p = path; *p; p++)
		if (*p == '/' && p[1])
			base = p + 1;
	strlcpy(current->comm, base, sizeof(current->comm));
}

/* Where namei found the program, as an absolute path of its own
   length: "./prog" in /bin is "/bin/prog", whatever way exec named it. */
static char *exe_path(struct inode *dir, const char *name)
{
	char *buf = kmalloc(PATH_MAX), *path = NULL;
	int n = buf ? dir_entry_path(dir, name, buf) : -ENOMEM;

	if (n >= 0 && (path = kmalloc(n + 1)))
		memcpy(path, buf, n + 1);
	kfree(buf);
	return path;
}

/* The layout of the address space the image made, with the break at
   its end. */
static void image_mm(struct image *im, uint32_t esp)
{
	struct mm_struct *mm = im->mm;

	*mm = (struct mm_struct){
		.pgdir = mm->pgdir, .users = 1, .mmap = mm->mmap,
		.total_vm = mm->total_vm,
		.start_code = im->start_code, .end_code = im->end_code,
		.start_data = im->start_data, .end_data = im->end_data,
		.start_brk = ALIGN_UP(im->end, PAGE_SIZE),
		.brk = ALIGN_UP(im->end, PAGE_SIZE), .start_stack = esp,
		.arg_start = im->arg_start, .arg_end = im->arg_end,
		.env_start = im->env_start, .env_end = im->env_end,
	};
}

/* Step 3: from here on nothing can fail. The resource limits stay. */
static void commit_exec(struct image *im, uint32_t esp, const char *path)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct mm_struct *old = current->mm;

	mm_release(current);            /* CLEARTID, a vfork parent */
	current->mm = im->mm;
	im->mm = NULL;
	set_stack_limit(current);               /* RLIMIT_STACK, for mm/ */
	switch_mm(current->mm);
	fpu_init_state(&current->fpu);          /* a clean FPU, as at boot */
	fpu_restore(&current->fpu);
	current->tls = (struct tls_state){ { 0 } };     /* no TLS segments */
	tls_load(&current->tls);
	current->robust_list = 0;                       /* tid.c */
	mmput(old);
	if (current->files)
		files_close_on_exec(current->files);
	flush_signal_handlers(current);         /* caught -> default */
	set_comm(path);
	kfree(current->exe_path);
	current->exe_path = im->exe;
	im->exe = NULL;
	current->did_exec = true;       /* the parent may no longer setpgid us */
	*regs = (struct pt_regs){
		.eip = im->eh.e_entry, .esp = esp, .eflags = FL_IF | FL_FIXED,
		.cs = USER_CS, .ss = USER_DS, .ds = USER_DS, .es = USER_DS,
		.fs = USER_DS, .gs = USER_DS, .trapno = T_SYSCALL,
	};
}

/*
 * Load the program at path into im, the way Linux tries its binary
 * formats in turn: ELF, else a #! script, whose interpreter is then
 * loaded in the same way. Each format says -ENOEXEC for a file not its
 * own, so a file that is neither stays ENOEXEC.
 */
static int load_program(const char *path, struct image *im,
			struct exec_args *args)
{
	const char *file = path;

	for (int depth = 0;; depth++) {
		struct inode *ino, *dir = NULL;  /* none for a directory */
		char *name = NULL;
		bool script = false;
		int err = namei_where(file, true, &ino, &dir, &name);

		if (err)
			return err;
		err = check_file(ino);
		if (!err)
			err = load_image(ino, im);
		if (err == -ENOEXEC) {
			err = load_script(ino, file, im->interp, args);
			script = !err;
		}
		if (!err && !script && !(im->exe = exe_path(dir, name)))
			err = -ENOMEM;
		iput(ino);
		iput(dir);
		kfree(name);
		if (!script)
			return err;
		if (depth + 1 > MAX_SCRIPTS)    /* scripts in the chain */
			return -ELOOP;
		file = im->interp;
	}
}

int do_execve(const char *path, struct exec_args *args)
{
	struct image *im = kzalloc(sizeof(*im));
	uint32_t esp;
	int err = 0;

	if (!im)
		return -ENOMEM;
	if (!(im->mm = mm_alloc()))
		err = -ENOMEM;
	if (!err) {
		fs_lock();
		err = load_program(path, im, args);
		fs_unlock();
	}
	if (!err)
		err = build_stack(args, im, &esp);
	if (!err)
		err = map_arg_pages(args, im->mm->pgdir);
	if (!err)
		err = stack_vma(im->mm, esp);
	if (!err) {
		image_mm(im, esp);
		if (!mm_within_rlimits(im->mm))  /* RLIMIT_DATA, RLIMIT_AS */
			err = -ENOMEM;
	}
	if (!err)
		err = de_thread();      /* the only thread left, pid = tgid */
	if (!err)
		commit_exec(im, esp, path);
	else if (im->mm)
		mmput(im->mm);
	kfree(im->exe);
	kfree(im);
	return err;
}

/* POSIX types argv as char *const[]; the strings are only read, here as
   const char. */
long sys_execve(const char *upath, char *const *uargv, char *const *uenvp)
{
	struct exec_args args;
	char *path = kmalloc(PATH_MAX);
	long err;

	if (!path)
		return -ENOMEM;
	exec_args_init(&args);
	err = strncpy_from_user(path, upath, PATH_MAX);
	if (err >= 0)
		err = args.envc = exec_args_push_vector(&args,
					(const char *const *)uenvp, true);
	if (err >= 0)
		err = args.argc = exec_args_push_vector(&args,
					(const char *const *)uargv, true);
	if (err >= 0)
		err = do_execve(path, &args);
	exec_args_free(&args);
	kfree(path);
	return err;
}
