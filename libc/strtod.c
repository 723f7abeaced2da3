/*
 * strtod: a decimal or hex floating constant, "inf", "infinity" or
 * "nan" (any case), after blanks and a sign.
 *
 * Decimal constants are rounded correctly (to nearest, ties to even) in
 * two steps. First a guess: the first 19 significant digits as a 64-bit
 * integer m, times 10^e, in the x87's long double, rounded to double;
 * that is off by at most one unit in the last place. Then the guess is
 * checked exactly: the input's digits D × 10^e are compared, as big
 * integers, with the points halfway to the two neighbouring doubles,
 * and the guess moves to a neighbour if the input lies beyond one. Up to
 * 800 significant digits are kept; a longer input keeps a "something
 * nonzero follows" digit in their place, which decides every comparison
 * the same way as the full tail would. Hex constants are exact up to 16
 * hex digits.
 */
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <stdint.h>

#define MAX_DIGITS 800

/* The input's digits: value = d[0]d[1]...d[n-1] × base^scale. */
struct number {
	unsigned char d[MAX_DIGITS];
	int n;
	int scale;
};

/* A big integer in base 2^32, for the exact comparison: the largest is
   about 800 digits × 10^330, or 2^55 × 5^1145 × 2^1200: < 4,000 bits. */
#define WORDS 160

struct big {
	uint32_t w[WORDS];      /* least significant first */
	int n;
};

/* b = b × m + add */
static void mul_add(struct big *b, uint32_t m, uint32_t add)
{
	uint64_t carry = add;

	for (int i = 0; i < b->n; i++) {
		uint64_t t = (uint64_t)b->w[i] * m + carry;

		b->w[i] = (uint32_t)t;
		carry = t >> 32;
	}
	if (carry)
		b->w[b->n++] = (uint32_t)carry;
}

/* b = b × base^k, for base 2 or 5, in steps that fit in 32 bits. */
static void mul_pow(struct big *b, uint32_t base, int k)
{
	int step = base == 2 ? 31 : 13;

	for (; k > 0; k -= step) {
		uint32_t p = 1;

		for (int i = 0; i < (k < step ? k : step); i++)
			p *= base;
		mul_add(b, p, 0);
	}
}

static int big_cmp(const struct big *a, const struct big *b)
{
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	for (int i = a->n - 1; i >= 0; i--)
		if (a->w[i] != b->w[i])
			return a->w[i] < b->w[i] ? -1 : 1;
	return 0;
}

/* A positive double as M × 2^K (infinity reads as 2^1024, the next
   power of two above the largest double, which is what it stands for
   when rounding). */
static void split(double x, uint64_t *m, int *k)
{
	uint64_t b;
	int e;

	memcpy(&b, &x, 8);
	e = b >> 52 & 0x7ff;
	*m = (b & ((1ull << 52) - 1)) | (uint64_t)(e != 0) << 52;
	*k = (e ? e : 1) - 1075;
}

/* The neighbouring double, one step up (dir 1) or down (-1). */
static double step(double x, int dir)
{
	uint64_t b;

	memcpy(&b, &x, 8);
	b += dir;
	memcpy(&x, &b, 8);
	return x;
}

/* Is the input below (-1), at (0) or above (1) the midpoint of the
   neighbours lo and hi? Both sides are made integers:
   D × 2^scale × 5^scale against (lo + hi) / 2 = S × 2^(K-1). */
static int cmp_mid(const struct number *x, double lo, double hi)
{
	struct big l = { .n = 0 }, r = { .n = 0 };
	uint64_t m1, m2, s;
	int k1, k2, k;

	split(lo, &m1, &k1);
	split(hi, &m2, &k2);
	k = k1 < k2 ? k1 : k2;
	s = (m1 << (k1 - k)) + (m2 << (k2 - k));
	for (int i = 0; i < x->n; i++)
		mul_add(&l, 10, x->d[i]);
	mul_add(&r, 1, (uint32_t)s);
	if (s >> 32)
		r.w[r.n++] = s >> 32;
	mul_pow(x->scale >= 0 ? &l : &r, 5, abs(x->scale));
	mul_pow(x->scale - (k - 1) >= 0 ? &l : &r, 2, abs(x->scale - (k - 1)));
	return big_cmp(&l, &r);
}

/* Move the guess g to whichever double is nearest the input. */
static double correct(const struct number *x, double g)
{
	for (int i = 0; i < 2; i++) {
		uint64_t m;
		int k, c;

		split(g, &m, &k);
		c = cmp_mid(x, g, step(g, 1));
		if (c > 0 || (c == 0 && (m & 1))) {
			g = step(g, 1);
			continue;
		}
		if (g == 0)
			break;
		c = cmp_mid(x, step(g, -1), g);
		if (c < 0 || (c == 0 && (m & 1))) {
			g = step(g, -1);
			continue;
		}
		break;
	}
	return g;
}

/* Does s start with word (in lower case), in any case? */
static int starts(const char *s, const char *word)
{
	for (; *word; s++, word++)
		if (tolower((unsigned char)*s) != *word)
			return 0;
	return 1;
}

/* base^e in long double, by squaring: the product of base^(2^k). */
static long double power(long double b, int e)
{
	long double r = 1;

	for (unsigned u = e < 0 ? -e : e; u; u >>= 1, b *= b)
		if (u & 1)
			r *= b;
	return e < 0 ? 1 / r : r;
}

/* Digits in base 10 or 16 with at most one point, into x. */
static const char *digits(const char *s, int base, struct number *x, int *any)
{
	int point = 0, sticky = 0;

	for (;; s++) {
		int c = tolower((unsigned char)*s), d;

		if (c == '.' && !point) {
			point = 1;
			continue;
		}
		if (isdigit(c))
			d = c - '0';
		else if (base == 16 && c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else
			return sticky ? (x->d[x->n++] = 1, x->scale--, s) : s;
		*any = 1;
		if (x->n == 0 && d == 0) {              /* a leading zero */
			x->scale -= point;
		} else if (x->n < MAX_DIGITS - 1) {
			x->d[x->n++] = d;
			x->scale -= point;
		} else {                                /* beyond what we keep */
			x->scale += !point;
			sticky |= d;
		}
	}
}

double strtod(const char *s, char **end)
{
	const char *p = s, *q;
	int neg = 0, any = 0, base = 10, exp2 = 0;
	struct number x = { .n = 0, .scale = 0 };
	uint64_t m = 0;
	double r;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (starts(p, "inf")) {
		p += starts(p, "infinity") ? 8 : 3;
		r = __builtin_inf();
		goto done;
	}
	if (starts(p, "nan")) {
		p += 3;
		r = __builtin_nan("");
		goto done;
	}
	if (p[0] == '0' && tolower((unsigned char)p[1]) == 'x' &&
	    (isxdigit((unsigned char)p[2]) ||
	     (p[2] == '.' && isxdigit((unsigned char)p[3])))) {
		base = 16;
		p += 2;
	}
	p = digits(p, base, &x, &any);
	if (!any) {
		p = s;                  /* no number at all */
		r = 0;
		goto done;
	}
	/* The exponent: e or E, or p or P (a power of two) for hex. */
	q = p;
	if (tolower((unsigned char)*q) == (base == 10 ? 'e' : 'p')) {
		int eneg = 0, e = 0;

		q++;
		if (*q == '+' || *q == '-')
			eneg = *q++ == '-';
		if (isdigit((unsigned char)*q)) {
			for (; isdigit((unsigned char)*q); q++)
				if (e < 100000)
					e = e * 10 + *q - '0';
			if (base == 10)
				x.scale += eneg ? -e : e;
			else
				exp2 = eneg ? -e : e;
			p = q;
		}
	}
	int kept = x.n < (base == 10 ? 19 : 16) ? x.n : (base == 10 ? 19 : 16);

	for (int i = 0; i < kept; i++)
		m = m * base + x.d[i];
	r = m ? (double)((long double)m * power(base, x.scale + x.n - kept) *
			 power(2, exp2)) : 0;
	/* Inputs far outside the doubles' range are 0 or infinity for sure. */
	if (base == 10 && m && x.scale + x.n > -345 && x.scale + x.n < 330)
		r = correct(&x, r);
	if (m && (r == 0 || r > 1.7976931348623157e308 ||
		  r < 2.2250738585072014e-308))
		errno = ERANGE;
done:
	if (end)
		*end = (char *)p;
	return neg ? -r : r;
}

double atof(const char *s)
{
	return strtod(s, NULL);
}
