/*
 * sort: sort lines.
 *
 *   sort [-bcfnru] [-t sep] [-k field[,field][bfnr]]... [-o out] [file...]
 *
 * Lines compare byte by byte, or by a key: -k 2 is the line from its
 * second field on, -k 2,2 the second field alone. Fields are split at
 * sep (-t), or else each is a run of blanks and what follows up to the
 * next blank. -n compares keys as numbers, -f ignoring case, -r the
 * other way round, -b without the blanks a key starts with. -o writes
 * the result to a file, which may be one of the inputs (it is written
 * after all are read). Lines whose keys are equal are then compared whole
 * (GNU's "last resort"), unless -u, which keeps only the first line of
 * each run of equal keys.
 * -c sorts nothing: it checks that one file is sorted already, and
 * names the first line out of order ("sort: -:2: disorder: b", status 1);
 * with -u, equal keys are out of order too.
 *
 * The sort is a merge sort: stable, and O(n log n) comparisons even on
 * input that is already sorted or reversed.
 */
#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct key {
	int first, last;                /* fields, from 1; last 0: to the end */
	int numeric, fold, reverse, blanks;
};

static struct key *keys;
static int nkeys;
static struct key global;               /* -n -f -r for the whole line */
static int sep = -1;                    /* -t, or -1: blanks */
static int unique;

static void usage(void)
{
	fprintf(stderr, "usage: sort [-bcfnru] [-t sep] [-k field[,field]]... [-o out] [file...]\n");
	exit(2);
}

/* The flags after a -k field: b, n, f, r. 1 if any were given. */
static int key_flags(const char **s, struct key *k)
{
	int any = 0;

	for (;; (*s)++, any = 1) {
		if (**s == 'n')
			k->numeric = 1;
		else if (**s == 'f')
			k->fold = 1;
		else if (**s == 'r')
			k->reverse = 1;
		else if (**s == 'b')
			k->blanks = 1;
		else
			return any;
	}
}

/* -k first[,last] with flags. */
static void add_key(const char *s)
{
	struct key k = { 0 };
	const char *spec = s;
	int flags;

	k.first = strtol(s, (char **)&s, 10);
	flags = key_flags(&s, &k);
	if (*s == ',') {
		s++;
		k.last = strtol(s, (char **)&s, 10);
		if (k.last < 1)
			errx(2, "invalid number after ',': invalid count at start of '%s'", spec);
		flags |= key_flags(&s, &k);
	}
	if (k.first < 1 || *s)
		errx(2, "invalid key '%s'", spec);
	if (!flags) {                   /* a key without flags takes -n -f -r */
		k.numeric = global.numeric;
		k.fold = global.fold;
		k.reverse = global.reverse;
		k.blanks = global.blanks;
	}
	keys = realloc(keys, (nkeys + 1) * sizeof(*keys));
	if (!keys)
		err(2, "out of memory");
	keys[nkeys++] = k;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Where field n (from 1) starts in line; the end of line if none. */
static const char *field(const char *line, int n)
{
	const char *p = line;

	while (--n > 0 && *p) {
		if (sep >= 0) {
			while (*p && *p != sep)
				p++;
			p += (*p == sep);
		} else {
			while (*p && is_blank(*p))
				p++;
			while (*p && !is_blank(*p))
				p++;
		}
	}
	return p;
}

/* The key k of line: [*start, *end). */
static void key_span(const char *line, const struct key *k, const char **start,
		     const char **end)
{
	*start = field(line, k->first);
	while (k->blanks && is_blank(**start))
		(*start)++;
	if (!k->last) {
		*end = *start + strlen(*start);
		return;
	}
	*end = field(line, k->last);
	if (*end < *start)
		*end = *start;
	if (sep >= 0) {
		while (**end && **end != sep)
			(*end)++;
	} else {
		while (**end && is_blank(**end))
			(*end)++;
		while (**end && !is_blank(**end))
			(*end)++;
	}
}

/* A key's number: leading blanks, a sign, digits and a fraction, as -n
   reads it; no number is 0. */
static double number(const char *s, const char *end)
{
	double v = 0, scale = 1;
	int negative;

	while (s < end && is_blank(*s))
		s++;
	negative = s < end && *s == '-';
	for (s += negative; s < end && isdigit((unsigned char)*s); s++)
		v = 10 * v + (*s - '0');
	if (s < end && *s == '.')
		for (s++; s < end && isdigit((unsigned char)*s); s++)
			v += (*s - '0') * (scale /= 10);
	return negative ? -v : v;
}

static int compare_text(const char *a, const char *a_end, const char *b,
			const char *b_end, int fold)
{
	for (; a < a_end && b < b_end; a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;

		if (fold)
			ca = toupper(ca), cb = toupper(cb);
		if (ca != cb)
			return ca - cb;
	}
	return (a < a_end) - (b < b_end);
}

static int compare_key(const char *a, const char *b, const struct key *k)
{
	const char *as, *ae, *bs, *be;
	int c;

	key_span(a, k, &as, &ae);
	key_span(b, k, &bs, &be);
	if (k->numeric) {
		double x = number(as, ae), y = number(bs, be);

		c = (x > y) - (x < y);
	} else {
		c = compare_text(as, ae, bs, be, k->fold);
	}
	return k->reverse ? -c : c;
}

/* Keys first; equal keys (without -u) then compare as whole lines. */
static int compare(const char *a, const char *b, int last_resort)
{
	int c = 0;

	for (int i = 0; i < nkeys && !c; i++)
		c = compare_key(a, b, &keys[i]);
	if (c || !last_resort)
		return c;
	c = strcmp(a, b);
	return global.reverse ? -c : c;
}

/* Merge sort of lines[0..n), using tmp[0..n): split in halves, sort
   each, merge them taking from the left half on ties (stability). */
static void merge_sort(char **lines, char **tmp, size_t n)
{
	size_t half = n / 2, i = 0, j = half, k = 0;

	if (n < 2)
		return;
	merge_sort(lines, tmp, half);
	merge_sort(lines + half, tmp, n - half);
	while (i < half && j < n)
		tmp[k++] = compare(lines[j], lines[i], !unique) < 0 ? lines[j++] : lines[i++];
	while (i < half)
		tmp[k++] = lines[i++];
	while (j < n)
		tmp[k++] = lines[j++];
	memcpy(lines, tmp, n * sizeof(*lines));
}

static char **lines;
static size_t nlines, cap;

static void read_lines(FILE *f)
{
	char *line = NULL;
	size_t len = 0;
	ssize_t n;

	while ((n = getline(&line, &len, f)) >= 0) {
		if (n > 0 && line[n - 1] == '\n')
			line[n - 1] = '\0';
		if (nlines == cap) {
			cap = cap ? 2 * cap : 256;
			lines = realloc(lines, cap * sizeof(*lines));
			if (!lines)
				err(2, "out of memory");
		}
		lines[nlines++] = line;
		line = NULL;
		len = 0;
	}
	free(line);
}

/* -c: 0 if the lines are in order, else 1 and the first that is not. */
static int check_sorted(const char *name)
{
	for (size_t i = 1; i < nlines; i++) {
		int c = compare(lines[i - 1], lines[i], !unique);

		if (c > 0 || (unique && c == 0)) {
			warnx("%s:%zu: disorder: %s", name, i + 1, lines[i]);
			return 1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	char **tmp, **kargs = calloc(argc, sizeof(char *)), *output = NULL;
	int c, nkargs = 0, check = 0;

	while ((c = getopt(argc, argv, "bcfnruk:t:o:")) != -1) {
		switch (c) {
		case 'b': global.blanks = 1; break;
		case 'c': check = 1; break;
		case 'o': output = optarg; break;
		case 'f': global.fold = 1; break;
		case 'n': global.numeric = 1; break;
		case 'r': global.reverse = 1; break;
		case 'u': unique = 1; break;
		case 'k': kargs[nkargs++] = optarg; break;
		case 't':
			if (strlen(optarg) != 1)
				errx(2, "the separator must be one character");
			sep = (unsigned char)optarg[0];
			break;
		default: usage();
		}
	}
	for (int i = 0; i < nkargs; i++)        /* (after -n -f -r are known) */
		add_key(kargs[i]);
	if (!nkeys)
		add_key("1");           /* the whole line */
	argc -= optind;
	argv += optind;
	if (check && argc > 1)
		errx(2, "extra operand '%s' not allowed with -c", argv[1]);
	if (argc == 0)
		read_lines(stdin);
	for (int i = 0; i < argc; i++) {
		FILE *f = strcmp(argv[i], "-") ? fopen(argv[i], "r") : stdin;

		if (!f)
			err(2, "%s", argv[i]);
		read_lines(f);
		if (ferror(f))
			err(2, "%s", argv[i]);
		if (f != stdin)
			fclose(f);
	}
	if (check)
		return check_sorted(argc ? argv[0] : "-");
	tmp = malloc((nlines ? nlines : 1) * sizeof(*tmp));
	if (!tmp)
		err(2, "out of memory");
	merge_sort(lines, tmp, nlines);
	if (output && !freopen(output, "w", stdout))
		err(2, "%s", output);
	for (size_t i = 0; i < nlines; i++)
		if (!unique || i == 0 || compare(lines[i - 1], lines[i], 0) != 0)
			printf("%s\n", lines[i]);
	return 0;
}
