/*
 * The scanf family: read text the way a format describes, storing each
 * converted field through the next pointer argument. One engine,
 * vscan(), reads through a small "input" that is either a string or a
 * FILE, looking one character ahead (ungetc gives it back to a FILE).
 *
 * Supported: %d %i %u %o %x %X, %f %e %g %a (and capitals, via
 * strtod: %Lf stores a long double of double precision), %s, %c, scan
 * sets %[abc] %[^...] with ranges, %n, %%, '*' to skip a field, field
 * widths, and the lengths hh h l ll j z t L. The result is the number of
 * fields stored, or EOF if the input ended before the first conversion.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <ctype.h>
#include <limits.h>

struct input {
	const char *s;          /* the string, or NULL for ... */
	FILE *f;                /* ... this FILE */
	int count;              /* characters consumed, for %n */
};

static int peek(struct input *in)
{
	int c;

	if (!in->f)
		return *in->s ? (unsigned char)*in->s : EOF;
	c = fgetc(in->f);
	if (c != EOF)
		ungetc(c, in->f);
	return c;
}

static void next(struct input *in)
{
	if (in->f)
		fgetc(in->f);
	else
		in->s++;
	in->count++;
}

/* Take the next character if the field has room for it (*left) and it
   is one of chars; return it, or 0. */
static int take(struct input *in, int *left, const char *chars)
{
	int c = peek(in);

	if (*left <= 0 || c == EOF || c == 0 || !strchr(chars, c))
		return 0;
	next(in);
	(*left)--;
	return c;
}

static void skip_space(struct input *in)
{
	while (isspace(peek(in)))
		next(in);
}

/* An integer: a sign, then digits of base (0: C's 0x.. and 0.. rules). */
static int scan_int(struct input *in, int left, int base, uint64_t *v)
{
	int neg = 0, got = 0, c;

	if ((c = take(in, &left, "+-")))
		neg = c == '-';
	if ((base == 0 || base == 16) && take(in, &left, "0")) {
		got = 1;
		if (take(in, &left, "xX"))
			base = 16;
		else if (base == 0)
			base = 8;
	}
	if (base == 0)
		base = 10;
	const char *digits = base == 8 ? "01234567" : base == 10 ? "0123456789"
			     : "0123456789abcdefABCDEF";
	for (*v = 0; (c = take(in, &left, digits)); got++)
		*v = *v * base + (isdigit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
	if (neg)
		*v = -*v;
	return got > 0;
}

/* The characters of a floating constant, into buf for strtod. */
static int scan_float(struct input *in, int left, double *v)
{
	char buf[128], *end;
	int n = 0, c;
	const char *digits = "0123456789", *exp = "eE";

	if (left > (int)sizeof(buf) - 1)
		left = sizeof(buf) - 1;
	if ((c = take(in, &left, "+-")))
		buf[n++] = c;
	if ((c = take(in, &left, "iInN"))) {    /* inf, infinity, nan */
		do
			buf[n++] = c;
		while ((c = take(in, &left, "nNfFiItTyYaA")));
	} else {
		if ((c = take(in, &left, "0"))) {
			buf[n++] = c;
			if ((c = take(in, &left, "xX"))) {
				buf[n++] = c;
				digits = "0123456789abcdefABCDEF";
				exp = "pP";
			}
		}
		while ((c = take(in, &left, digits)))
			buf[n++] = c;
		if ((c = take(in, &left, ".")))
			buf[n++] = c;
		while ((c = take(in, &left, digits)))
			buf[n++] = c;
		if ((c = take(in, &left, exp))) {
			buf[n++] = c;
			if ((c = take(in, &left, "+-")))
				buf[n++] = c;
			while ((c = take(in, &left, "0123456789")))
				buf[n++] = c;
		}
	}
	buf[n] = '\0';
	*v = strtod(buf, &end);
	return n > 0 && *end == '\0';
}

/* A scan set after the '[': which bytes it accepts; returns its end. */
static const char *scan_set(const char *f, char set[256])
{
	int invert = *f == '^';

	f += invert;
	memset(set, invert, 256);
	if (*f == ']')                          /* "[]...]": ']' is a member */
		set[(unsigned char)*f++] = !invert;
	for (; *f && *f != ']'; f++) {
		if (f[1] == '-' && f[2] && f[2] != ']') {   /* a range a-z */
			for (int c = (unsigned char)f[0]; c <= (unsigned char)f[2]; c++)
				set[c] = !invert;
			f += 2;
		} else {
			set[(unsigned char)*f] = !invert;
		}
	}
	return *f ? f : f - 1;
}

static void store_int(va_list *ap, char len, uint64_t v)
{
	switch (len) {
	case 'H': *va_arg(*ap, char *) = v; break;
	case 'h': *va_arg(*ap, short *) = v; break;
	case 'l': *va_arg(*ap, long *) = v; break;
	case 'q': case 'j': *va_arg(*ap, long long *) = v; break;
	case 'z': case 't': *va_arg(*ap, size_t *) = v; break;
	default: *va_arg(*ap, int *) = v; break;
	}
}

static void store_float(va_list *ap, char len, double v)
{
	if (len == 'l')
		*va_arg(*ap, double *) = v;
	else if (len == 'L')
		*va_arg(*ap, long double *) = v;
	else
		*va_arg(*ap, float *) = v;
}

/* Characters into the next char * (unless skipped): up to width of
   them (%c: exactly width), those in set. */
static int scan_chars(struct input *in, int width, const char *set,
		      char *dst, int terminate)
{
	int n = 0, c;

	while (n < width && (c = peek(in)) != EOF && set[c]) {
		if (dst)
			dst[n] = c;
		next(in);
		n++;
	}
	if (dst && terminate && n)
		dst[n] = '\0';
	return n;
}

static int vscan(struct input *in, const char *f, va_list ap)
{
	int stored = 0, converted = 0;  /* converted: one field was read */
	va_list args;

	va_copy(args, ap);
	for (; *f; f++) {
		if (isspace((unsigned char)*f)) {
			skip_space(in);
			continue;
		}
		if (*f != '%' || f[1] == '%') {         /* a literal character */
			f += *f == '%';
			if (*f == '%')
				skip_space(in);
			if (peek(in) == EOF)
				goto input_failure;
			if (peek(in) != (unsigned char)*f)
				goto fail;
			next(in);
			continue;
		}
		int skip = *++f == '*', width = 0;
		char len = 0, set[256];
		uint64_t v;
		double d;

		f += skip;
		for (; isdigit((unsigned char)*f); f++)
			width = width * 10 + *f - '0';
		if ((f[0] == 'h' || f[0] == 'l') && f[1] == f[0]) {
			len = f[0] == 'h' ? 'H' : 'q';
			f += 2;
		} else if (*f && strchr("hljztL", *f)) {
			len = *f++;
		}
		if (*f != '[' && *f != 'c' && *f != 'n')
			skip_space(in);
		if (peek(in) == EOF && *f != 'n')
			goto input_failure;
		int left = width ? width : INT_MAX;

		switch (*f) {
		case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
			if (!scan_int(in, left, *f == 'd' || *f == 'u' ? 10 :
				      *f == 'i' ? 0 : *f == 'o' ? 8 : 16, &v))
				goto fail;
			if (!skip)
				store_int(&args, len, v);
			break;
		case 'f': case 'F': case 'e': case 'E':
		case 'g': case 'G': case 'a': case 'A':
			if (!scan_float(in, left, &d))
				goto fail;
			if (!skip)
				store_float(&args, len, d);
			break;
		case 's':
			for (int c = 0; c < 256; c++)
				set[c] = !isspace(c);
			goto chars;
		case 'c':
			memset(set, 1, 256);
			left = width ? width : 1;
			goto chars;
		case '[':
			f = scan_set(f + 1, set);
		chars:
			if (scan_chars(in, left, set, skip ? NULL :
				       va_arg(args, char *), *f != 'c') == 0)
				goto fail;
			break;
		case 'n':
			if (!skip)
				store_int(&args, len, in->count);
			continue;       /* not a conversion: not counted */
		default:
			goto fail;
		}
		converted = 1;
		stored += !skip;
	}
	va_end(args);
	return stored;
input_failure:                  /* the input ended */
	va_end(args);
	return converted ? stored : EOF;
fail:                           /* the input did not match */
	va_end(args);
	return stored;
}

int vsscanf(const char *s, const char *fmt, va_list ap)
{
	struct input in = { s, NULL, 0 };

	return vscan(&in, fmt, ap);
}

int vfscanf(FILE *f, const char *fmt, va_list ap)
{
	struct input in = { NULL, f, 0 };

	return vscan(&in, fmt, ap);
}

int sscanf(const char *s, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsscanf(s, fmt, ap);
	va_end(ap);
	return n;
}

int fscanf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfscanf(f, fmt, ap);
	va_end(ap);
	return n;
}

int scanf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return n;
}
