/*
 * Turning on the FPU and SSE at boot (see fpu.h for why each task has
 * its own copy of the registers).
 *
 *   CR0.EM = 0   there is an FPU: run its instructions, do not trap
 *   CR0.MP = 1   WAIT/FWAIT checks CR0.TS too (with EM = 0, the setting
 *                Intel recommends)
 *   CR0.NE = 1   report x87 errors as exception 16 (#MF), not through
 *                the old PC's IRQ 13
 *   CR0.TS = 0   no lazy switching: the registers are always current's
 *   CR4.OSFXSR     the kernel saves SSE state with FXSAVE: SSE may run
 *   CR4.OSXMMEXCPT the kernel handles SSE exceptions (#XM, vector 19)
 */
#include "arch/fpu.h"
#include "arch/panic.h"
#include "lib/lib.h"

#define CR0_MP  (1u << 1)
#define CR0_EM  (1u << 2)
#define CR0_TS  (1u << 3)
#define CR0_NE  (1u << 5)
#define CR4_OSFXSR     (1u << 9)
#define CR4_OSXMMEXCPT (1u << 10)
#define CPUID_FXSR     (1u << 24)   /* CPUID 1, edx */
#define CPUID_SSE      (1u << 25)

static uint32_t cpuid1_edx(void)
{
	uint32_t a = 1, b, c, d;

	__asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
	return d;
}

void fpu_init(void)
{
	uint32_t cr0, cr4;

	if ((cpuid1_edx() & (CPUID_FXSR | CPUID_SSE)) !=
	    (CPUID_FXSR | CPUID_SSE))
		panic("this CPU has no FXSAVE/SSE: Sprout needs a Pentium III "
		      "or later");
	__asm__ volatile("movl %%cr0, %0" : "=r"(cr0));
	cr0 = (cr0 & ~(CR0_EM | CR0_TS)) | CR0_MP | CR0_NE;
	__asm__ volatile("movl %0, %%cr0" : : "r"(cr0));
	__asm__ volatile("movl %%cr4, %0" : "=r"(cr4));
	cr4 |= CR4_OSFXSR | CR4_OSXMMEXCPT;
	__asm__ volatile("movl %0, %%cr4" : : "r"(cr4));
	__asm__ volatile("fninit");
}

void fpu_init_state(struct fpu_state *s)
{
	memset(s, 0, sizeof(*s));
	s->fcw = FCW_DEFAULT;
	s->mxcsr = MXCSR_DEFAULT;
}
