/*
 * UMIP (kernel/arch/cpu.c): on a CPU that has it, the five instructions
 * that tell where the kernel keeps its descriptor tables fault in user
 * mode, and the child that runs one dies of SIGSEGV. Without UMIP they
 * run, and sgdt shows the GDT's kernel address: that is the leak.
 *
 * QEMU's default CPU (qemu32) has no UMIP, so there the cases say skip;
 * tests/guest_user.py boots this program again with `-cpu max` and the
 * argument "need-umip", which turns a missing UMIP into a failure. Off
 * Sprout the cases are skipped too: Linux answers sgdt, sidt and smsw
 * itself with made-up addresses instead of sending SIGSEGV.
 */
#include "check.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>

struct table_register {         /* what sgdt and sidt store */
	uint16_t limit;
	uint32_t base;
} __attribute__((packed));

static void sgdt(void)
{
	struct table_register gdt;

	__asm__ volatile("sgdt %0" : "=m"(gdt));
}

static void sidt(void)
{
	struct table_register idt;

	__asm__ volatile("sidt %0" : "=m"(idt));
}

static void sldt(void)
{
	uint16_t selector;

	__asm__ volatile("sldt %0" : "=m"(selector));
}

static void smsw(void)
{
	uint32_t cr0_low;

	__asm__ volatile("smsw %0" : "=r"(cr0_low));
}

static void str(void)
{
	uint16_t selector;

	__asm__ volatile("str %0" : "=m"(selector));
}

/* CPUID leaf 7, subleaf 0: ecx bit 2 is UMIP (if leaf 7 exists). */
static int cpu_has_umip(void)
{
	uint32_t a, b, c, d;

	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
			 : "a"(0), "c"(0));
	if (a < 7)
		return 0;
	__asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
			 : "a"(7), "c"(0));
	return (c >> 2) & 1;
}

static const struct {
	const char *name;
	void (*run)(void);
} insns[] = {
	{ "sgdt", sgdt }, { "sidt", sidt }, { "sldt", sldt },
	{ "smsw", smsw }, { "str", str },
};

int main(int argc, char **argv)
{
	int need = argc > 1 && strcmp(argv[1], "need-umip") == 0;
	int have = cpu_has_umip();
	char name[80];

	check_init(argc, argv);
	if (need)
		expect("the CPU has UMIP (CPUID 7, ecx bit 2)", have,
		       "it does not: is QEMU run with -cpu max?");
	if (!have) {
		struct table_register gdt;

		__asm__ volatile("sgdt %0" : "=m"(gdt));
		expect("without UMIP, sgdt shows the GDT's kernel address",
		       !on_sprout() || gdt.base >= 0xC0000000u,
		       "it says 0x%x", (unsigned)gdt.base);
	}
	for (size_t i = 0; i < sizeof(insns) / sizeof(insns[0]); i++) {
		int status;

		snprintf(name, sizeof(name), "with UMIP, %s in user mode: "
			 "SIGSEGV", insns[i].name);
		if (!on_sprout()) {
			skip(name, "Linux emulates sgdt, sidt and smsw");
			continue;
		}
		if (!have) {
			skip(name, "this CPU has no UMIP (QEMU: -cpu max has)");
			continue;
		}
		status = run_child(insns[i].run);
		expect(name, status != -1 && WIFSIGNALED(status) &&
		       WTERMSIG(status) == SIGSEGV, "child %s",
		       describe(status));
	}
	return check_done();
}
