/*
 * User-Mode Instruction Prevention (UMIP): five instructions that tell a
 * program where the kernel keeps its tables, made privileged.
 *
 *   sgdt  the GDT's address and limit       sldt  the LDT selector
 *   sidt  the IDT's address and limit       str   the TSS selector
 *   smsw  the low 16 bits of CR0
 *
 * The 80286 let every program run them, and x86 kept that for
 * compatibility: without UMIP any process learns the kernel addresses
 * of the GDT and IDT, a help to an attack that needs to know where
 * kernel data lies. With CR4.UMIP set they raise a general-protection
 * fault (#GP) at CPL 3, which entry/trap.c turns into SIGSEGV, as for
 * any other privileged instruction. The kernel runs at CPL 0 and may
 * still use them (ltr and lgdt, their loading twins, were always
 * privileged).
 *
 * Intel CPUs since Cannon Lake and AMD's since Zen 2 have UMIP; CPUID
 * leaf 7 (subleaf 0) says so in bit 2 of ecx. QEMU's TCG emulates it:
 * `-cpu max` has it, the default qemu32 model does not.
 *
 * Linux sets CR4.UMIP too, but for old programs (Wine running Windows
 * code) it answers sgdt, sidt and smsw itself with made-up addresses;
 * only sldt and str get SIGSEGV. Sprout runs no such programs, so all
 * five fault (docs/fuzz.md, "Hardening").
 */
#include "arch/cpu.h"
#include "arch/io.h"
#include "lib/lib.h"

#define CPUID7_ECX_UMIP (1u << 2)
#define CR4_UMIP        (1u << 11)

void umip_init(void)
{
	if (!cpu_has_leaf(7) || !(cpuid(7, 0).ecx & CPUID7_ECX_UMIP)) {
		printk("         cpu: no UMIP: user mode can read where the "
		       "GDT and IDT are\n");
		return;
	}
	write_cr4(read_cr4() | CR4_UMIP);
	printk("         cpu: UMIP on: sgdt, sidt, sldt, smsw and str fault "
	       "in user mode\n");
}
