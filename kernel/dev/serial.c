/*
 * COM1, the first 16550 UART: 115200 baud, 8 data bits, no parity, one
 * stop bit. Output polls "transmitter empty"; input raises IRQ 4.
 */
#include "dev/dev.h"
#include "arch/arch.h"

#define COM1     0x3F8
#define DATA     (COM1 + 0)     /* receive/transmit; divisor low when DLAB */
#define IER      (COM1 + 1)     /* interrupt enable; divisor high when DLAB */
#define FCR      (COM1 + 2)     /* FIFO control */
#define LCR      (COM1 + 3)     /* line control; bit 7 is DLAB */
#define MCR      (COM1 + 4)     /* modem control */
#define LSR      (COM1 + 5)     /* line status */
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY  0x20
#define IRQ_COM1 4

static void serial_interrupt(struct pt_regs *regs)
{
	(void)regs;
	while (inb(LSR) & LSR_DATA_READY)
		console_input((char)inb(DATA));   /* CR for Enter: see ICRNL */
}

void serial_init(void)
{
	outb(IER, 0x00);        /* no interrupts while we set it up */
	outb(LCR, 0x80);        /* DLAB on: next two writes set the divisor */
	outb(DATA, 0x01);       /* 115200 / 1 */
	outb(IER, 0x00);
	outb(LCR, 0x03);        /* DLAB off; 8N1 */
	outb(FCR, 0xC7);        /* FIFOs on and cleared, 14-byte threshold */
	outb(MCR, 0x0B);        /* DTR, RTS, OUT2 (OUT2 routes the IRQ) */
}

/* Called later in boot, once the PIC is ready. */
void serial_enable_input(void)
{
	request_irq(IRQ_COM1, serial_interrupt);
	outb(IER, 0x01);        /* interrupt when data arrives */
}

void serial_putc(char c)
{
	while (!(inb(LSR) & LSR_THR_EMPTY))
		;
	outb(DATA, (uint8_t)c);
}
