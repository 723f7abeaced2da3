/*
 * vappendf: text built a piece at a time in a fixed buffer, as /proc
 * files and strace lines are. Each piece goes after the last; a piece
 * that does not fit is cut, and the text stays NUL-terminated, so a
 * long text ends short instead of running past its buffer.
 */
#include "lib/vsprintf.h"

void vappendf(char *buf, size_t size, size_t *len, const char *fmt, va_list ap)
{
	size_t room = size - *len;      /* at least 1: the NUL's */
	int n = vsnprintf(buf + *len, room, fmt, ap);

	*len += (size_t)n < room ? (size_t)n : room - 1;
}

void appendf(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vappendf(buf, size, len, fmt, ap);
	va_end(ap);
}
