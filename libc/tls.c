/*
 * Thread-local storage (__thread variables) and the start of the main
 * thread.
 *
 * The linker gathers every __thread variable into the program's TLS
 * segment (the PT_TLS program header): .tdata, the ones with initial
 * values, then .tbss, the zero ones. That segment is only an image:
 * each thread gets its own copy, its TLS block, placed just below its
 * thread pointer (see pthread_impl.h), and the linker has already
 * turned each variable into a fixed offset below that pointer. So
 * `errno = 5` compiles to `movl $5, %gs:-4`-like code in every thread,
 * each reaching its own errno.
 *
 * exec hands us the program headers' address in the auxiliary vector
 * (AT_PHDR, after envp), which is how we find the image.
 */
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <sprout/ldt.h>
#include "pthread_impl.h"
#include "syscall.h"
#include "libc_start.h"

#define AT_NULL  0
#define AT_PHDR  3
#define AT_PHNUM 5
#define PT_TLS   7

struct elf32_phdr {
	uint32_t p_type, p_offset, p_vaddr, p_paddr;
	uint32_t p_filesz, p_memsz, p_flags, p_align;
};

static struct {
	const void *image;      /* .tdata's initial values */
	size_t filesz, memsz;   /* .tdata; .tdata + .tbss */
	size_t align;           /* of the thread pointer: 16 at least */
	size_t blocksize;       /* memsz rounded up to the segment's alignment */
} tls = { NULL, 0, 0, 16, 0 };

static int gdt_entry;           /* set_thread_area chose it: clone reuses it */

/* The PT_TLS header, from the program headers exec told us of. */
static void find_tls_image(char **envp)
{
	uint32_t *auxv, phdr = 0, phnum = 0;

	while (*envp)
		envp++;
	for (auxv = (uint32_t *)(envp + 1); auxv[0] != AT_NULL; auxv += 2) {
		if (auxv[0] == AT_PHDR)
			phdr = auxv[1];
		if (auxv[0] == AT_PHNUM)
			phnum = auxv[1];
	}
	for (uint32_t i = 0; i < phnum; i++) {
		const struct elf32_phdr *ph = (const struct elf32_phdr *)phdr + i;
		size_t align = ph->p_align ? ph->p_align : 1;

		if (ph->p_type != PT_TLS)
			continue;
		tls.image = (const void *)ph->p_vaddr;
		tls.filesz = ph->p_filesz;
		tls.memsz = ph->p_memsz;
		/* The linker placed each variable at an offset from the END
		   of the block, memsz rounded up to the segment's alignment. */
		tls.blocksize = (tls.memsz + align - 1) & ~(align - 1);
		if (align > tls.align)
			tls.align = align;
	}
}

size_t __tls_size(void)
{
	return tls.align + tls.blocksize + sizeof(struct pthread);
}

/* A fresh TLS block and descriptor in the __tls_size() bytes at mem. */
struct pthread *__tls_init(void *mem)
{
	uintptr_t tp = ((uintptr_t)mem + tls.blocksize + tls.align - 1) &
		       ~(uintptr_t)(tls.align - 1);
	struct pthread *self = (struct pthread *)tp;
	char *block = (char *)tp - tls.blocksize;

	memcpy(block, tls.image, tls.filesz);
	memset(block + tls.filesz, 0, tls.blocksize - tls.filesz);
	memset(self, 0, sizeof(*self));
	self->self = self;
	return self;
}

int __tls_entry(void)
{
	return gdt_entry;
}

/* A flat data segment based at the thread pointer, in a free GDT entry
   the kernel picks; %gs selects it (ring 3, GDT: entry * 8 + 3). */
static void install_tls(struct pthread *self)
{
	struct user_desc d = { .entry_number = -1, .base_addr = (uint32_t)self,
			       .limit = 0xfffff, .seg_32bit = 1,
			       .limit_in_pages = 1, .useable = 1 };

	if (__sys_set_thread_area(&d) < 0)
		__sys_exit_group(127);  /* as glibc does: nothing could run */
	gdt_entry = d.entry_number;
	__asm__ volatile("movw %w0, %%gs" : : "q"(gdt_entry * 8 + 3));
}

/*
 * From crt0.S: the main thread's TLS block and descriptor live in this
 * frame, at the top of its stack, which is never left: main's return
 * goes straight to exit().
 */
void __libc_start_main(int argc, char **argv, char **envp)
{
	find_tls_image(envp);
	{
		char mem[__tls_size()] __attribute__((aligned(16)));
		struct pthread *self = __tls_init(mem);

		install_tls(self);
		self->tid = __sys_set_tid_address((int *)&self->tid);
		exit(main(argc, argv, envp));
	}
}
