/*
 * The console joins the two output devices and the two input devices.
 *
 * Typed characters arrive in interrupt handlers and wait in a small ring
 * buffer until somebody reads them. (The files issue puts the tty line
 * discipline here: echo, line editing and ^C.)
 */
#include "dev/console.h"
#include "arch/io.h"

#define INPUT_SIZE 256

static struct {
	char buf[INPUT_SIZE];
	uint32_t head, tail;    /* head: next to read; tail: next to write */
} input;

void console_init(void)
{
	serial_init();
	vga_init();
}

void console_write(const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		vga_putc(buf[i]);
		serial_putc(buf[i]);
	}
}

void console_input(char c)
{
	if (input.tail - input.head < INPUT_SIZE)       /* full: drop it */
		input.buf[input.tail++ % INPUT_SIZE] = c;
}

char console_getc(void)
{
	char c;

	cli();
	while (input.head == input.tail) {
		/* sti; hlt is atomic: an interrupt cannot slip in between and
		   leave us asleep with a character waiting. */
		__asm__ volatile("sti; hlt; cli");
	}
	c = input.buf[input.head++ % INPUT_SIZE];
	sti();
	return c;
}
