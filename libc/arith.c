/* Integer arithmetic from <stdlib.h>: absolute values, division with
   remainder, and pseudo-random numbers. */
#include <stdlib.h>

int abs(int x)
{
	return x < 0 ? -x : x;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}

long long llabs(long long x)
{
	return x < 0 ? -x : x;
}

/* C rounds the quotient toward zero, so one division gives both parts. */
div_t div(int num, int den)
{
	return (div_t){ num / den, num % den };
}

ldiv_t ldiv(long num, long den)
{
	return (ldiv_t){ num / den, num % den };
}

lldiv_t lldiv(long long num, long long den)
{
	return (lldiv_t){ num / den, num % den };
}

/*
 * rand: the linear congruential generator the C standard shows as an
 * example: next = next * 1103515245 + 12345, of which bits 16..30 are
 * returned (the low bits of an LCG repeat with short periods). rand_r
 * keeps its state where the caller says; rand in one static variable.
 */
int rand_r(unsigned *seed)
{
	*seed = *seed * 1103515245 + 12345;
	return (*seed / 65536) % (RAND_MAX + 1U);
}

static unsigned next = 1;

int rand(void)
{
	return rand_r(&next);
}

void srand(unsigned seed)
{
	next = seed;
}
