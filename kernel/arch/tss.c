/*
 * The task-state segment. Sprout switches tasks in software (see
 * switch_to), so the TSS has one job left: when an interrupt arrives in
 * user mode, the CPU loads ss0:esp0 from it to find the kernel stack of
 * the running task. The scheduler updates esp0 on every task switch.
 */
#include "arch/arch.h"
#include "lib/lib.h"

struct tss {
	uint32_t link;
	uint32_t esp0, ss0;
	uint32_t unused[22];
	uint16_t trap, iomap_base;
} __attribute__((packed));

static struct tss tss;

void tss_init(void)
{
	uint64_t base = (uint32_t)&tss, limit = sizeof(tss) - 1;

	memset(&tss, 0, sizeof(tss));
	tss.ss0 = KERNEL_DS;
	tss.iomap_base = sizeof(tss);   /* no I/O permission bitmap */
	/* An available 32-bit TSS descriptor: type 0x9, present, DPL 0. */
	gdt[TSS_SEL / 8] = (limit & 0xFFFF) | ((base & 0xFFFFFF) << 16) |
			   (0x89ULL << 40) | (((limit >> 16) & 0xF) << 48) |
			   ((base >> 24) << 56);
	__asm__ volatile("ltr %w0" : : "r"(TSS_SEL));
}

void tss_set_kernel_stack(uint32_t esp0)
{
	tss.esp0 = esp0;
}
