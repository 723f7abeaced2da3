/*
 * The two 8259 programmable interrupt controllers (master and slave,
 * cascaded on IRQ 2). The BIOS leaves IRQs 0-7 on vectors 8-15, where
 * they would collide with CPU exceptions, so we move all 16 IRQs to
 * vectors 32-47.
 */
#include "arch/arch.h"
#include "lib/lib.h"

#define PIC1_CMD  0x20
#define PIC1_DATA 0x21
#define PIC2_CMD  0xA0
#define PIC2_DATA 0xA1
#define PIC_EOI   0x20
#define PIC2_IRQ0 8             /* the slave PIC serves IRQs 8-15 */

static irq_handler_t handlers[NR_IRQS];

void pic_init(void)
{
	outb(PIC1_CMD, 0x11);   io_wait();      /* ICW1: init, ICW4 follows */
	outb(PIC2_CMD, 0x11);   io_wait();
	outb(PIC1_DATA, T_IRQ0);      io_wait(); /* ICW2: vector base */
	outb(PIC2_DATA, T_IRQ0 + PIC2_IRQ0);  io_wait();
	outb(PIC1_DATA, 0x04);  io_wait();      /* ICW3: slave on IRQ 2 */
	outb(PIC2_DATA, 0x02);  io_wait();
	outb(PIC1_DATA, 0x01);  io_wait();      /* ICW4: 8086 mode */
	outb(PIC2_DATA, 0x01);  io_wait();
	outb(PIC1_DATA, 0xFB);                  /* mask all but the cascade */
	outb(PIC2_DATA, 0xFF);
}

static void unmask(int irq)
{
	uint16_t port = irq < PIC2_IRQ0 ? PIC1_DATA : PIC2_DATA;

	outb(port, inb(port) & ~(1 << (irq & 7)));
}

void request_irq(int irq, irq_handler_t handler)
{
	handlers[irq] = handler;
	unmask(irq);
}

void do_irq(struct pt_regs *regs)
{
	int irq = regs->trapno - T_IRQ0;

	/* Acknowledge first, so that a handler that switches tasks does
	   not leave the PIC waiting. */
	if (irq >= PIC2_IRQ0)
		outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
	if (handlers[irq])
		handlers[irq](regs);
}
