/*
 * echo [-neE] [string ...]: the strings, separated by blanks, and a
 * newline. -n: no newline; -e: backslash escapes (\n, \t, \0nnn, \c to
 * stop) as bash's echo -e; -E: none (the default).
 *
 * backslash_escape() is also printf's (printf.c): both read escapes the
 * same way.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "cmds.h"

static int octal_digit(char c)
{
	return c >= '0' && c <= '7';
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 32) >= 'a' && (c | 32) <= 'f')
		return (c | 32) - 'a' + 10;
	return -1;
}

/* s just past a backslash: the character meant, *used the characters
   read; -1 for \c (stop all output). zero_octal: \0nnn (echo, %b), else
   \nnn (printf's format). */
int backslash_escape(const char *s, int *used, int zero_octal)
{
	static const char from[] = "abefnrtv\\", to[] = "\a\b\033\f\n\r\t\v\\";
	const char *hit = *s ? strchr(from, *s) : NULL;
	int v = 0, n = 0;

	*used = 1;
	if (hit)
		return to[hit - from];
	if (*s == 'c')
		return -1;
	if (*s == 'x' && hex_value(s[1]) >= 0) {
		for (n = 1; n <= 2 && hex_value(s[n]) >= 0; n++)
			v = v * 16 + hex_value(s[n]);
		*used = n;
		return v;
	}
	if (octal_digit(*s) && (!zero_octal || *s == '0')) {
		int start = zero_octal;         /* skip that 0 */
		for (n = start; n < start + 3 && octal_digit(s[n]); n++)
			v = v * 8 + s[n] - '0';
		*used = n ? n : 1;
		return v & 255;
	}
	*used = 0;                      /* not an escape: the \ itself */
	return '\\';
}

/* s with its escapes done; 1 if a \c said to stop. */
int print_escaped(const char *s, int zero_octal)
{
	while (*s) {
		int used, c;
		if (*s != '\\') {
			putchar(*s++);
			continue;
		}
		c = backslash_escape(++s, &used, zero_octal);
		if (c < 0)
			return 1;
		putchar(c);
		s += used;
	}
	return 0;
}

/* -n, -e, -E or a mix ("-ne"): an option word; anything else is text. */
static int is_option(const char *s)
{
	return s[0] == '-' && s[1] && strspn(s + 1, "neE") == strlen(s + 1);
}

/* The error is forgotten once told, so the shell's next command writes
   afresh. */
int write_status(const char *prefix, const char *name, int status)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return status;
	fprintf(stderr, "%s%s: write error: %s\n", prefix, name, strerror(errno));
	clearerr(stdout);
	return 1;
}

int echo_main(int argc, char **argv)
{
	int newline = 1, escapes = 0, i = 1;

	for (; i < argc && is_option(argv[i]); i++)
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'n')
				newline = 0;
			else
				escapes = *o == 'e';
		}
	for (; i < argc; i++) {
		if (escapes && print_escaped(argv[i], 1))
			return 0;
		if (!escapes)
			fputs(argv[i], stdout);
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	return fflush(stdout) ? 1 : 0;
}
