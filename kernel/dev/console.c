/*
 * The console joins the two output devices and the two input devices,
 * and is Sprout's one terminal: typed characters go to its line
 * discipline, console_tty (kernel/dev/tty.c), which echoes them, edits
 * lines and hands them to read().
 *
 * Two ways out: console_write() for the kernel's own messages (printk),
 * which turns NL into CR NL itself, and console_output() for the tty,
 * which sends bytes exactly as given (the tty's ONLCR setting has
 * already added the CRs).
 */
#include "dev/dev.h"
#include "arch/arch.h"
#include "lib/lib.h"

struct tty_struct console_tty;

/* The devices, the tty, and printk's way out. */
void console_init(void)
{
	serial_init();
	vga_init();
	tty_init();
	register_console(console_write);
}

void console_output(const char *buf, size_t n)
{
	vga_write(buf, n);
	for (size_t i = 0; i < n; i++)
		serial_putc(buf[i]);
}

/* With interrupts off: a key's echo (tty_receive, in the interrupt
   handler) must not land inside a message, nor in the middle of
   vga_write() moving the cursor. (The tty's own writes come with
   interrupts off already: tty_write() and the handler itself.) Both
   devices are terminals, on which NL only goes down a line: CR first
   brings the cursor back to the left margin. */
void console_write(const char *buf, size_t n)
{
	uint32_t flags = irq_save();

	for (size_t i = 0; i < n; i++) {
		if (buf[i] == '\n')
			console_output("\r", 1);
		console_output(&buf[i], 1);
	}
	irq_restore(flags);
}

void console_input(char c)
{
	tty_receive(&console_tty, c);
}
