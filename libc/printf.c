/*
 * The printf family. The formatting itself is the kernel's vsnprintf
 * (kernel/lib/vsprintf.c, compiled into libc too, with the floating
 * conversions of printf_float.c added); here we only decide where the
 * characters go.
 */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <unistd.h>

/* Format into small, or into malloc'd memory if it is too short; *out
   is where the text went (free it if it is not small). Returns the
   length, or -1 if no memory. */
static int format(char *small, size_t size, char **out, const char *fmt,
		  va_list ap)
{
	va_list again;
	int n;

	va_copy(again, ap);
	*out = small;
	n = vsnprintf(small, size, fmt, ap);
	if (n >= (int)size) {                   /* too long: format again */
		*out = malloc(n + 1);
		if (*out)
			vsnprintf(*out, n + 1, fmt, again);
		else
			n = -1;
	}
	va_end(again);
	return n;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	char small[256], *buf;
	int n = format(small, sizeof(small), &buf, fmt, ap);

	if (n >= 0 && fwrite(buf, 1, n, f) != (size_t)n)
		n = -1;
	if (buf != small)
		free(buf);
	return n;
}

/* Straight to a file descriptor, with no FILE (nor its buffer). */
int vdprintf(int fd, const char *fmt, va_list ap)
{
	char small[256], *buf;
	int n = format(small, sizeof(small), &buf, fmt, ap), done = 0;

	while (done < n) {
		ssize_t w = write(fd, buf + done, n - done);

		if (w <= 0) {
			n = -1;
			break;
		}
		done += w;
	}
	if (buf != small)
		free(buf);
	return n;
}

int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vdprintf(fd, fmt, ap);
	va_end(ap);
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
