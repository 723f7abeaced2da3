/*
 * seq: print a sequence of numbers.
 *
 *   seq [-w] [-s SEP] [FIRST [INCREMENT]] LAST
 *
 * FIRST and INCREMENT are 1 unless given. Numbers may have decimals;
 * they are printed with as many as the most precise of FIRST and
 * INCREMENT has (seq 1 0.5 2: 1.0 1.5 2.0). -s: SEP between the numbers
 * instead of a newline; -w: all of them padded to one width with zeros.
 * A negative number is an operand, not an option: seq -1 1.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
	fprintf(stderr, "usage: seq [-w] [-s SEP] [FIRST [INCREMENT]] LAST\n");
	exit(1);
}

static int decimals(const char *arg)
{
	const char *dot = strchr(arg, '.');

	return dot ? (int)strspn(dot + 1, "0123456789") : 0;
}

static double number(const char *arg)
{
	char *end;
	double n = strtod(arg, &end);

	if (end == arg || *end) {
		warnx("invalid floating point argument: '%s'", arg);
		usage();
	}
	return n;
}

/* Options, until an operand; "-1" and "-.5" are operands. */
static int options(int argc, char **argv, const char **sep, int *equal_width)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *opt = argv[i] + 1;

		if (strcmp(argv[i], "--") == 0)
			return i + 1;
		if ((*opt >= '0' && *opt <= '9') || *opt == '.')
			break;
		for (; *opt; opt++) {
			if (*opt == 'w') {
				*equal_width = 1;
			} else if (*opt == 's') {
				if (opt[1])
					*sep = opt + 1;
				else if (++i < argc)
					*sep = argv[i];
				else
					usage();
				break;
			} else {
				warnx("invalid option -- '%c'", *opt);
				usage();
			}
		}
	}
	return i;
}

int main(int argc, char **argv)
{
	const char *sep = "\n";
	int equal_width = 0, places, width = 0, i, n;
	double first = 1, step = 1, last;

	i = options(argc, argv, &sep, &equal_width);
	n = argc - i;
	if (n < 1 || n > 3) {
		warnx(n < 1 ? "missing operand" : "extra operand '%s'", argv[argc - 1]);
		usage();
	}
	last = number(argv[argc - 1]);
	if (n >= 2)
		first = number(argv[i]);
	if (n == 3)
		step = number(argv[i + 1]);
	if (step == 0)
		errx(1, "invalid Zero increment value: '%s'", argv[i + 1]);
	places = decimals(argv[i]);
	if (n == 3 && decimals(argv[i + 1]) > places)
		places = decimals(argv[i + 1]);
	if (equal_width) {
		char buf[64];
		int a = snprintf(buf, sizeof(buf), "%.*f", places, first);
		int b = snprintf(buf, sizeof(buf), "%.*f", places, last);

		width = a > b ? a : b;
	}
	/* first + k * step, not a running sum: no rounding errors piling up. */
	for (long k = 0;; k++) {
		double x = first + k * step;

		if (step > 0 ? x > last + 1e-9 * step : x < last + 1e-9 * step)
			break;
		if (k > 0)
			fputs(sep, stdout);
		printf("%0*.*f", width, places, x);
	}
	if (first <= last ? step > 0 : step < 0)
		putchar('\n');
	return 0;
}
