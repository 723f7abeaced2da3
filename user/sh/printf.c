/*
 * printf format [argument ...]: C's printf, from the command line.
 *
 *   %s %b %c   a string; %b's escapes done as echo -e does them
 *   %d %i      a number (also 'x: the code of the character x)
 *   %u %o %x %X %e %f %g
 *   flags - + space # 0, a width, a .precision (* takes an argument)
 *
 * The format is used again while arguments are left; missing arguments
 * count as "" or 0.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmds.h"

struct printer {
	char **args;
	int nargs, used;
	int status;
};

static const char *next_arg(struct printer *pr)
{
	return pr->used < pr->nargs ? pr->args[pr->used++] : NULL;
}

/* A numeric argument; a message and status 1 if it is not a number. */
static long long number(struct printer *pr, int is_signed)
{
	const char *s = next_arg(pr);
	char *end;
	long long v;

	if (!s || !*s)
		return 0;
	if (*s == '\'' || *s == '"')
		return (unsigned char)s[1];
	errno = 0;
	v = is_signed ? strtoll(s, &end, 0) : (long long)strtoull(s, &end, 0);
	if (*end || errno) {
		fprintf(stderr, "printf: %s: invalid number\n", s);
		pr->status = 1;
	}
	return v;
}

/* One %-conversion; spec is its text ("%-5d"), conv its letter. */
static int convert(struct printer *pr, char *spec, char conv)
{
	size_t n = strlen(spec);
	const char *s;

	switch (conv) {
	case 's':
		s = next_arg(pr);
		printf(spec, s ? s : "");
		return 0;
	case 'b':
		s = next_arg(pr);
		return print_escaped(s ? s : "", 1);
	case 'c':
		s = next_arg(pr);
		printf(spec, s && *s ? *s : 0);
		return 0;
	case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
		/* %5d -> %5lld: the argument is read as a long long */
		spec[n - 1] = 'l', spec[n] = 'l', spec[n + 1] = conv, spec[n + 2] = 0;
		printf(spec, number(pr, conv == 'd' || conv == 'i'));
		return 0;
	default: {      /* e f g E G */
		s = next_arg(pr);
		printf(spec, s ? strtod(s, NULL) : 0.0);
		return 0;
	}
	}
}

/* fmt once through; 1 if \c or %b's \c said to stop. */
static int format_once(struct printer *pr, const char *fmt)
{
	char spec[64];

	while (*fmt) {
		int used, c;
		if (*fmt == '\\') {
			if ((c = backslash_escape(fmt + 1, &used, 0)) < 0)
				return 1;
			putchar(c);
			fmt += 1 + used;
			continue;
		}
		if (*fmt != '%' || fmt[1] == '%') {
			putchar(*fmt);
			fmt += *fmt == '%' ? 2 : 1;
			continue;
		}
		size_t n = 0;
		spec[n++] = *fmt++;
		while (*fmt && strchr("-+ #0", *fmt) && n < 20)
			spec[n++] = *fmt++;
		for (int part = 0; part < 2; part++) {  /* width, .precision */
			if (part && *fmt == '.')
				spec[n++] = *fmt++;
			else if (part)
				break;
			if (*fmt == '*') {
				n += snprintf(spec + n, 12, "%d", (int)number(pr, 1));
				fmt++;
			}
			while (*fmt >= '0' && *fmt <= '9' && n < 40)
				spec[n++] = *fmt++;
		}
		if (!*fmt || !strchr("sbcdiuoxXeEfgG", *fmt)) {
			fprintf(stderr, "printf: %%%c: invalid directive\n", *fmt);
			pr->status = 1;
			return 1;
		}
		spec[n++] = *fmt;
		spec[n] = 0;
		if (convert(pr, spec, *fmt++))
			return 1;
	}
	return 0;
}

int printf_main(int argc, char **argv)
{
	struct printer pr = { argv + 2, argc - 2, 0, 0 };

	if (argc < 2) {
		fprintf(stderr, "usage: printf format [argument ...]\n");
		return 2;
	}
	do {
		int before = pr.used;
		if (format_once(&pr, argv[1]) || pr.used == before)
			break;
	} while (pr.used < pr.nargs);
	fflush(stdout);
	return pr.status;
}
