/*
 * printk: the kernel's printf. It formats into a buffer and hands the
 * text to the console's write function. The console driver registers
 * it at boot (Linux's register_console idea), so this library sits below
 * every driver; text printed before that is dropped.
 */
#include "lib/printk.h"
#include "lib/vsprintf.h"

static console_write_t console_write;

void register_console(console_write_t write)
{
	console_write = write;
}

int printk(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	if (console_write)
		console_write(buf, n);
	return n;
}
