/*
 * What this processor has, asked with the CPUID instruction, and the
 * protections the kernel turns on when it has them.
 *
 * CPUID takes a leaf number in eax (and, for some leaves, a subleaf in
 * ecx) and answers in eax, ebx, ecx and edx (Intel SDM vol. 2A, CPUID).
 * Leaf 0's eax is the highest leaf this CPU knows; asking for a higher
 * one gives another leaf's answer, so check it first (cpu_has_leaf).
 */
#ifndef _ARCH_CPU_H
#define _ARCH_CPU_H

#include "include/types.h"

struct cpuid_regs {
	uint32_t eax, ebx, ecx, edx;
};

static inline struct cpuid_regs cpuid(uint32_t leaf, uint32_t subleaf)
{
	struct cpuid_regs r;

	__asm__ volatile("cpuid"
			 : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			 : "a"(leaf), "c"(subleaf));
	return r;
}

static inline bool cpu_has_leaf(uint32_t leaf)
{
	return cpuid(0, 0).eax >= leaf;
}

/* Boot: set CR4.UMIP if the CPU has it (cpu.c says why). */
void umip_init(void);

#endif
