/*
 * Integers from strings: strtol, strtoul, strtoll, strtoull and atoi,
 * atol, atoll. One parser does all four: it reads the magnitude as an
 * unsigned long long and each function says how big its type may go.
 */
#include <stdlib.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>

/* The value of digit c (0-9, a-z, A-Z), or 36 for anything else. */
static int digit(int c)
{
	if (isdigit(c))
		return c - '0';
	if (isalpha(c))
		return tolower(c) - 'a' + 10;
	return 36;
}

/*
 * The number at s in base (0: decimal, or 0x.. hex, or 0.. octal), after
 * blanks and a sign. max is the largest value of the caller's type;
 * a signed type (is_signed) goes one further below zero. Out of range
 * gives ERANGE and the nearest end of the range; no digits give 0 with
 * *end = s. The result is the value wrapped into unsigned long long,
 * for the caller to convert back.
 */
static unsigned long long strto(const char *s, char **end, int base,
				unsigned long long max, int is_signed)
{
	const char *p = s;
	unsigned long long mag = 0, limit;
	int neg = 0, over = 0, any = 0, d;

	if (end)
		*end = (char *)s;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		return 0;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' &&
	    (p[1] == 'x' || p[1] == 'X') && isxdigit((unsigned char)p[2])) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}
	for (; (d = digit((unsigned char)*p)) < base; p++, any = 1) {
		if (mag > (ULLONG_MAX - d) / base)
			over = 1;
		mag = mag * base + d;
	}
	if (!any)
		return 0;
	if (end)
		*end = (char *)p;
	limit = is_signed && neg ? max + 1 : max;
	if (over || mag > limit) {
		errno = ERANGE;
		return is_signed && neg ? -limit : limit;
	}
	return neg ? -mag : mag;
}

long strtol(const char *s, char **end, int base)
{
	return (long)strto(s, end, base, LONG_MAX, 1);
}

unsigned long strtoul(const char *s, char **end, int base)
{
	return (unsigned long)strto(s, end, base, ULONG_MAX, 0);
}

long long strtoll(const char *s, char **end, int base)
{
	return (long long)strto(s, end, base, LLONG_MAX, 1);
}

unsigned long long strtoull(const char *s, char **end, int base)
{
	return strto(s, end, base, ULLONG_MAX, 0);
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
