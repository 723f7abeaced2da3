/*
 * <math.h> in a Sprout process, on the real FPU (every function is
 * checked against glibc's libm on the host, tests/host/test_math.c):
 * a handful of known answers, the special values, and the rounding mode
 * floor changes for a moment put back. Runs as process 1
 * (tests/guest_libc.py) and on an x86 Linux machine too.
 */
#include "check.h"
#include <math.h>

/* Within a millionth: these answers are known to far more digits. */
static int close_to(double got, double want)
{
	return fabs(got - want) <= 1e-6 * fabs(want);
}

/* How the FPU rounds, and to how many bits. */
static unsigned short fpu_control_word(void)
{
	unsigned short cw;

	asm volatile("fnstcw %0" : "=m"(cw));
	return cw;
}

int main(int argc, char **argv)
{
	volatile double two = 2, half = 0.5;
	unsigned short cw;

	check_init(argc, argv);
	expect("sqrt, pow: exact squares and powers of two",
	       sqrt(two * 8) == 4 && pow(two, 10) == 1024 && pow(-two, 3) == -8,
	       "sqrt(16) %g pow(2,10) %g", sqrt(two * 8), pow(two, 10));
	expect("floor, ceil, trunc, round on -2.5",
	       floor(-two - half) == -3 && ceil(-two - half) == -2 &&
	       trunc(-two - half) == -2 && round(-two - half) == -3, "wrong");
	cw = fpu_control_word();
	floor(half);
	ceil(half);
	sqrt(half);
	expect("floor, ceil, sqrt put the FPU's control word back",
	       fpu_control_word() == cw, "%#x, was %#x", fpu_control_word(), cw);
	expect("fmod: 7.5 mod 2 is 1.5, -7.5 mod 2 is -1.5",
	       fmod(7.5, two) == 1.5 && fmod(-7.5, two) == -1.5, "%g", fmod(7.5, two));
	expect("exp, log, log10",
	       close_to(exp(log(10 * two)), 20) && close_to(log(M_E * two / 2), 1) &&
	       close_to(log10(1000 * two / 2), 3), "exp(log(20)) %g", exp(log(10 * two)));
	expect("sin, cos, tan, atan, atan2",
	       close_to(sin(M_PI / 6), 0.5) && close_to(cos(M_PI / 3), 0.5) &&
	       close_to(tan(M_PI / 4), 1) && close_to(atan(two / 2), M_PI / 4) &&
	       close_to(atan2(1, -two / 2), 3 * M_PI / 4), "sin(pi/6) %g", sin(M_PI / 6));
	expect("NaN and infinity: sqrt(-1), log(0), exp(1000)",
	       isnan(sqrt(-two)) && isinf(log(two - 2)) && log(two - 2) < 0 &&
	       isinf(exp(500 * two)) && exp(500 * two) == HUGE_VAL &&
	       isnan(NAN) && isinf(INFINITY), "wrong");
	return check_done();
}
