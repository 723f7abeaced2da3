/*
 * vsnprintf: the formatter behind printk. It needs no hardware, so the
 * host unit tests compile this same file and compare it with the C library.
 *
 * Supported: %d %i %u %x %X %o %s %c %p %%, flags '-' '0' '+' ' ' '#',
 * a field width (also '*'), a precision for strings, and the length
 * modifiers l, ll, z and h. Like C's snprintf it returns the length the
 * whole output would have had, and writes at most size-1 characters.
 */
#include "lib/vsprintf.h"
#include "lib/string.h"

struct out {
	char *buf;
	size_t size;
	size_t len;             /* characters produced so far */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

struct spec {
	bool left, zero, plus, space, alt;   /* alt: '#', 0x or 0 in front */
	int width;
	int precision;          /* -1: none */
};

/* Emit a string s of length n into a field, padded as spec says. */
static void field(struct out *o, const struct spec *sp, const char *s, int n)
{
	if (!sp->left)
		pad(o, ' ', sp->width - n);
	for (int i = 0; i < n; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, ' ', sp->width - n);
}

/* What goes before the digits: a sign, and with '#' a 0x (or 0 for octal)
   unless the value is 0, as C's printf does. */
static int prefix(const struct spec *sp, uint64_t v, unsigned base,
		  bool upper, char sign, char *pre)
{
	int n = 0;

	if (sign)
		pre[n++] = sign;
	if (sp->alt && v && base != 10) {
		pre[n++] = '0';
		if (base == 16)
			pre[n++] = upper ? 'X' : 'x';
	}
	return n;
}

static void number(struct out *o, const struct spec *sp, uint64_t v,
		   unsigned base, bool upper, char sign)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], pre[3];
	int n = 0, width = sp->width;
	int npre = prefix(sp, v, base, upper, sign, pre);

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	width -= npre;
	if (sp->left) {
		for (int i = 0; i < npre; i++)
			put(o, pre[i]);
		for (int i = n - 1; i >= 0; i--)
			put(o, tmp[i]);
		pad(o, ' ', width - n);
		return;
	}
	if (!sp->zero)
		pad(o, ' ', width - n);
	for (int i = 0; i < npre; i++)
		put(o, pre[i]);
	if (sp->zero)
		pad(o, '0', width - n);
	while (n--)
		put(o, tmp[n]);
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
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		f++;
	}
	while (*f >= '0' && *f <= '9')
		sp->width = sp->width * 10 + (*f++ - '0');
	if (*f == '.') {
		sp->precision = 0;
		for (f++; *f >= '0' && *f <= '9'; f++)
			sp->precision = sp->precision * 10 + (*f - '0');
	}
	return f;
}

/* Read one integer argument of the size the length modifier names. */
static uint64_t int_arg(va_list *ap, int longs, bool is_signed)
{
	if (longs >= 2)
		return is_signed ? (uint64_t)va_arg(*ap, long long)
				 : va_arg(*ap, unsigned long long);
	if (longs == 1)
		return is_signed ? (uint64_t)(int64_t)va_arg(*ap, long)
				 : va_arg(*ap, unsigned long);
	return is_signed ? (uint64_t)(int64_t)va_arg(*ap, int)
			 : va_arg(*ap, unsigned int);
}

static void convert(struct out *o, struct spec *sp, char conv, int longs,
		    va_list *ap)
{
	char c;
	const char *s;
	uint64_t v;
	char sign = 0;

	switch (conv) {
	case 'c':
		c = (char)va_arg(*ap, int);
		field(o, sp, &c, 1);
		break;
	case 's':
		s = va_arg(*ap, const char *);
		if (!s)
			s = "(null)";
		field(o, sp, s, (int)strnlen(s, sp->precision < 0 ?
					     (size_t)-1 : (size_t)sp->precision));
		break;
	case 'd':
	case 'i':
		v = int_arg(ap, longs, true);
		if ((int64_t)v < 0) {
			sign = '-';
			v = -v;
		} else if (sp->plus || sp->space) {
			sign = sp->plus ? '+' : ' ';
		}
		number(o, sp, v, 10, false, sign);
		break;
	case 'u':
		number(o, sp, int_arg(ap, longs, false), 10, false, 0);
		break;
	case 'o':
		number(o, sp, int_arg(ap, longs, false), 8, false, 0);
		break;
	case 'x':
	case 'X':
		number(o, sp, int_arg(ap, longs, false), 16, conv == 'X', 0);
		break;
	case 'p':               /* pointers: always 0x and 8 digits on i386 */
		put(o, '0');
		put(o, 'x');
		sp->zero = true;
		sp->width = 2 * (int)sizeof(void *);
		number(o, sp, (uintptr_t)va_arg(*ap, void *), 16, false, 0);
		break;
	default:                /* %% and unknown conversions print as is */
		put(o, conv);
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
			put(&o, *f);
			continue;
		}
		f = parse_spec(f + 1, &sp, &args);
		int longs = 0;
		for (; *f == 'l' || *f == 'z' || *f == 'h'; f++)
			longs += *f == 'l';
		if (!*f)
			break;
		convert(&o, &sp, *f, longs, &args);
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
