/*
 * vsnprintf: the formatter behind printk. It needs no hardware, so the
 * host unit tests compile this same file and compare it with the C library.
 *
 * Supported: %d %i %u %x %X %o %s %c %p %%, the flags '-' '0' '+' ' ' '#',
 * a field width and a precision (either may be '*'), and the length
 * modifiers hh h l ll j z t. Not %n: its argument is skipped, nothing is
 * written. The floating conversions exist only in libc's copy (see
 * lib/format.h). Like C's snprintf it returns the length the whole
 * output would have had, and writes at most size-1 characters.
 */
#include "lib/vsprintf.h"
#include "lib/format.h"
#include "lib/string.h"

void out_put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		out_put(o, c);
}

void field_begin(struct out *o, const struct spec *sp, const char *pre,
		 int len)
{
	if (!sp->left && !sp->zero)
		pad(o, ' ', sp->width - len);
	while (*pre)
		out_put(o, *pre++);
	if (!sp->left && sp->zero)
		pad(o, '0', sp->width - len);
}

void field_end(struct out *o, const struct spec *sp, int len)
{
	if (sp->left)
		pad(o, ' ', sp->width - len);
}

void format_field(struct out *o, const struct spec *sp, const char *pre,
		  int zeros, const char *body, int n)
{
	int len = (int)strlen(pre) + zeros + n;

	field_begin(o, sp, pre, len);
	pad(o, '0', zeros);
	for (int i = 0; i < n; i++)
		out_put(o, body[i]);
	field_end(o, sp, len);
}

/* An integer in base 8, 10 or 16. The precision is the least number of
   digits (so "%.0d" prints nothing for 0) and turns off the '0' flag;
   '#' puts 0x in front of a nonzero hex value and makes octal start
   with a 0, as C's printf does. */
static void number(struct out *o, struct spec sp, uint64_t v, unsigned base,
		   bool upper, char sign)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], pre[4] = { sign, 0 };
	int n = sizeof(tmp), zeros = 0;

	for (; v || (n == (int)sizeof(tmp) && sp.precision != 0); v /= base)
		tmp[--n] = digits[v % base];
	if (sp.precision >= 0) {
		zeros = sp.precision - ((int)sizeof(tmp) - n);
		sp.zero = false;
	}
	if (sp.alt && base == 8 && zeros <= 0 &&
	    (n == (int)sizeof(tmp) || tmp[n] != '0'))
		zeros = 1;
	if (sp.alt && base == 16 && n < (int)sizeof(tmp) && tmp[n] != '0') {
		pre[!!sign] = '0';
		pre[!!sign + 1] = upper ? 'X' : 'x';
	}
	format_field(o, &sp, pre, zeros > 0 ? zeros : 0, tmp + n,
		     (int)sizeof(tmp) - n);
}

/* A width or precision: digits, or '*' for the next int argument. */
static const char *parse_count(const char *f, int *n, va_list *ap)
{
	if (*f == '*') {
		*n = va_arg(*ap, int);
		return f + 1;
	}
	for (*n = 0; *f >= '0' && *f <= '9'; f++)
		*n = *n * 10 + (*f - '0');
	return f;
}

static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .precision = -1 };
	for (;; f++) {
		if (*f == '-')
			sp->left = true;
		else if (*f == '0')
			sp->zero = true;
		else if (*f == '+')
			sp->plus = true;
		else if (*f == ' ')
			sp->space = true;
		else if (*f == '#')
			sp->alt = true;
		else
			break;
	}
	f = parse_count(f, &sp->width, ap);
	if (sp->width < 0) {            /* a negative '*' width means '-' */
		sp->left = true;
		sp->width = -sp->width;
	}
	if (*f == '.') {
		f = parse_count(f + 1, &sp->precision, ap);
		if (sp->precision < 0)  /* a negative '*' one: as if none */
			sp->precision = -1;
	}
	if (sp->left)
		sp->zero = false;
	return f;
}

/* The length modifier, one letter: hh is 'H', ll is 'q'. */
static const char *parse_length(const char *f, char *len)
{
	*len = 0;
	if ((f[0] == 'h' || f[0] == 'l') && f[1] == f[0]) {
		*len = f[0] == 'h' ? 'H' : 'q';
		return f + 2;
	}
	if (*f && strchr("hljztL", *f))
		*len = *f++;
	return f;
}

/* Read one integer argument of the size the length modifier names, and
   cut it to that size: "%hhd" of 300 prints 44, as C converts it. */
static uint64_t int_arg(va_list *ap, char len, bool is_signed)
{
	int bytes;
	uint64_t v;

	switch (len) {
	case 'H': bytes = 1; break;
	case 'h': bytes = 2; break;
	case 'l': bytes = sizeof(long); break;
	case 'q': case 'j': bytes = sizeof(long long); break;
	case 'z': case 't': bytes = sizeof(size_t); break;
	default: bytes = sizeof(int); break;
	}
	/* Smaller arguments arrive promoted to int. */
	v = bytes == 8 ? va_arg(*ap, unsigned long long)
		       : va_arg(*ap, unsigned int);
	int shift = 64 - 8 * bytes;
	return is_signed ? (uint64_t)((int64_t)(v << shift) >> shift)
			 : v << shift >> shift;
}

static void convert(struct out *o, struct spec *sp, char conv, char len,
		    va_list *ap)
{
	char c;
	const char *s;
	uint64_t v;
	void *p;

	if (conv == 'c' || conv == 's' || conv == 'p')
		sp->zero = false;      /* '0' is for numbers */
	switch (conv) {
	case 'c':
		c = (char)va_arg(*ap, int);
		format_field(o, sp, "", 0, &c, 1);
		break;
	case 's':
		s = va_arg(*ap, const char *);
		if (!s)
			s = "(null)";
		format_field(o, sp, "", 0, s, (int)strnlen(s,
			     sp->precision < 0 ? (size_t)-1 : (size_t)sp->precision));
		break;
	case 'd':
	case 'i':
		v = int_arg(ap, len, true);
		number(o, *sp, (int64_t)v < 0 ? -v : v, 10, false,
		       (int64_t)v < 0 ? '-' : sp->plus ? '+' : sp->space ? ' ' : 0);
		break;
	case 'u':
		number(o, *sp, int_arg(ap, len, false), 10, false, 0);
		break;
	case 'o':
		number(o, *sp, int_arg(ap, len, false), 8, false, 0);
		break;
	case 'x':
	case 'X':
		number(o, *sp, int_arg(ap, len, false), 16, conv == 'X', 0);
		break;
	case 'p':               /* as C libraries print them: %#x, or (nil) */
		p = va_arg(*ap, void *);
		sp->alt = true;
		if (p)
			number(o, *sp, (uintptr_t)p, 16, false, 0);
		else
			format_field(o, sp, "", 0, "(nil)", 5);
		break;
	case 'n':               /* not supported (it writes through a pointer
				   in the format): skip its argument */
		(void)va_arg(*ap, void *);
		break;
#ifdef WITH_FLOAT
	case 'f': case 'F': case 'e': case 'E':
	case 'g': case 'G': case 'a': case 'A':
		format_float(o, sp, conv, len == 'L', ap);
		break;
#endif
	default:                /* %% and unknown conversions print as is */
		out_put(o, conv);
		break;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	struct spec sp;
	va_list args;

	va_copy(args, ap);
	for (const char *f = fmt; *f; f++) {
		if (*f != '%') {
			out_put(&o, *f);
			continue;
		}
		char len;

		f = parse_length(parse_spec(f + 1, &sp, &args), &len);
		if (!*f)
			break;
		convert(&o, &sp, *f, len, &args);
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
