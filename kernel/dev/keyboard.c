/*
 * The PS/2 keyboard (IRQ 1): each key press and each release arrives at
 * port 0x60 as a byte or two, its scancode. keymap.c turns them into
 * what a terminal sends, and that goes to the console's tty a byte at a
 * time: the Up arrow is three typed characters, ESC [ A.
 */
#include "dev/dev.h"
#include "dev/keymap.h"
#include "arch/arch.h"

#define KBD_DATA        0x60
#define KBD_STATUS      0x64
#define KBD_OUTPUT_FULL 0x01    /* a byte waits at KBD_DATA */
#define IRQ_KBD         1

static struct keyboard_state kbd;

static void keyboard_interrupt(struct pt_regs *regs)
{
	char typed[KEYMAP_MAX];
	size_t n = keymap_translate(&kbd, inb(KBD_DATA), typed);

	(void)regs;
	for (size_t i = 0; i < n; i++)
		console_input(typed[i]);
}

void keyboard_init(void)
{
	while (inb(KBD_STATUS) & KBD_OUTPUT_FULL)  /* what the BIOS left */
		inb(KBD_DATA);
	request_irq(IRQ_KBD, keyboard_interrupt);
}
