/*
 * head: the first lines (or bytes) of files.
 *
 *   head [-n [-]lines | -c bytes | -lines] [file...]
 *
 * Ten lines unless told otherwise; "-5" is the old way to say "-n 5".
 * "-n -5" is every line but the last 5: which lines those are is only
 * known at the end, so the last 5 read wait in a ring of lines.
 * With several files each is introduced by "==> name <==", as GNU
 * does, and a blank line goes between them.
 */
#include <err.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: head [-n [-]lines | -c bytes] [file...]\n");
	exit(1);
}

/* A count; negative only if minus_ok (-n -5). */
static long number(const char *s, const char *what, int minus_ok)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (!*s || *end || (n < 0 && !minus_ok))
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

/*
 * Copy all but the last n lines of f: each line read takes the place in
 * the ring of the one read n lines before it, which is printed.
 */
static void head_all_but(FILE *f, long n)
{
	struct line { char *s; size_t cap; ssize_t len; } *ring;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long count = 0;

	if (n == 0) {
		head(f, LONG_MAX, 1);   /* every byte */
		return;
	}
	ring = calloc(n, sizeof(*ring));
	if (!ring)
		err(1, "out of memory");
	while ((len = getline(&line, &cap, f)) >= 0) {
		struct line *slot = &ring[count++ % n], old = *slot;

		if (count > n)
			fwrite(old.s, 1, old.len, stdout);
		*slot = (struct line){ line, cap, len };
		line = old.s;           /* its buffer is reused */
		cap = old.cap;
	}
	free(line);
	for (long i = 0; i < n && i < count; i++)
		free(ring[i].s);
	free(ring);
}

int main(int argc, char **argv)
{
	long n = 10;
	int bytes = 0, all_but = 0, c, status = 0;

	if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') {
		n = number(argv[1] + 1, "lines", 0);      /* the obsolete -N */
		argv[1] = argv[0];
		argc--;
		argv++;
	}
	while ((c = getopt(argc, argv, "n:c:")) != -1) {
		switch (c) {
		case 'n':
			n = number(optarg, "lines", 1);
			all_but = optarg[0] == '-';       /* even -0 */
			n = all_but ? -n : n;
			bytes = 0;
			break;
		case 'c': n = number(optarg, "bytes", 0); bytes = 1; all_but = 0; break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		argv[argc++] = "-";     /* (the NULL after the operands) */
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
		if (all_but)
			head_all_but(f, n);
		else
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
