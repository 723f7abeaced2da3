/*
 * grep: print the lines that match a pattern.
 *
 *   grep [-chHilnoqrsvwxEF] [-e pattern]... [pattern] [file...]
 *
 * Patterns are POSIX regular expressions (libc's <regex.h>), basic by
 * default, extended with -E, plain strings with -F; several -e options,
 * or one pattern of several lines, match a line if any of them does.
 * -x wants the whole line matched, -w whole words, -o prints just the
 * matches. With
 * more than one file (or -r; -H always, -h never) each line is
 * prefixed "file:". The exit status says what was found: 0 a line, 1
 * none, 2 trouble.
 */
#include <ctype.h>
#include <err.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "path.h"

static struct {
	int invert, icase, count, number, list, quiet, silent, fixed, recurse;
	int whole, only, word;  /* -x, -o, -w */
	int cflags;
	int names;              /* prefix lines with the file's name */
} opt;

static char **patterns;         /* the patterns, one per line of -e/operand */
static regex_t *regexes;
static int npatterns;
static int found;               /* a line was selected somewhere */
static int trouble;             /* a file could not be read */

static void usage(void)
{
	fprintf(stderr, "usage: grep [-chHilnoqrsvwxEF] [-e pattern]... [pattern] [file...]\n");
	exit(2);
}

/* Add each line of s as a pattern ("a\nb" is two patterns, as in GNU). */
static void add_patterns(const char *s)
{
	char *copy = strdup(s), *line = copy, *nl;

	if (!copy)
		err(2, "out of memory");
	do {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		patterns = realloc(patterns, (npatterns + 1) * sizeof(*patterns));
		if (!patterns)
			err(2, "out of memory");
		patterns[npatterns++] = line;
		line = nl + 1;
	} while (nl);
}

static void compile_patterns(void)
{
	regexes = calloc(npatterns, sizeof(*regexes));
	if (!regexes)
		err(2, "out of memory");
	for (int i = 0; i < npatterns && !opt.fixed; i++) {
		int e = regcomp(&regexes[i], patterns[i], opt.cflags);

		if (e) {
			char msg[100];

			regerror(e, &regexes[i], msg, sizeof(msg));
			errx(2, "%s: %s", patterns[i], msg);
		}
	}
}

/* -F: where is the string s first in line (ignoring case with -i)? */
static int find_fixed(const char *line, const char *s, regmatch_t *m)
{
	size_t n = strlen(s);

	for (const char *p = line; *p || !n; p++) {
		size_t i = 0;

		while (i < n && (opt.icase ? tolower((unsigned char)p[i]) ==
				 tolower((unsigned char)s[i]) : p[i] == s[i]))
			i++;
		if (i == n) {
			m->rm_so = p - line;
			m->rm_eo = m->rm_so + n;
			return 1;
		}
		if (!*p)
			break;
	}
	return 0;
}

/* The leftmost, then longest, match of any pattern in line from 'from'
   on, as offsets into line; 0 if there is none. */
static int find(const char *line, size_t from, regmatch_t *best)
{
	int found_one = 0;

	for (int i = 0; i < npatterns; i++) {
		regmatch_t m;

		if (opt.fixed ? !find_fixed(line + from, patterns[i], &m)
			      : regexec(&regexes[i], line + from, 1, &m,
					from ? REG_NOTBOL : 0) != 0)
			continue;
		m.rm_so += from;
		m.rm_eo += from;
		if (!found_one || m.rm_so < best->rm_so ||
		    (m.rm_so == best->rm_so && m.rm_eo > best->rm_eo))
			*best = m;
		found_one = 1;
	}
	return found_one;
}

/* Does some pattern match all of line[so..eo), no more, no less? A
   copy of just that text, searched leftmost-longest, says. */
static int matches_exactly(const char *line, size_t so, size_t eo, size_t len)
{
	char *text = malloc(eo - so + 1);
	int flags = (so ? REG_NOTBOL : 0) | (eo < len ? REG_NOTEOL : 0), yes = 0;

	if (!text)
		err(2, "out of memory");
	memcpy(text, line + so, eo - so);
	text[eo - so] = '\0';
	for (int i = 0; i < npatterns && !yes; i++) {
		regmatch_t m;

		if (opt.fixed)
			yes = strlen(patterns[i]) == eo - so &&
			      find_fixed(text, patterns[i], &m);
		else
			yes = regexec(&regexes[i], text, 1, &m, flags) == 0 &&
			      m.rm_so == 0 && (size_t)m.rm_eo == eo - so;
	}
	free(text);
	return yes;
}

static int word_char(int c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* -w: the first match that is a whole word - not next to a letter,
   digit or '_'. Each match found is cut shorter from its end until it
   is one, as GNU's grep does; failing that the search goes on a
   character after its start. */
static int find_word(const char *line, size_t len, size_t from, regmatch_t *m)
{
	for (; from <= len && find(line, from, m); from = m->rm_so + 1) {
		size_t so = m->rm_so;

		if (so > 0 && word_char(line[so - 1]))
			continue;
		/* (cut down to non-empty: an empty match counts only as found) */
		for (long eo = m->rm_eo; eo >= (long)so + (m->rm_eo > m->rm_so); eo--)
			if (((size_t)eo == len || !word_char(line[eo])) &&
			    matches_exactly(line, so, eo, len)) {
				m->rm_eo = eo;
				return 1;
			}
	}
	return 0;
}

/* The next match the options accept, from 'from' on. */
static int find_selected(const char *line, size_t len, size_t from, regmatch_t *m)
{
	return opt.word ? find_word(line, len, from, m) : find(line, from, m);
}

/* Is the line selected? (-x: a match from its start to its end, which a
   leftmost-longest match finds if there is one.) */
static int matches(const char *line, size_t len)
{
	regmatch_t m;

	return find_selected(line, len, 0, &m) &&
	       (!opt.whole || (m.rm_so == 0 && (size_t)m.rm_eo == len));
}

static void prefix(const char *name, long lineno)
{
	if (opt.names)
		printf("%s:", name);
	if (opt.number)
		printf("%ld:", lineno);
}

/* -o: each non-empty match on a line of its own. */
static void print_matches(const char *line, size_t len, const char *name,
			  long lineno)
{
	regmatch_t m;

	for (size_t from = 0; from <= len && find_selected(line, len, from, &m);) {
		if (m.rm_eo > m.rm_so) {
			prefix(name, lineno);
			printf("%.*s\n", (int)(m.rm_eo - m.rm_so), line + m.rm_so);
		}
		from = m.rm_eo > m.rm_so ? (size_t)m.rm_eo : (size_t)m.rm_so + 1;
	}
}

/* Search one open file; name is what to print for it. */
static void grep_file(FILE *f, const char *name)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0, count = 0;

	while ((len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (matches(line, len) == opt.invert)
			continue;
		count++;
		found = 1;
		if (opt.quiet)
			exit(0);
		if (opt.list)
			break;
		if (opt.count || (opt.only && opt.invert))
			continue;
		if (opt.only) {
			print_matches(line, len, name, lineno);
			continue;
		}
		prefix(name, lineno);
		printf("%s\n", line);
	}
	if (ferror(f)) {
		if (!opt.silent)
			warn("%s", name);
		trouble = 1;
	}
	free(line);
	if (opt.count) {
		if (opt.names)
			printf("%s:", name);
		printf("%ld\n", count);
	}
	if (opt.list && count)
		printf("%s\n", name);
}

static void grep_path(const char *path, int named);

/* An entry of a folder -r searches; drop: the start of its path not
   to show. */
static int grep_entry(const char *path, void *drop)
{
	grep_path(path + strlen(drop), 0);
	return 0;
}

/* -r: every entry of a folder, in the order the folder lists them;
   path NULL is the current folder, its entries named without "./". */
static void grep_dir(const char *path)
{
	if (for_each_entry(path ? path : ".", grep_entry,
			   (void *)(path ? "" : "./")) < 0) {
		if (!opt.silent)
			warn("%s", path ? path : ".");
		trouble = 1;
	}
}

/* A file, or with -r a folder; named: on the command line (where -r
   follows a symbolic link, as GNU's does; inside a folder it does not). */
static void grep_path(const char *path, int named)
{
	struct stat st;
	FILE *f;

	if (!strcmp(path, "-")) {
		grep_file(stdin, "(standard input)");
		return;
	}
	if (opt.recurse && (named ? stat(path, &st) : lstat(path, &st)) == 0) {
		if (S_ISLNK(st.st_mode))
			return;
		if (S_ISDIR(st.st_mode)) {
			grep_dir(path);
			return;
		}
	}
	f = fopen(path, "r");
	if (!f) {
		if (!opt.silent)
			warn("%s", path);
		trouble = 1;
		return;
	}
	grep_file(f, path);
	fclose(f);
}

int main(int argc, char **argv)
{
	int c, names = -1;

	while ((c = getopt(argc, argv, "chHilnoqrsvwxEFe:")) != -1) {
		switch (c) {
		case 'c': opt.count = 1; break;
		case 'h': names = 0; break;
		case 'H': names = 1; break;
		case 'o': opt.only = 1; break;
		case 'x': opt.whole = 1; break;
		case 'w': opt.word = 1; break;
		case 'i': opt.icase = 1; break;
		case 'l': opt.list = 1; break;
		case 'n': opt.number = 1; break;
		case 'q': opt.quiet = 1; break;
		case 'r': opt.recurse = 1; break;
		case 's': opt.silent = 1; break;
		case 'v': opt.invert = 1; break;
		case 'E': opt.cflags |= REG_EXTENDED; break;
		case 'F': opt.fixed = 1; break;
		case 'e': add_patterns(optarg); break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (!npatterns) {
		if (argc < 1)
			usage();
		add_patterns(*argv++);
		argc--;
	}
	opt.cflags |= opt.icase ? REG_ICASE : 0;
	compile_patterns();
	opt.names = names >= 0 ? names : argc > 1 || opt.recurse;
	if (argc == 0 && opt.recurse)
		grep_dir(NULL);
	else if (argc == 0)
		grep_file(stdin, "(standard input)");
	for (int i = 0; i < argc; i++)
		grep_path(argv[i], 1);
	return trouble ? 2 : found ? 0 : 1;
}
