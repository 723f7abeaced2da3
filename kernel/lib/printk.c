/*
 * printk: the kernel's printf. It formats into a buffer and hands the
 * text to the console, which writes it to the VGA screen and COM1 at once.
 */
#include "lib/printk.h"
#include "lib/vsprintf.h"
#include "dev/console.h"

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
	console_write(buf, n);
	return n;
}
