/*
 * <math.h> by the x87 FPU's own instructions: fsqrt, fsin, fyl2x (y *
 * log2 x), f2xm1 (2^x - 1 for |x| <= 1), fprem, ... The FPU computes in
 * 80-bit extended precision, so intermediate results (such as y * log2 x
 * in pow) carry 11 more bits than a double and the answer is within an
 * ulp or two.
 *
 * A known weakness, kept: fsin, fcos and fptan reduce their argument by
 * a 66-bit pi, so close to a multiple of pi far from 0 the (tiny) sine
 * loses relative precision.
 */
#include <math.h>

double fabs(double x)
{
	asm("fabs" : "+t"(x));
	return x;
}

/* The FPU's control word says how it rounds: bits 8-9 to how many
   bits (PRECISION_*), bits 10-11 which way (ROUND_*). The functions
   below change it for one instruction, then put the caller's back. */
#define PRECISION_BITS 0x300
#define PRECISION_53   0x200
#define ROUNDING_BITS  0xc00
#define ROUND_DOWN     0x400
#define ROUND_UP       0x800
#define ROUND_ZERO     0xc00

/* The caller's control word in *saved; it with the bits of mask set to bits. */
static unsigned short control_with(unsigned short *saved, unsigned short mask,
				   unsigned short bits)
{
	asm("fnstcw %0" : "=m"(*saved));
	return (*saved & ~mask) | bits;
}

/* Rounded once, to a double's 53 bits: rounding the 64-bit result
   again when it is stored would sometimes be one off. */
double sqrt(double x)
{
	unsigned short cw, as_double = control_with(&cw, PRECISION_BITS, PRECISION_53);

	asm("fldcw %2\n\tfsqrt\n\tfldcw %1" : "+t"(x) : "m"(cw), "m"(as_double));
	return x;
}

static double round_toward(double x, unsigned short mode)
{
	unsigned short cw, rounding = control_with(&cw, ROUNDING_BITS, mode);

	asm("fldcw %2\n\tfrndint\n\tfldcw %1" : "+t"(x) : "m"(cw), "m"(rounding));
	return x;
}

double floor(double x) { return round_toward(x, ROUND_DOWN); }
double ceil(double x) { return round_toward(x, ROUND_UP); }
double trunc(double x) { return round_toward(x, ROUND_ZERO); }

/* Halfway cases away from zero. x - t is exact: both are doubles less
   than one apart (or x is already whole). */
double round(double x)
{
	double t = trunc(x);

	if (fabs(x - t) >= 0.5)
		t += x < 0 ? -1 : 1;
	return t;
}

/* x - n*y for the whole n toward zero, exactly: fprem does some 64
   bits of the long division a time and says (C2) if it must go on. */
static long double remainder_of(long double x, long double y)
{
	asm("1: fprem\n\tfnstsw %%ax\n\ttestw $0x400, %%ax\n\tjnz 1b"
	    : "+t"(x) : "u"(y) : "ax", "cc");
	return x;
}

double fmod(double x, double y)
{
	return remainder_of(x, y);
}

/* 2^z = 2^n * 2^f, n whole and |f| <= 1/2: fscale does 2^n, f2xm1 2^f. */
static long double exp2_x87(long double z)
{
	long double n, f;

	if (isinf(z))
		return z > 0 ? z : 0;
	asm("frndint" : "=t"(n) : "0"(z));
	f = z - n;
	asm("f2xm1" : "+t"(f));
	asm("fscale" : "=t"(f) : "0"(f + 1), "u"(n));
	return f;
}

/* y * log2(x), the one logarithm the FPU has. */
static long double y_log2_x(long double y, long double x)
{
	long double r;

	asm("fyl2x" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
	return r;
}

double exp(double x)
{
	long double log2e;

	asm("fldl2e" : "=t"(log2e));
	return exp2_x87(x * log2e);
}

double log(double x)
{
	long double ln2;

	asm("fldln2" : "=t"(ln2));
	return y_log2_x(ln2, x);        /* ln x = ln 2 * log2 x */
}

double log10(double x)
{
	long double lg2;

	asm("fldlg2" : "=t"(lg2));
	return y_log2_x(lg2, x);
}

/* x^y = 2^(y log2 |x|), after C's special cases; a negative x needs
   a whole y, whose oddness gives the sign. */
double pow(double x, double y)
{
	int odd = fabs(fmod(y, 2)) == 1;    /* false for inf, NaN, 2.5 */
	double r;

	if (y == 0 || x == 1)
		return 1;
	if (isnan(x) || isnan(y))
		return x + y;
	if (isinf(y) && fabs(x) == 1)
		return 1;
	if (x < 0 && isfinite(x) && trunc(y) != y)
		return NAN;
	r = exp2_x87(y_log2_x(y, fabs(x)));
	return signbit(x) && odd ? -r : r;
}

/* fsin and friends take |x| < 2^63; a bigger x is first brought
   within one turn. */
static long double in_range(long double x)
{
	long double pi;

	if (fabs(x) < 0x1p62)
		return x;
	asm("fldpi" : "=t"(pi));
	return remainder_of(x, 2 * pi);
}

double sin(double x)
{
	long double r = in_range(x);

	asm("fsin" : "+t"(r));
	return r;
}

double cos(double x)
{
	long double r = in_range(x);

	asm("fcos" : "+t"(r));
	return r;
}

/* fptan pushes a 1.0 after tan x (for cot = 1/that); drop it. */
double tan(double x)
{
	long double r = in_range(x);

	asm("fptan\n\tfstp %%st(0)" : "+t"(r));
	return r;
}

/* fpatan is atan(st1 / st0) in the right quadrant for every sign. */
double atan2(double y, double x)
{
	long double r;

	asm("fpatan" : "=t"(r) : "0"((long double)x), "u"((long double)y) : "st(1)");
	return r;
}

double atan(double x)
{
	return atan2(x, 1);
}
