/*
 * The inside of vsnprintf, shared with libc's floating-point conversions
 * (libc/printf_float.c). The kernel never formats a float: it is built
 * with -mgeneral-regs-only, so libc compiles vsprintf.c with WITH_FLOAT
 * and only then are %f %e %g %a handed to format_float().
 */
#ifndef _LIB_FORMAT_H
#define _LIB_FORMAT_H

#include "include/types.h"

struct out {
	char *buf;
	size_t size;
	size_t len;             /* characters produced so far */
};

/* One conversion's flags, width and precision: "%-+ #0<width>.<prec>". */
struct spec {
	bool left, zero, plus, space, alt;   /* alt: '#' */
	int width;
	int precision;          /* -1: none */
};

/* Write the prefix pre (a sign, 0x), `zeros` zeros, then the n characters
   of body, in a field of sp->width: padded with spaces on the left, or
   on the right for '-', or with zeros after the prefix for '0'. */
void format_field(struct out *o, const struct spec *sp, const char *pre,
		  int zeros, const char *body, int n);

#ifdef WITH_FLOAT
/* conv is one of f F e E g G a A; long_double for the L modifier. */
void format_float(struct out *o, const struct spec *sp, char conv,
		  bool long_double, va_list *ap);
#endif

#endif
