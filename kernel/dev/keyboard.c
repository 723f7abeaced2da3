/*
 * The PS/2 keyboard (IRQ 1). The controller gives us scancode set 1: one
 * byte per key press ("make" code) and the same byte plus 0x80 on release
 * ("break" code). Extended keys send 0xE0 first. We track Shift, Ctrl and
 * Caps Lock and turn presses into ASCII.
 */
#include "dev/dev.h"
#include "arch/arch.h"

#define KBD_DATA   0x60
#define IRQ_KBD    1
#define RELEASED   0x80
#define SC_LSHIFT  0x2A
#define SC_RSHIFT  0x36
#define SC_CTRL    0x1D
#define SC_CAPS    0x3A
#define SC_EXTENDED 0xE0

/* US layout, indexed by scancode: without and with Shift. */
static const char plain[0x3A] =
	"\0\x1b" "1234567890-=\b"
	"\tqwertyuiop[]\n"
	"\0asdfghjkl;'`"
	"\0\\zxcvbnm,./\0*\0 ";
static const char shifted[0x3A] =
	"\0\x1b" "!@#$%^&*()_+\b"
	"\tQWERTYUIOP{}\n"
	"\0ASDFGHJKL:\"~"
	"\0|ZXCVBNM<>?\0*\0 ";

static bool shift, ctrl, caps, extended;

static char translate(uint8_t sc)
{
	char c;

	if (sc >= sizeof(plain))
		return 0;
	c = shift ? shifted[sc] : plain[sc];
	if (caps && c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	else if (caps && c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (ctrl && c >= '@' && c <= '~')
		c &= 0x1F;      /* Ctrl-C is 3, Ctrl-D is 4, ... */
	return c;
}

static void keyboard_interrupt(struct pt_regs *regs)
{
	uint8_t sc = inb(KBD_DATA);
	bool up = sc & RELEASED;
	uint8_t key = sc & ~RELEASED;
	bool was_extended = extended;
	char c;

	(void)regs;
	extended = (sc == SC_EXTENDED);
	if (extended)
		return;
	if (key == SC_LSHIFT || key == SC_RSHIFT)
		shift = !up;
	else if (key == SC_CTRL)        /* left Ctrl, or right Ctrl after 0xE0 */
		ctrl = !up;
	else if (key == SC_CAPS && !up)
		caps = !caps;
	else if (!up && !was_extended && (c = translate(key)))
		console_input(c);
}

void keyboard_init(void)
{
	while (inb(0x64) & 1)   /* drain anything the BIOS left behind */
		inb(KBD_DATA);
	request_irq(IRQ_KBD, keyboard_interrupt);
}
