/*
 * The interrupt descriptor table: 256 gates, one per vector. Each gate
 * says where the handler is (a stub in entry.S), which code segment it
 * runs in, and the lowest privilege level allowed to raise it with "int".
 */
#include "arch/traps.h"
#include "arch/segment.h"

struct idt_gate {
	uint16_t offset_low;
	uint16_t selector;
	uint8_t zero;
	uint8_t type;           /* present, DPL, 32-bit interrupt gate */
	uint16_t offset_high;
} __attribute__((packed));

#define GATE_INTERRUPT 0x8E     /* P=1, DPL=0, type 0xE: interrupts off */
#define GATE_USER      0x60     /* DPL=3: user code may "int" this vector */

static struct idt_gate idt[256];
extern const uint32_t trap_stubs[48];

void set_gate(int vector, uint32_t handler, bool user)
{
	idt[vector] = (struct idt_gate){
		.offset_low = handler & 0xFFFF,
		.selector = KERNEL_CS,
		.type = GATE_INTERRUPT | (user ? GATE_USER : 0),
		.offset_high = handler >> 16,
	};
}

void idt_init(void)
{
	struct {
		uint16_t limit;
		uint32_t base;
	} __attribute__((packed)) descr = { sizeof(idt) - 1, (uint32_t)idt };

	for (int v = 0; v < 48; v++)
		set_gate(v, trap_stubs[v], false);
	/* int3 (breakpoint) and into (overflow) may come from user code. */
	set_gate(3, trap_stubs[3], true);
	set_gate(4, trap_stubs[4], true);
	__asm__ volatile("lidt %0" : : "m"(descr));
}
