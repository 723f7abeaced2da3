/*
 * libc's floating conversions (libc/printf_float.c, reached through
 * kernel/lib/vsprintf.c built WITH_FLOAT) compared with the host C
 * library's: a table of awkward values, then thousands of random ones.
 */
#pragma GCC diagnostic ignored "-Wformat"
#undef snprintf
#undef vsnprintf
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <float.h>
#include <math.h>
#include "check.h"

int kernel_snprintf(char *buf, size_t size, const char *fmt, ...);

static int shown;              /* print only the first few differences */

#define SAME(fmt, ...) do { \
	char k[6000], h[6000]; \
	int kn = kernel_snprintf(k, sizeof(k), fmt, __VA_ARGS__); \
	int hn = snprintf(h, sizeof(h), fmt, __VA_ARGS__); \
	if ((kn != hn || strcmp(k, h)) && shown++ < 10) \
		printf("# %s: ours \"%s\" (%d), glibc \"%s\" (%d)\n", \
		       fmt, k, kn, h, hn); \
	CHECK(kn == hn); \
	CHECK(strcmp(k, h) == 0); \
} while (0)

static const char *const formats[] = {
	"%f", "%.0f", "%.1f", "%.3f", "%.17f", "%.40f", "%e", "%.0e", "%.2e",
	"%.16e", "%.30e", "%g", "%.0g", "%.1g", "%.3g", "%.17g",
	"%a", "%.0a", "%.1a", "%.3a", "%.20a", "%F", "%E", "%G", "%A",
	"[%+12.4f]", "[%-12.3e]", "[%012.3f]", "[% g]", "[%#.0f]", "[%#.0e]",
	"[%015a]", "[%-+15.2a]", "[%#.0a]",
};

static const double tricky[] = {
	0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 3.5, 0.125, 0.375, 1e-5, 1e-4,
	9.5, 99.5, 0.05, 0.15, 0.25, 0.35, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23,
	123456789.0, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 9.9999999, 999999.5,
	9.999999e-5, 0.00001234, 5e-324, 2.2250738585072014e-308,
	2.2250738585072009e-308, 1.7976931348623157e308, 4.35, 1.05, 0x1.fffp0,
	0x1.08p0, 0x1.18p0, 0x1.8p-1074, 0x1.ffffffffffffcp0, 0x1.ffffffffffffep0,
	M_PI, M_E, 1e100, 1e-100, 65536.0, 0.000244140625,
};

static double random_double(void)
{
	uint64_t b = 0;
	double d;

	for (int i = 0; i < 4; i++)
		b = b << 16 | (rand() & 0xffff);
	memcpy(&d, &b, 8);
	return d;
}

int main(void)
{
	CASE("printf %f %e %g %a: awkward doubles, every format") {
		for (size_t i = 0; i < sizeof(tricky) / sizeof(tricky[0]); i++)
			for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++)
				SAME(formats[f], tricky[i]);
	}
	CASE("printf: %#g keeps trailing zeros") {
		char k[64];

		SAME("[%#g] [%#.3g] [%#.3g] [%#g] [%#.0g]", 1.5, 99.96, 0.0001, 0.0, 7.0);
		/* Rounding up to a new power of ten: glibc (2.36) prints
		   1.e+06 here, C's rule (precision 6 - 1) gives 5 zeros. */
		kernel_snprintf(k, sizeof(k), "%#g", 999999.5);
		CHECK(strcmp(k, "1.00000e+06") == 0);
	}
	CASE("printf: inf and nan, signs and widths") {
		SAME("[%f] [%e] [%g] [%a] [%F] [%E] [%G] [%A]", INFINITY, -INFINITY,
		     INFINITY, -INFINITY, INFINITY, INFINITY, -INFINITY, INFINITY);
		SAME("[%f] [%F] [%+f] [%08f] [%-8f] [%8.3e]", NAN, NAN, -NAN, NAN,
		     INFINITY, -INFINITY);
	}
	CASE("printf: exact ties round to even (%.0f of 0.5 1.5 2.5)") {
		SAME("%.0f %.0f %.0f %.0f %.1f %.1f %.2f", 0.5, 1.5, 2.5, -3.5,
		     0.25, 0.75, 1.125);
	}
	CASE("printf: every digit of huge and tiny values") {
		SAME("%.0f", DBL_MAX);
		SAME("%.1080f", DBL_TRUE_MIN);
		SAME("%.800e", 0.1);
	}
	CASE("printf: widths and precisions from '*'") {
		SAME("[%*.*f] [%-*.*e] [%.*g]", 12, 3, 3.14159, 14, 2, -2.5e-9,
		     -1, 1234567.0);
	}
	CASE("printf: later arguments stay in place after floats") {
		SAME("%f %d %s %Lf %d", 1.5, 7, "x", 2.25L, 9);
	}
	CASE("printf: long double with L") {
		static const long double ld[] = {
			0.0L, 1.0L, -2.5L, 0.1L, 1e4000L, 1e-4000L, LDBL_MAX,
			LDBL_MIN, 3.14159265358979323846264338L, 1.0L / 3,
		};
		for (size_t i = 0; i < sizeof(ld) / sizeof(ld[0]); i++) {
			SAME("%Lf|%.30Le|%Lg|%.25Lg|%La|%.3La", ld[i], ld[i],
			     ld[i], ld[i], ld[i], ld[i]);
			SAME("%.0Lf", ld[i]);
		}
		SAME("%.20Le", LDBL_TRUE_MIN);
	}
	CASE("printf: 4000 random doubles at several precisions") {
		srand(12345);
		for (int i = 0; i < 4000; i++) {
			double d = random_double();

			SAME("%.17g|%.3e|%.0e|%g|%.25g|%a|%.5a", d, d, d, d, d, d, d);
			if (d > -1e30 && d < 1e30)
				SAME("%f|%.2f|%.20f", d, d, d);
		}
	}
	CASE("printf: random doubles near 1 with many digits") {
		for (int i = 0; i < 2000; i++) {
			double d = (double)rand() / RAND_MAX;

			for (int k = rand() % 20; k > 0; k--)
				d = i % 2 ? d * 10 : d / 10;

			SAME("%.1f|%.4f|%.10f|%.2e|%.6g|%.1a", d, d, d, d, d, d);
		}
	}
	return 0;
}
