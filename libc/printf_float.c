/*
 * printf's floating conversions %f %e %g %a (and %F %E %G %A), for
 * double and, with L, long double. Only libc has them: the kernel
 * never touches the FPU's registers (see lib/format.h).
 *
 * A binary float is exactly m × 2^e, and so has an exact, finite
 * decimal expansion: for e < 0, m × 2^e = m × 5^-e / 10^-e, so its
 * digits are those of the integer m × 5^-e; for e >= 0, those of
 * m × 2^e. We compute that integer with a big-integer multiply, then
 * round its digits where the precision says: to nearest, and an exact
 * tie (...5000) to the even digit, as glibc does in the default rounding
 * mode. So every digit printed is correct, however many are asked for.
 */
#include "lib/format.h"
#include "lib/string.h"

/* The big integer, in base 10^9 so that its decimal digits are easy to
   read off. The largest is m × 5^16445 (the smallest long double):
   11,515 digits, 1,280 limbs. */
#define BASE  1000000000u
#define LIMBS 1300

struct big {
	uint32_t limb[LIMBS];   /* least significant first */
	int n;
};

/* b *= m, for m < 2^32 (then limb × m + carry fits in 64 bits). */
static void big_mul(struct big *b, uint32_t m)
{
	uint64_t carry = 0;

	for (int i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->limb[i] * m + carry;

		b->limb[i] = t % BASE;
		carry = t / BASE;
	}
	for (; carry; carry /= BASE)
		b->limb[b->n++] = carry % BASE;
}

/* A float's value: (-1)^neg × mant × 2^exp2, unless special is 'i'
   (infinity) or 'n' (not a number). */
struct fp {
	bool neg;
	char special;
	uint64_t mant;
	int exp2;
	int frac_bits;          /* mantissa bits after the first hex digit */
};

/* Take a double or an x87 long double apart (IEEE 754 layouts: the
   long double keeps its integer bit; exponent 0 means subnormal). */
static void unpack(va_list *ap, bool long_double, struct fp *x)
{
	int e;

	if (long_double) {
		long double v = va_arg(*ap, long double);
		struct { uint64_t m; uint16_t sign_exp; } b;

		memcpy(&b, &v, 10);
		e = b.sign_exp & 0x7fff;
		x->neg = b.sign_exp >> 15;
		x->mant = b.m;
		x->exp2 = (e ? e : 1) - 16383 - 63;
		x->special = e != 0x7fff ? 0 : b.m << 1 ? 'n' : 'i';
		x->frac_bits = 60;
	} else {
		double v = va_arg(*ap, double);
		uint64_t b;

		memcpy(&b, &v, 8);
		e = b >> 52 & 0x7ff;
		x->neg = b >> 63;
		x->mant = (b & ((1ull << 52) - 1)) | (uint64_t)(e != 0) << 52;
		x->exp2 = (e ? e : 1) - 1023 - 52;
		x->special = e != 0x7ff ? 0 : x->mant << 12 ? 'n' : 'i';
		x->frac_bits = 52;
	}
}

/* A value's decimal digits: 0.d[0]d[1]...d[n-1] × 10^exp10, without
   trailing zeros; zero is n = 0 (and exp10 = 1, so that it prints as
   0e+00 and 0.000). */
struct decimal {
	char d[LIMBS * 9];
	int n;
	int exp10;
};

static void to_decimal(const struct fp *x, struct decimal *d)
{
	struct big b = { .n = 0 };
	int shift = x->exp2 < 0 ? -x->exp2 : 0;

	for (uint64_t m = x->mant; m; m /= BASE)
		b.limb[b.n++] = m % BASE;
	for (int k = x->exp2; k > 0; k -= 29)           /* × 2^exp2 */
		big_mul(&b, 1u << (k < 29 ? k : 29));
	for (int k = shift; k > 0; k -= 13) {           /* × 5^-exp2 */
		uint32_t p = 1;

		for (int i = 0; i < (k < 13 ? k : 13); i++)
			p *= 5;
		big_mul(&b, p);
	}
	d->n = 0;
	for (int i = b.n - 1; i >= 0; i--)
		for (uint32_t p = BASE / 10; p; p /= 10)
			if (d->n || b.limb[i] / p % 10 || p == 1)
				d->d[d->n++] = '0' + b.limb[i] / p % 10;
	d->exp10 = d->n - shift;
	while (d->n && d->d[d->n - 1] == '0')
		d->n--;
	if (!d->n)
		d->exp10 = 1;
}

/* Keep the first `keep` digits, rounding to nearest, ties to even. */
static void round_at(struct decimal *d, int keep)
{
	bool up;

	if (keep >= d->n)
		return;
	if (keep < 0) {                 /* below half of the last place */
		d->n = 0;
		return;
	}
	if (d->d[keep] != '5')
		up = d->d[keep] > '5';
	else if (keep + 1 < d->n)       /* a nonzero digit follows: above */
		up = true;
	else                            /* exactly half: to even */
		up = keep > 0 && (d->d[keep - 1] - '0') % 2;
	d->n = keep;
	if (up) {
		while (d->n && d->d[d->n - 1] == '9')
			d->n--;
		if (d->n) {
			d->d[d->n - 1]++;
		} else {                /* 9.99 became 10.0 */
			d->d[d->n++] = '1';
			d->exp10++;
		}
	}
	while (d->n && d->d[d->n - 1] == '0')
		d->n--;
}

static char digit(const struct decimal *d, int i)
{
	return i >= 0 && i < d->n ? d->d[i] : '0';
}

/* An exponent: its sign and at least min digits. */
static void put_exponent(struct out *o, char letter, int x, int min)
{
	char t[8];
	int n = 0;

	out_put(o, letter);
	out_put(o, x < 0 ? '-' : '+');
	for (unsigned u = x < 0 ? -x : x; u || n < min; u /= 10)
		t[n++] = '0' + u % 10;
	while (n)
		out_put(o, t[--n]);
}

/* The body of %f (style 'f') or %e ('e'), prec digits after the point;
   the digits have been rounded already. */
static void put_decimal(struct out *o, const struct decimal *d, char style,
			int prec, bool alt, bool upper)
{
	int point = style == 'f' ? d->exp10 : 1;    /* digits before it */

	if (point <= 0)
		out_put(o, '0');
	for (int i = 0; i < point; i++)
		out_put(o, digit(d, i));
	if (prec > 0 || alt)
		out_put(o, '.');
	for (int i = 0; i < prec; i++)
		out_put(o, digit(d, point + i));
	if (style == 'e')
		put_exponent(o, upper ? 'E' : 'e', d->n ? d->exp10 - 1 : 0, 2);
}

/* The body of %a: the mantissa in hex, as h.hhh × 2^exp. A double shows
   its leading 1 (0 if subnormal) and 13 hex digits after the point; a
   long double its top 4 bits, then 15 digits, as glibc prints them. */
static void put_hex(struct out *o, const struct fp *x, int prec, bool alt,
		    bool upper)
{
	const char *hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int frac_digits = x->frac_bits / 4;
	uint64_t v = x->mant;

	if (prec >= 0 && prec < frac_digits) {  /* round, ties to even */
		int s = 4 * (frac_digits - prec);
		uint64_t rest = v & ((1ull << s) - 1), half = 1ull << (s - 1);

		v >>= s;
		v += rest > half || (rest == half && (v & 1));
		frac_digits = prec;
	}
	uint64_t lead = v >> 4 * frac_digits;
	int shown = frac_digits, exp = x->mant ? x->exp2 + x->frac_bits : 0;

	if (lead > 15) {                /* rounding carried: 0xf.f -> 0x1.0 */
		lead = 1;
		v = 0;
		exp += 4;
	}

	if (prec < 0)                   /* no precision: exact, no 0 tail */
		while (shown && (v >> 4 * (frac_digits - shown) & 15) == 0)
			shown--;
	else
		shown = prec;
	out_put(o, hex[lead]);
	if (shown > 0 || alt)
		out_put(o, '.');
	for (int i = 1; i <= shown; i++)
		out_put(o, i > frac_digits ? '0'
			: hex[v >> 4 * (frac_digits - i) & 15]);
	put_exponent(o, upper ? 'P' : 'p', exp, 1);
}

void format_float(struct out *o, const struct spec *sp, char conv,
		  bool long_double, va_list *ap)
{
	bool upper = conv >= 'A' && conv <= 'Z';
	char style = conv | 0x20;       /* lower case: f e g a */
	struct spec s = *sp;
	struct out count = { NULL, 0, 0 };  /* a dry run, to measure */
	char pre[4] = { 0 };
	int prec = sp->precision;
	struct decimal d;
	struct fp x;

	unpack(ap, long_double, &x);
	pre[0] = x.neg ? '-' : sp->plus ? '+' : sp->space ? ' ' : 0;
	if (x.special) {
		s.zero = false;
		format_field(o, &s, pre, 0, x.special == 'i' ?
			     (upper ? "INF" : "inf") : (upper ? "NAN" : "nan"), 3);
		return;
	}
	if (style == 'a') {
		int k = pre[0] != 0;

		pre[k] = '0';
		pre[k + 1] = upper ? 'X' : 'x';
		put_hex(&count, &x, prec, sp->alt, upper);
		field_begin(o, &s, pre, (int)(strlen(pre) + count.len));
		put_hex(o, &x, prec, sp->alt, upper);
		field_end(o, &s, (int)(strlen(pre) + count.len));
		return;
	}
	to_decimal(&x, &d);
	if (prec < 0)
		prec = 6;
	if (style == 'g') {     /* %e or %f, whichever suits the exponent */
		int p = prec ? prec : 1;

		round_at(&d, p);
		int exp = d.n ? d.exp10 - 1 : 0;
		if (p > exp && exp >= -4) {
			style = 'f';
			prec = p - 1 - exp;
		} else {
			style = 'e';
			prec = p - 1;
		}
		if (!sp->alt) {         /* without '#', no trailing zeros */
			int have = style == 'f' ? d.n - d.exp10 : d.n - 1;

			if (prec > have)
				prec = have > 0 ? have : 0;
		}
	}
	round_at(&d, style == 'f' ? d.exp10 + prec : prec + 1);
	put_decimal(&count, &d, style, prec, sp->alt, upper);
	field_begin(o, &s, pre, (int)(strlen(pre) + count.len));
	put_decimal(o, &d, style, prec, sp->alt, upper);
	field_end(o, &s, (int)(strlen(pre) + count.len));
}
