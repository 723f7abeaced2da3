/*
 * The interrupt descriptor table: 256 gates, one per vector. Each gate
 * says where the handler is (a stub in entry.S), which code segment it
 * runs in, and the lowest privilege level allowed to raise it with "int".
 */
#include "arch/arch.h"

struct idt_gate {
	uint16_t offset_low;
	uint16_t selector;
	uint8_t zero;
	uint8_t type;           /* present, DPL, 32-bit interrupt gate */
	uint16_t offset_high;
} __attribute__((packed));

#define GATE_INTERRUPT 0x8E     /* P=1, DPL=0, type 0xE: interrupts off */
#define GATE_TRAP      0x8F     /* type 0xF: interrupts stay on */
#define GATE_USER      0x60     /* DPL=3: user code may "int" this vector */

static struct idt_gate idt[256];

static void set_gate(int vector, uint32_t handler, uint8_t type)
{
	idt[vector] = (struct idt_gate){
		.offset_low = handler & 0xFFFF,
		.selector = KERNEL_CS,
		.type = type,
		.offset_high = handler >> 16,
	};
}

void idt_init(void)
{
	struct {
		uint16_t limit;
		uint32_t base;
	} __attribute__((packed)) descr = { sizeof(idt) - 1, (uint32_t)idt };

	for (int v = 0; v < NR_TRAP_STUBS; v++)
		set_gate(v, trap_stubs[v], GATE_INTERRUPT);
	/* int3 (breakpoint) and into (overflow) may come from user code. */
	set_gate(T_BRKPT, trap_stubs[T_BRKPT], GATE_INTERRUPT | GATE_USER);
	set_gate(T_OFLOW, trap_stubs[T_OFLOW], GATE_INTERRUPT | GATE_USER);
	/* System calls run with interrupts on: they may take a while. */
	set_gate(T_SYSCALL, (uint32_t)system_call, GATE_TRAP | GATE_USER);
	__asm__ volatile("lidt %0" : : "m"(descr));
}
