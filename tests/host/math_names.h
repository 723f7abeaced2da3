/*
 * Included first into each file of the maths test: the host's math.h is
 * read before libc's functions are renamed our_*, so the host's own
 * declarations stay as they are.
 */
#include <math.h>
#define fabs our_fabs
#define sqrt our_sqrt
#define floor our_floor
#define ceil our_ceil
#define trunc our_trunc
#define round our_round
#define fmod our_fmod
#define exp our_exp
#define log our_log
#define log10 our_log10
#define pow our_pow
#define sin our_sin
#define cos our_cos
#define tan our_tan
#define atan our_atan
#define atan2 our_atan2
double our_fabs(double x);
double our_sqrt(double x);
double our_floor(double x);
double our_ceil(double x);
double our_trunc(double x);
double our_round(double x);
double our_fmod(double x, double y);
double our_exp(double x);
double our_log(double x);
double our_log10(double x);
double our_pow(double x, double y);
double our_sin(double x);
double our_cos(double x);
double our_tan(double x);
double our_atan(double x);
double our_atan2(double y, double x);
