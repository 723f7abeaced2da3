/*
 * head: the first lines (or bytes) of files.
 *
 *   head [-n lines | -c bytes | -lines] [file...]
 *
 * Ten lines unless told otherwise; "-5" is the old way to say "-n 5".
 * With several files each is introduced by "==> name <==", as GNU
 * does, and a blank line goes between them.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: head [-n lines | -c bytes] [file...]\n");
	exit(1);
}

static long number(const char *s, const char *what)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (!*s || *end || n < 0)
		errx(1, "invalid number of %s: '%s'", what, s);
	return n;
}

/* Copy the first n lines (or bytes) of f to stdout. */
static void head(FILE *f, long n, int bytes)
{
	int c;

	while (n > 0 && (c = getc(f)) != EOF) {
		putchar(c);
		if (bytes || c == '\n')
			n--;
	}
}

int main(int argc, char **argv)
{
	long n = 10;
	int bytes = 0, c, status = 0;

	if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') {
		n = number(argv[1] + 1, "lines");      /* the obsolete -N */
		argv[1] = argv[0];
		argc--;
		argv++;
	}
	while ((c = getopt(argc, argv, "n:c:")) != -1) {
		switch (c) {
		case 'n': n = number(optarg, "lines"); bytes = 0; break;
		case 'c': n = number(optarg, "bytes"); bytes = 1; break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		head(stdin, n, bytes);
	for (int i = 0; i < argc; i++) {
		int std = !strcmp(argv[i], "-");
		FILE *f = std ? stdin : fopen(argv[i], "r");

		if (!f) {
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		if (argc > 1)
			printf("%s==> %s <==\n", i ? "\n" : "",
			       std ? "standard input" : argv[i]);
		head(f, n, bytes);
		if (ferror(f)) {
			warn("%s", argv[i]);
			status = 1;
		}
		if (!std)
			fclose(f);
	}
	return status;
}
