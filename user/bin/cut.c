/*
 * cut: print chosen parts of each line.
 *
 *   cut -c list [file...]          characters (bytes; -b is the same)
 *   cut -f list [-d delim] [-s] [file...]
 *
 * A list is numbers and ranges, from 1, separated by commas: "1,3-5,7-"
 * ("-3" is 1-3, "7-" is 7 to the end). Fields are separated by delim,
 * a tab unless -d says otherwise, and printed with it between them; a
 * line without delim is printed whole, or not at all with -s.
 */
#include <err.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct range {
	long lo, hi;
};

static struct range *ranges;
static int nranges;

static void usage(void)
{
	fprintf(stderr, "usage: cut -c list [file...]\n"
		"       cut -f list [-d delim] [-s] [file...]\n");
	exit(1);
}

/* "1,3-5,7-" into ranges. */
static void parse_list(const char *s)
{
	const char *list = s;

	do {
		struct range r = { 1, LONG_MAX };
		int has_lo = 0;
		char *end;

		if (*s == ',')
			s++;
		if (*s != '-') {
			r.lo = r.hi = strtol(s, &end, 10);
			if (end == s)
				errx(1, "invalid list '%s'", list);
			s = end;
			has_lo = 1;
		}
		if (*s == '-') {        /* N-M, N- or -M */
			s++;
			r.hi = LONG_MAX;
			if (*s >= '0' && *s <= '9')
				r.hi = strtol(s, (char **)&s, 10);
			else if (!has_lo)
				errx(1, "invalid range with no endpoint: -");
		}
		if (r.lo < 1)
			errx(1, "fields and positions are numbered from 1");
		if (r.hi < r.lo)
			errx(1, "invalid decreasing range");
		ranges = realloc(ranges, (nranges + 1) * sizeof(*ranges));
		if (!ranges)
			err(1, "out of memory");
		ranges[nranges++] = r;
	} while (*s == ',');
	if (*s)
		errx(1, "invalid list '%s'", list);
}

static int chosen(long n)
{
	for (int i = 0; i < nranges; i++)
		if (ranges[i].lo <= n && n <= ranges[i].hi)
			return 1;
	return 0;
}

static void cut_chars(const char *line)
{
	for (long i = 0; line[i]; i++)
		if (chosen(i + 1))
			putchar(line[i]);
	putchar('\n');
}

static void cut_fields(const char *line, char delim, int only_delimited)
{
	const char *p = line;
	int printed = 0;

	if (!strchr(line, delim)) {
		if (!only_delimited)
			printf("%s\n", line);
		return;
	}
	for (long n = 1; p; n++) {
		const char *end = strchr(p, delim);
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (chosen(n)) {
			if (printed++)
				putchar(delim);
			fwrite(p, 1, len, stdout);
		}
		p = end ? end + 1 : NULL;
	}
	putchar('\n');
}

int main(int argc, char **argv)
{
	char mode = 0, delim = '\t', *line = NULL;
	int only_delimited = 0, c, status = 0;
	size_t cap = 0;

	while ((c = getopt(argc, argv, "b:c:f:d:s")) != -1) {
		switch (c) {
		case 'b': case 'c': case 'f':
			if (mode)
				errx(1, "only one type of list may be specified");
			mode = c == 'f' ? 'f' : 'c';
			parse_list(optarg);
			break;
		case 'd':
			if (strlen(optarg) != 1)
				errx(1, "the delimiter must be a single character");
			delim = optarg[0];
			break;
		case 's': only_delimited = 1; break;
		default: usage();
		}
	}
	if (!mode) {
		warnx("you must specify a list of bytes, characters, or fields");
		usage();
	}
	argc -= optind;
	argv += optind;
	for (int i = 0; i < (argc ? argc : 1); i++) {
		FILE *f = argc && strcmp(argv[i], "-") ? fopen(argv[i], "r") : stdin;
		ssize_t n;

		if (!f) {
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		while ((n = getline(&line, &cap, f)) >= 0) {
			if (n > 0 && line[n - 1] == '\n')
				line[n - 1] = '\0';
			if (mode == 'c')
				cut_chars(line);
			else
				cut_fields(line, delim, only_delimited);
		}
		if (f != stdin)
			fclose(f);
	}
	return status;
}
