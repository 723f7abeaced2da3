/*
 * Mathematics, on the x87 floating-point unit (libc/math.c). All of it
 * is in libc.a: there is no separate libm, and kcc ignores -lm.
 * Errors are not reported in errno (C lets math_errhandling say so):
 * sqrt(-1) is simply NaN and exp(1000) infinity.
 */
#ifndef _MATH_H
#define _MATH_H

#define HUGE_VAL  __builtin_huge_val()
#define INFINITY  __builtin_inff()
#define NAN       __builtin_nanf("")
#define isnan(x)  __builtin_isnan(x)
#define isinf(x)  __builtin_isinf(x)
#define isfinite(x) __builtin_isfinite(x)
#define signbit(x) __builtin_signbit(x)
#define math_errhandling 2      /* MATH_ERREXCEPT: no errno */

#define M_E  2.7182818284590452354
#define M_PI 3.14159265358979323846

double fabs(double x);
double sqrt(double x);
double floor(double x);
double ceil(double x);
double trunc(double x);
double round(double x);
double fmod(double x, double y);
double exp(double x);
double log(double x);
double log10(double x);
double pow(double x, double y);
double sin(double x);
double cos(double x);
double tan(double x);
double atan(double x);
double atan2(double y, double x);

#endif
