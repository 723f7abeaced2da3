/* <inttypes.h>'s functions: intmax_t is long long, so each is its
   long long twin under the name C gives the widest type. */
#include <inttypes.h>
#include <stdlib.h>

intmax_t imaxabs(intmax_t x)
{
	return llabs(x);
}

imaxdiv_t imaxdiv(intmax_t num, intmax_t den)
{
	lldiv_t d = lldiv(num, den);

	return (imaxdiv_t){ d.quot, d.rem };
}

intmax_t strtoimax(const char *s, char **end, int base)
{
	return strtoll(s, end, base);
}

uintmax_t strtoumax(const char *s, char **end, int base)
{
	return strtoull(s, end, base);
}
