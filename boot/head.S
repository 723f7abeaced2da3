/*
 * boot/head.S - from the boot loader to main(), the role of Linux 0.11's head.s.
 *
 * GRUB (or QEMU -kernel) has already done what Linux 0.11's bootsect.s and
 * setup.s did: loaded the kernel image at 1 MiB, switched the CPU to 32-bit
 * protected mode with flat segments and interrupts off, and left a multiboot
 * information block describing memory in ebx. What is left for us:
 *
 *   1. turn on paging with the kernel seen at 0xC0000000 (and, for a moment,
 *      also at its physical address, because eip still points there);
 *   2. load our own GDT: kernel and user segments, and a slot for the TSS;
 *   3. switch to a stack in the kernel's virtual address range;
 *   4. call main(magic, multiboot_info).
 *
 * This code runs before paging is on, so it lives in the .boot section,
 * linked at its physical address. Symbols of the rest of the kernel are
 * virtual: subtract PAGE_OFFSET to get where they are in RAM right now.
 */
#include "arch/layout.h"
#include "arch/segment.h"

#define MB_MAGIC  0x1BADB002
#define MB_FLAGS  0x00000003    /* bit 0: align modules; bit 1: give us the memory map */
#define PHYS(sym) ((sym) - PAGE_OFFSET)
#define PTE_P_W   0x003          /* present, writable */

	.section .boot, "ax"
	.align 4
multiboot_header:                /* GRUB looks for this in the first 8 KiB */
	.long MB_MAGIC
	.long MB_FLAGS
	.long -(MB_MAGIC + MB_FLAGS)

	.globl _start
_start:
	cld
	movl %eax, %esi              /* keep the boot loader's magic ... */
	movl %ebx, %edi              /* ... and multiboot info (physical) */

	/* Fill boot_pgtables: 4 page tables mapping the first 16 MiB. */
	movl $PHYS(boot_pgtables), %ebx
	movl $PTE_P_W, %eax          /* physical page 0, present + writable */
	movl $(BOOT_MAPPED / PAGE_SIZE), %ecx
1:	movl %eax, (%ebx)
	addl $4, %ebx
	addl $PAGE_SIZE, %eax
	loop 1b

	/* Point both the identity slots (0..3) and the kernel slots (768..771)
	   of the page directory at those tables. */
	movl $PHYS(boot_pgtables) + PTE_P_W, %eax
	movl $PHYS(swapper_pg_dir), %ebx
	movl $(BOOT_MAPPED >> 22), %ecx
2:	movl %eax, (%ebx)
	movl %eax, (PAGE_OFFSET >> 20)(%ebx)   /* PDE 768 is at byte 3072 */
	addl $4, %ebx
	addl $PAGE_SIZE, %eax
	loop 2b

	/* Paging on: cr3 = page directory, cr0.PG and cr0.WP (so the kernel
	   too faults on read-only pages: copy-on-write relies on it). */
	movl $PHYS(swapper_pg_dir), %eax
	movl %eax, %cr3
	movl %cr0, %eax
	orl $0x80010000, %eax
	movl %eax, %cr0

	/* Jump to the kernel's virtual addresses. */
	movl $high_start, %eax
	jmp *%eax

	.text
high_start:
	lgdt gdt_descr
	ljmp $KERNEL_CS, $1f         /* reload cs from our GDT */
1:	movl $KERNEL_DS, %eax
	movw %ax, %ds
	movw %ax, %es
	movw %ax, %ss
	xorl %eax, %eax
	movw %ax, %fs
	movw %ax, %gs
	movl $task_table + 8192, %esp        /* task 0's kernel stack */
	xorl %ebp, %ebp              /* ends the backtrace chain */

	pushl %edi                   /* multiboot info (physical) */
	pushl %esi                   /* magic */
	call main
	/* main() never returns: it becomes the idle task. */
3:	hlt
	jmp 3b

/*
 * The GDT: flat 4 GiB segments; protection comes from paging. Each
 * descriptor is two words: limit/base low bits, then access and flags.
 */
	.data
	.align 8
	.globl gdt
gdt:
	.quad 0x0000000000000000     /* null */
	.quad 0x00CF9A000000FFFF     /* kernel code: DPL 0, execute/read */
	.quad 0x00CF92000000FFFF     /* kernel data: DPL 0, read/write */
	.quad 0x00CFFA000000FFFF     /* user code:   DPL 3, execute/read */
	.quad 0x00CFF2000000FFFF     /* user data:   DPL 3, read/write */
	.quad 0x0000000000000000     /* TSS: filled by tss_init() */
	.fill GDT_TLS_ENTRIES, 8, 0  /* TLS: the running task's (arch/tls.c) */
gdt_end:

gdt_descr:
	.word gdt_end - gdt - 1
	.long gdt

/* The boot page directory becomes the kernel's master page directory. */
	.section .bss.pagealigned, "aw", @nobits
	.align PAGE_SIZE
	.globl swapper_pg_dir
swapper_pg_dir:
	.skip PAGE_SIZE
boot_pgtables:
	.skip BOOT_MAPPED / 1024

	.section .note.GNU-stack, "", @progbits
