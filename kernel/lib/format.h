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

/* Add one character (counted, stored only while there is room). */
void out_put(struct out *o, char c);

/* A field is field_begin, the body's characters, field_end; len counts
   the prefix and body. They pad it to sp->width: with spaces on the
   left, or on the right for '-', or with zeros after the prefix pre (a
   sign, 0x) for '0'. */
void field_begin(struct out *o, const struct spec *sp, const char *pre,
		 int len);
void field_end(struct out *o, const struct spec *sp, int len);

/* A whole field: the prefix pre, `zeros` zeros, then the n characters
   of body. */
void format_field(struct out *o, const struct spec *sp, const char *pre,
		  int zeros, const char *body, int n);

#ifdef WITH_FLOAT
/* conv is one of f F e E g G a A; long_double for the L modifier. */
void format_float(struct out *o, const struct spec *sp, char conv,
		  bool long_double, va_list *ap);
#endif

#endif
