/*
 * libc's maths (libc/math.c, x87 instructions, built here as our_*)
 * against glibc's libm: exactly equal for the functions with one right
 * answer (sqrt, floor, ceil, trunc, round, fabs, fmod), within a few
 * units in the last place for the rest; special values (0, -0, inf,
 * NaN, negatives) as C says.
 */
#undef fabs
#undef sqrt
#undef floor
#undef ceil
#undef trunc
#undef round
#undef fmod
#undef exp
#undef log
#undef log10
#undef pow
#undef sin
#undef cos
#undef tan
#undef atan
#undef atan2
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

/* How many doubles lie between a and b (0: the same; NaNs match NaNs). */
static int64_t ulps(double a, double b)
{
	int64_t i, j;

	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b) ? 0 : INT64_MAX;
	if (a == b)
		return signbit(a) == signbit(b) ? 0 : INT64_MAX;
	memcpy(&i, &a, 8);
	memcpy(&j, &b, 8);
	i = i < 0 ? INT64_MIN - i : i;  /* order the bit patterns as numbers */
	j = j < 0 ? INT64_MIN - j : j;
	return i > j ? i - j : j - i;
}

/* Any double at all, bits at random: every exponent, NaNs, infinities. */
static double any_double(void)
{
	uint64_t bits = (uint64_t)rand() << 42 ^ (uint64_t)rand() << 21 ^ rand();
	double d;

	memcpy(&d, &bits, 8);
	return isnan(d) ? NAN : d;      /* no signaling NaNs: C leaves those be */
}

/* A double of modest size, in (-range, range). */
static double near(double range)
{
	return (rand() / (double)RAND_MAX * 2 - 1) * range;
}

static const double specials[] = {
	0.0, -0.0, 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 2, -2, 3, -3,
	INFINITY, -INFINITY, NAN, 0x1p52, -0x1p52 - 1, 0x1p-1074, 1e300,
	-1e-300, 0.49999999999999994, 4503599627370497.0,
};
#define NSPECIAL (int)(sizeof(specials) / sizeof(specials[0]))

static double pick(double range)
{
	switch (rand() % 4) {
	case 0: return specials[rand() % NSPECIAL];
	case 1: return any_double();
	default: return near(range);
	}
}

#define WITHIN1(fn, x, tol) do { \
	double a_ = our_##fn(x), b_ = fn(x); \
	if (ulps(a_, b_) > (tol)) \
		printf("# %s(%a): ours %a, glibc %a\n", #fn, x, a_, b_); \
	CHECK(ulps(a_, b_) <= (tol)); \
} while (0)

#define WITHIN2(fn, x, y, tol) do { \
	double a_ = our_##fn(x, y), b_ = fn(x, y); \
	if (ulps(a_, b_) > (tol)) \
		printf("# %s(%a, %a): ours %a, glibc %a\n", #fn, x, y, a_, b_); \
	CHECK(ulps(a_, b_) <= (tol)); \
} while (0)

int main(void)
{
	srand(5);
	CASE("sqrt, floor, ceil, trunc, round, fabs, fmod: exact") {
		for (int i = 0; i < 200000 && !check_failed; i++) {
			double x = pick(1e6), y = pick(100);

			WITHIN1(sqrt, x, 0);
			WITHIN1(floor, x, 0);
			WITHIN1(ceil, x, 0);
			WITHIN1(trunc, x, 0);
			WITHIN1(round, x, 0);
			WITHIN1(fabs, x, 0);
			WITHIN2(fmod, x, y, 0);
		}
	}
	CASE("exp, log, log10: within 2 ulps") {
		for (int i = 0; i < 200000 && !check_failed; i++) {
			double x = pick(700);

			WITHIN1(exp, x, 2);
			WITHIN1(log, fabs(x) * 10, 2);
			WITHIN1(log, x, 2);
			WITHIN1(log10, x, 2);
		}
	}
	CASE("pow: within 2 ulps, and C's special cases") {
		for (int i = 0; i < 200000 && !check_failed; i++) {
			double x = pick(20), y = pick(30);

			WITHIN2(pow, x, y, 2);
			WITHIN2(pow, x, trunc(y), 2);
		}
		for (int i = 0; i < NSPECIAL; i++)
			for (int j = 0; j < NSPECIAL; j++)
				WITHIN2(pow, specials[i], specials[j], 2);
	}
	CASE("atan, atan2: within 2 ulps, every quadrant and zero") {
		for (int i = 0; i < 200000 && !check_failed; i++) {
			double x = pick(100), y = pick(100);

			WITHIN1(atan, x, 2);
			WITHIN2(atan2, y, x, 2);
		}
		for (int i = 0; i < NSPECIAL; i++)
			for (int j = 0; j < NSPECIAL; j++)
				WITHIN2(atan2, specials[i], specials[j], 2);
	}
	CASE("sin, cos, tan: within 2 ulps for |x| < 10 away from zeros") {
		for (int i = 0; i < 200000 && !check_failed; i++) {
			double x = near(10);

			if (fabs(sin(x)) > 1e-3)
				WITHIN1(sin, x, 2);
			if (fabs(cos(x)) > 1e-3)
				WITHIN1(cos, x, 2);
			if (fabs(sin(x)) > 1e-3 && fabs(cos(x)) > 1e-3)
				WITHIN1(tan, x, 2);
		}
		for (int i = 0; i < NSPECIAL; i++) {
			double x = specials[i];

			if (!isfinite(x) || fabs(x) < 1e-3) {
				WITHIN1(sin, x, 0);
				WITHIN1(cos, x, 0);
				WITHIN1(tan, x, 0);
			}
		}
	}
	CASE("sin, cos: huge arguments stay in [-1, 1]") {
		for (int i = 0; i < 10000; i++) {
			double x = any_double();

			if (isfinite(x))
				CHECK(fabs(our_sin(x)) <= 1 && fabs(our_cos(x)) <= 1);
		}
	}
	return 0;
}
