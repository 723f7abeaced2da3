/* Numbers from strings, and the environment. */
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <unistd.h>

/*
 * The digits of s in base (0: decimal, or 0x.. hex, or 0.. octal), after
 * blanks and a sign. Stores the magnitude (saturated at ULONG_MAX, with
 * *overflow set) and the sign; returns where the number ends.
 */
static const char *parse_num(const char *s, int base, unsigned long *mag,
			     int *neg, int *overflow)
{
	const char *start = s;
	int any = 0;

	*mag = 0;
	*neg = *overflow = 0;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '+' || *s == '-')
		*neg = *s++ == '-';
	if ((base == 0 || base == 16) && s[0] == '0' &&
	    (s[1] == 'x' || s[1] == 'X') && isxdigit((unsigned char)s[2])) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	for (;; s++, any = 1) {
		int c = (unsigned char)*s, d;

		if (isdigit(c))
			d = c - '0';
		else if (isalpha(c))
			d = tolower(c) - 'a' + 10;
		else
			break;
		if (d >= base)
			break;
		if (*mag > (ULONG_MAX - d) / base)
			*overflow = 1;
		*mag = *overflow ? ULONG_MAX : *mag * base + d;
	}
	return any ? s : start;
}

unsigned long strtoul(const char *s, char **end, int base)
{
	unsigned long mag;
	int neg, overflow;
	const char *e = parse_num(s, base, &mag, &neg, &overflow);

	if (end)
		*end = (char *)e;
	if (overflow) {
		errno = ERANGE;
		return ULONG_MAX;
	}
	return neg ? -mag : mag;
}

long strtol(const char *s, char **end, int base)
{
	unsigned long mag;
	int neg, overflow;
	const char *e = parse_num(s, base, &mag, &neg, &overflow);
	unsigned long limit = neg ? -(unsigned long)LONG_MIN : LONG_MAX;

	if (end)
		*end = (char *)e;
	if (overflow || mag > limit) {
		errno = ERANGE;
		return neg ? LONG_MIN : LONG_MAX;
	}
	return neg ? (long)(0UL - mag) : (long)mag;
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

int abs(int x)
{
	return x < 0 ? -x : x;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}

/* The environment is a NULL-terminated array of "NAME=value" strings. */
char *getenv(const char *name)
{
	size_t n = strlen(name);

	for (char **e = environ; e && *e; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}
