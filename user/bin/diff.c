/*
 * diff: how two files differ, line by line.
 *
 *   diff [-u] file1 file2
 *
 * The fewest lines to delete from file1 and insert from file2 to turn
 * one into the other are found with Myers' algorithm ("An O(ND)
 * Difference Algorithm", 1986). Picture a grid with file1's lines
 * along x and file2's down y: a step right deletes a line, a step down
 * inserts one, and where the lines are equal a diagonal step is free.
 *
 *         a  b  c  a       file1 = a b c a across (x),
 *      +--+--+--+--+       file2 = b a c down (y)
 *    b |  |\ |  |  |
 *      +--+--+--+--+       The shortest edit path goes from the top
 *    a |\ |  |  |\ |       left to the bottom right with the fewest
 *      +--+--+--+--+       right/down steps. Myers' search goes out
 *    c |  |  |\ |  |       d = 0, 1, 2 ... edits at a time; for each
 *      +--+--+--+--+       diagonal k = x - y it keeps only the path
 *                          that got furthest (V[k]), running down every
 *   (diff here: delete a,  free diagonal ("snake") at once.
 *   keep b, delete c, keep
 *   a, insert c: d = 3)
 *
 * It takes O((N+M) D) time for D differences; keeping each round's V to
 * walk the path back costs O(D^2) memory (GNU diff finds the middle of
 * the path instead, in linear space).
 *
 * The default output is POSIX's "normal" format: "3c3" (or 5a6, 2,4d1)
 * then "< " old lines, "---", "> " new lines; -u is the unified format
 * patch(1) reads, with three lines of context. Exit status: 0 the same,
 * 1 different, 2 trouble.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct line {
	const char *s;
	size_t len;             /* with its '\n', if it has one */
};

struct file {
	const char *name;
	struct line *lines;
	int n;
	struct stat st;
};

enum { KEEP, DELETE, INSERT };

static void usage(void)
{
	fprintf(stderr, "usage: diff [-u] file1 file2\n");
	exit(2);
}

/* Read a whole file and cut it into lines. */
static void load(struct file *f)
{
	FILE *in = strcmp(f->name, "-") ? fopen(f->name, "r") : stdin;
	size_t len = 0, cap = 4096, got;
	char *buf = malloc(cap);
	int cap_lines = 0;

	if (!in)
		err(2, "%s", f->name);
	while (buf && (got = fread(buf + len, 1, cap - len, in)) > 0)
		if ((len += got) == cap)
			buf = realloc(buf, cap *= 2);
	if (!buf)
		err(2, "out of memory");
	if (ferror(in))
		err(2, "%s", f->name);
	if (fstat(fileno(in), &f->st) < 0)
		memset(&f->st, 0, sizeof(f->st));
	for (size_t i = 0; i < len; f->n++) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - buf) + 1 : len;

		if (f->n == cap_lines) {
			cap_lines = cap_lines ? 2 * cap_lines : 64;
			f->lines = realloc(f->lines, cap_lines * sizeof(*f->lines));
			if (!f->lines)
				err(2, "out of memory");
		}
		f->lines[f->n] = (struct line){ buf + i, end - i };
		i = end;
	}
}

static int same(const struct line *a, const struct line *b)
{
	return a->len == b->len && !memcmp(a->s, b->s, a->len);
}

/* The shortest edit script from a to b: a list of KEEP, DELETE and
   INSERT, one per line, in order; *n is its length. */
static char *edit_script(const struct file *a, const struct file *b, int *n)
{
	int max = a->n + b->n, d, k, x, y;
	int *v_mem = calloc(2 * max + 3, sizeof(int)), *v = v_mem + max + 1;
	int **trace = calloc(max + 1, sizeof(int *));
	char *script = malloc(max + 1);

	if (!v_mem || !trace || !script)
		err(2, "out of memory");
	for (d = 0; d <= max; d++) {
		/* keep V as it was before round d: v[-d-1..d+1] */
		trace[d] = malloc((2 * d + 3) * sizeof(int));
		if (!trace[d])
			err(2, "out of memory");
		memcpy(trace[d], v - d - 1, (2 * d + 3) * sizeof(int));
		for (k = -d; k <= d; k += 2) {
			/* come down from k+1 (insert) or right from k-1 (delete) */
			if (k == -d || (k != d && v[k - 1] < v[k + 1]))
				x = v[k + 1];
			else
				x = v[k - 1] + 1;
			y = x - k;
			while (x < a->n && y < b->n && same(&a->lines[x], &b->lines[y]))
				x++, y++;
			v[k] = x;
			if (x >= a->n && y >= b->n)
				goto found;
		}
	}
found:
	/* walk back from the end, writing the script from its end */
	*n = 0;
	x = a->n;
	y = b->n;
	for (; d >= 0; d--) {
		int *prev = trace[d] + d + 1;   /* prev[k] is V[k] before round d */
		int pk, px, py;

		k = x - y;
		pk = (k == -d || (k != d && prev[k - 1] < prev[k + 1])) ? k + 1 : k - 1;
		px = d ? prev[pk] : 0;  /* round 0 starts at the top left */
		py = d ? px - pk : 0;
		while (x > px && y > py)
			script[(*n)++] = KEEP, x--, y--;
		if (d > 0)
			script[(*n)++] = (x == px) ? INSERT : DELETE;
		x = px;
		y = py;
		free(trace[d]);
	}
	for (int i = 0; i < *n / 2; i++) {     /* into forward order */
		char t = script[i];

		script[i] = script[*n - 1 - i];
		script[*n - 1 - i] = t;
	}
	free(trace);
	free(v_mem);
	return script;
}

static void print_line(const char *prefix, const struct line *l)
{
	printf("%s%.*s", prefix, (int)l->len, l->s);
	if (!l->len || l->s[l->len - 1] != '\n')
		printf("\n\\ No newline at end of file\n");
}

static void print_range(int first, int last)
{
	if (first == last)
		printf("%d", first);
	else
		printf("%d,%d", first, last);
}

/* Normal format: each run of changes at a[i..i+dn) and b[j..j+in). */
static void normal(const struct file *a, const struct file *b,
		   const char *script, int n)
{
	int i = 0, j = 0;

	for (int s = 0; s < n;) {
		int dn = 0, in = 0;

		if (script[s] == KEEP) {
			i++, j++, s++;
			continue;
		}
		for (; s < n && script[s] != KEEP; s++)
			script[s] == DELETE ? dn++ : in++;
		if (dn)
			print_range(i + 1, i + dn);
		else
			printf("%d", i);
		putchar(!in ? 'd' : !dn ? 'a' : 'c');
		if (in)
			print_range(j + 1, j + in);
		else
			printf("%d", j);
		putchar('\n');
		for (int t = 0; t < dn; t++)
			print_line("< ", &a->lines[i + t]);
		if (dn && in)
			printf("---\n");
		for (int t = 0; t < in; t++)
			print_line("> ", &b->lines[j + t]);
		i += dn;
		j += in;
	}
}

#define CONTEXT 3

static void unified_header(const char *mark, const struct file *f)
{
	char when[64];
	time_t t = f->st.st_mtime;

	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S +0000", gmtime(&t));
	printf("%s %s\t%s\n", mark, f->name, when);
}

/* "-3,2": a hunk's first line and length; an empty one names the line
   before it. */
static void hunk_range(int first, int count)
{
	if (count == 1)
		printf("%d", first + 1);
	else
		printf("%d,%d", count ? first + 1 : first, count);
}

/* Unified format: changes with CONTEXT lines around them, in hunks;
   changes closer than 2 * CONTEXT share one hunk. */
static void unified(const struct file *a, const struct file *b,
		    const char *script, int n)
{
	unified_header("---", a);
	unified_header("+++", b);
	for (int s = 0, i = 0, j = 0; s < n;) {
		int start, end, keeps, hi, hj, ai, bj;

		if (script[s] == KEEP) {
			s++, i++, j++;
			continue;
		}
		/* a change at s: back up CONTEXT, run on to the hunk's end */
		start = s;
		hi = i;
		hj = j;
		for (int c = 0; c < CONTEXT && start > 0 && script[start - 1] == KEEP; c++)
			start--, hi--, hj--;
		for (end = s, keeps = 0; end < n && keeps <= 2 * CONTEXT; end++)
			keeps = script[end] == KEEP ? keeps + 1 : 0;
		if (keeps > CONTEXT)
			end -= keeps - CONTEXT;
		ai = bj = 0;
		for (int t = start; t < end; t++) {
			ai += script[t] != INSERT;
			bj += script[t] != DELETE;
		}
		printf("@@ -");
		hunk_range(hi, ai);
		printf(" +");
		hunk_range(hj, bj);
		printf(" @@\n");
		for (int t = start; t < end; t++) {
			if (script[t] == KEEP)
				print_line(" ", &a->lines[hi++]), hj++;
			else if (script[t] == DELETE)
				print_line("-", &a->lines[hi++]);
			else
				print_line("+", &b->lines[hj++]);
		}
		s = end;
		i = hi;
		j = hj;
	}
}

int main(int argc, char **argv)
{
	struct file a = { 0 }, b = { 0 };
	int c, u = 0, n, changed = 0;
	char *script;

	while ((c = getopt(argc, argv, "u")) != -1) {
		if (c != 'u')
			usage();
		u = 1;
	}
	if (argc - optind != 2)
		usage();
	a.name = argv[optind];
	b.name = argv[optind + 1];
	load(&a);
	load(&b);
	script = edit_script(&a, &b, &n);
	for (int s = 0; s < n; s++)
		changed |= script[s] != KEEP;
	if (changed && u)
		unified(&a, &b, script, n);
	else if (changed)
		normal(&a, &b, script, n);
	return changed;
}
