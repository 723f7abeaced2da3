/*
 * The printf family. The formatting itself is the kernel's vsnprintf
 * (kernel/lib/vsprintf.c, compiled into libc too, with the floating
 * conversions of printf_float.c added); here we only decide where the
 * characters go.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	char small[256], *buf = small;
	va_list again;
	int n;

	va_copy(again, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n >= (int)sizeof(small)) {          /* too long: format again */
		buf = malloc(n + 1);
		if (!buf) {
			va_end(again);
			return -1;
		}
		vsnprintf(buf, n + 1, fmt, again);
	}
	va_end(again);
	if (fwrite(buf, 1, n, f) != (size_t)n)
		n = -1;
	if (buf != small)
		free(buf);
	return n;
}

int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(f, fmt, ap);
	va_end(ap);
	return n;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, SIZE_MAX, fmt, ap);
	va_end(ap);
	return n;
}
