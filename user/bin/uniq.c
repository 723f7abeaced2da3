/*
 * uniq: one line of each run of equal adjacent lines.
 *
 *   uniq [-cdui] [-f fields] [-s chars] [input [output]]
 *
 * -c puts how many lines the run had in front, -d prints only runs of
 * more than one line, -u only lines that stood alone, -i ignores case.
 * -f N leaves the first N fields out of the comparison (a field is
 * blanks and then non-blanks), -s N then the next N characters.
 * Only neighbours are compared: sort first to count over the whole
 * input (sort | uniq -c).
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int show_count, only_repeated, only_unique, icase;
static long skip_fields, skip_chars;    /* -f, -s */

static void usage(void)
{
	fprintf(stderr, "usage: uniq [-cdui] [-f fields] [-s chars] [input [output]]\n");
	exit(1);
}

static long number(const char *s, const char *what)
{
	char *end;
	long n = strtol(s, &end, 10);

	if (!*s || *end || n < 0)
		errx(1, "%s: invalid number of %s to skip", s, what);
	return n;
}

/* The part of a line that is compared: past -f fields and -s chars. */
static const char *compared(const char *line)
{
	for (long i = 0; i < skip_fields; i++) {
		line += strspn(line, " \t");
		line += strcspn(line, " \t");
	}
	for (long i = 0; i < skip_chars && *line; i++)
		line++;
	return line;
}

static int same(const char *a, const char *b)
{
	a = compared(a);
	b = compared(b);
	if (!icase)
		return !strcmp(a, b);
	for (; *a && tolower((unsigned char)*a) == tolower((unsigned char)*b); a++, b++)
		;
	return *a == *b;
}

/* The end of a run: print its first line, as the options say. */
static void run_ends(FILE *out, const char *line, long count)
{
	if ((only_repeated && count == 1) || (only_unique && count > 1))
		return;
	if (show_count)
		fprintf(out, "%7ld ", count);
	fprintf(out, "%s\n", line);
}

int main(int argc, char **argv)
{
	FILE *in = stdin, *out = stdout;
	char *line = NULL, *first = NULL;
	size_t cap = 0;
	ssize_t n;
	long count = 0;
	int c;

	while ((c = getopt(argc, argv, "cduif:s:")) != -1) {
		switch (c) {
		case 'c': show_count = 1; break;
		case 'd': only_repeated = 1; break;
		case 'u': only_unique = 1; break;
		case 'i': icase = 1; break;
		case 'f': skip_fields = number(optarg, "fields"); break;
		case 's': skip_chars = number(optarg, "bytes"); break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc > 2)
		usage();
	if (argc > 0 && strcmp(argv[0], "-") && !(in = fopen(argv[0], "r")))
		err(1, "%s", argv[0]);
	if (argc > 1 && !(out = fopen(argv[1], "w")))
		err(1, "%s", argv[1]);
	while ((n = getline(&line, &cap, in)) >= 0) {
		if (n > 0 && line[n - 1] == '\n')
			line[n - 1] = '\0';
		if (first && same(first, line)) {
			count++;
			continue;
		}
		if (first)
			run_ends(out, first, count);
		free(first);
		first = strdup(line);
		if (!first)
			err(1, "out of memory");
		count = 1;
	}
	if (ferror(in))
		err(1, "%s", argc ? argv[0] : "-");
	if (first)
		run_ends(out, first, count);
	if (fclose(out) != 0)
		err(1, "%s", argc > 1 ? argv[1] : "-");
	return 0;
}
