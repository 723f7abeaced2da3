#ifndef _LIB_VSPRINTF_H
#define _LIB_VSPRINTF_H

#include "include/types.h"

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* appendf.c: fmt's text after the *len bytes in buf[size], cut to fit;
   *len grows by what was written. */
void vappendf(char *buf, size_t size, size_t *len, const char *fmt, va_list ap);
void appendf(char *buf, size_t size, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
