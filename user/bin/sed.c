/*
 * sed: the stream editor. Each input line in turn is read into the
 * "pattern space", the script's commands run on it, and (unless -n) the
 * pattern space is printed; then the next line.
 *
 *   sed [-nE] [-i] script [file...]      sed [-nE] [-i] -e script... [file...]
 *
 * A command has up to two addresses that choose the lines it runs on:
 * a line number N, $ (the last line), /regex/, or a range "a,b" from a
 * line matching a to the next matching b. Commands, separated by ';' or
 * newlines: s/re/replacement/[gpNI] (& is the match, \1..\9 its groups),
 * d (delete, next cycle), p (print), q (print and quit), = (print the
 * line number), a/i/c text (append, insert, change), n (print, then
 * the next line in its place), N (append a newline and the next line),
 * y/abc/xyz/ (each a becomes x, ...). A second buffer, the "hold space",
 * keeps text from line to line: h copies the pattern space into it, H
 * appends a newline and the pattern space, g and G copy and append the
 * other way, x swaps the two. "addr!cmd" runs cmd on the lines addr
 * does not choose. -i edits each file in place.
 */
#include <err.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { ADDR_NONE, ADDR_LINE, ADDR_LAST, ADDR_REGEX };

struct addr {
	int type;
	long line;
	regex_t re;
};

struct cmd {
	struct addr a1, a2;
	int negate;             /* addr!cmd */
	int in_range;           /* between a1 and a2 now */
	char name;
	regex_t re;             /* s: the pattern */
	char *text;             /* s: the replacement; a, i, c: the text; y: from */
	char *to;               /* y: what each character of text becomes */
	int global, print, nth; /* s's flags: g, p, N */
	int status;             /* q's exit status */
	int end;                /* {: the index of its } */
};

static struct cmd *cmds;
static int ncmds;
static int quiet;               /* -n: no printing at the end of a cycle */
static int in_place;            /* -i */
static int ere;                 /* -E */
static const char *script_start;        /* for "char N" in messages */

/* A growing string: the pattern space, or s///'s result. */
struct buf {
	char *s;
	size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = 2 * (b->len + n + 1);
		b->s = realloc(b->s, b->cap);
		if (!b->s)
			err(4, "out of memory");
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void usage(void)
{
	fprintf(stderr, "usage: sed [-nEi] [-e script]... [script] [file...]\n");
	exit(1);
}

/* A mistake in the script, found after reading up to p. */
static void __attribute__((noreturn)) bad_script(const char *p, const char *what)
{
	errx(1, "-e expression, char %d: %s", (int)(p - script_start), what);
}

/* ---- reading the script ---- */

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Text up to an unescaped delim (after its opening one): "\delim" is
   delim, "\n" a newline, other escapes are kept for regcomp or the
   replacement to read. *p ends past the closing delim. */
static char *delimited(const char **p, char delim, const char *what)
{
	struct buf b = { 0 };
	const char *s = *p;

	buf_add(&b, "", 0);
	for (; *s != delim; s++) {
		if (!*s || *s == '\n')
			bad_script(s, what);
		if (*s == '\\' && s[1] == delim) {
			buf_add(&b, ++s, 1);
		} else if (*s == '\\' && s[1] == 'n') {
			buf_add(&b, "\n", 1);
			s++;
		} else if (*s == '\\' && s[1]) {
			buf_add(&b, s++, 2);
		} else {
			buf_add(&b, s, 1);
		}
	}
	*p = s + 1;
	return b.s;
}

static void compile(regex_t *re, const char *pattern, int flags, const char *p)
{
	int e = regcomp(re, pattern, flags | (ere ? REG_EXTENDED : 0));

	if (e) {
		char msg[100];

		regerror(e, re, msg, sizeof(msg));
		bad_script(p, msg);
	}
}

/* One address, if one is there. */
static const char *address(const char *p, struct addr *a)
{
	if (*p >= '0' && *p <= '9') {
		a->type = ADDR_LINE;
		a->line = strtol(p, (char **)&p, 10);
	} else if (*p == '$') {
		a->type = ADDR_LAST;
		p++;
	} else if (*p == '/' || *p == '\\') {
		char delim = *p == '\\' ? p[1] : '/', *re;

		p += (*p == '\\') + 1;
		re = delimited(&p, delim, "unterminated address regex");
		compile(&a->re, re, REG_NOSUB, p);
		free(re);
		a->type = ADDR_REGEX;
	}
	return p;
}

/* a, i and c: the text is the rest of the line ("a\" and a newline
   first is the POSIX form, "a text" GNU's); "\" then newline goes on. */
static const char *text_arg(const char *p, struct cmd *c)
{
	struct buf b = { 0 };

	p = skip_blanks(p);
	if (p[0] == '\\' && p[1] == '\n')
		p += 2;
	else if (p[0] == '\\')
		p++;
	buf_add(&b, "", 0);
	for (; *p && *p != '\n'; p++) {
		if (*p == '\\' && p[1])
			p++;
		buf_add(&b, p, 1);
	}
	c->text = b.s;
	return p;
}

/* y/from/to/: strings of one length ("\\" is a backslash) */
static const char *translit_args(const char *p, struct cmd *c)
{
	char delim = *p;
	char **sides[] = { &c->text, &c->to };

	if (!delim || delim == '\n' || delim == '\\')
		bad_script(p, "unterminated `y' command");
	p++;
	for (int i = 0; i < 2; i++) {
		char *from, *to;

		from = to = *sides[i] = delimited(&p, delim, "unterminated `y' command");
		for (; *from; from++)
			*to++ = from[0] == '\\' && from[1] == '\\' ? *from++ : *from;
		*to = '\0';
	}
	if (strlen(c->text) != strlen(c->to))
		bad_script(p, "strings for `y' command are different lengths");
	return p;
}

/* s/re/replacement/flags */
static const char *subst_args(const char *p, struct cmd *c)
{
	char delim = *p, *re;
	int icase = 0;

	if (!delim || delim == '\n' || delim == '\\')
		bad_script(p, "unterminated `s' command");
	p++;
	re = delimited(&p, delim, "unterminated `s' command");
	c->text = delimited(&p, delim, "unterminated `s' command");
	for (;;) {
		if (*p >= '1' && *p <= '9')
			c->nth = strtol(p, (char **)&p, 10);
		else if (*p == 'g')
			c->global = 1, p++;
		else if (*p == 'p')
			c->print = 1, p++;
		else if (*p == 'I' || *p == 'i')
			icase = REG_ICASE, p++;
		else
			break;
	}
	compile(&c->re, re, icase, p);
	free(re);
	for (const char *r = c->text; *r; r++)
		if (*r == '\\' && r[1] >= '1' && r[1] <= '9' &&
		    (size_t)(*++r - '0') > c->re.re_nsub)
			bad_script(p, "invalid reference on `s' command's RHS");
	return p;
}

static void parse_script(const char *p)
{
	int open = -1;          /* the innermost open {, chained through end */

	script_start = p;
	for (;;) {
		struct cmd c = { 0 };

		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == ';')
			p++;
		if (!*p && open >= 0)
			bad_script(p, "unmatched `{'");
		if (!*p)
			return;
		if (*p == '#') {
			while (*p && *p != '\n')
				p++;
			continue;
		}
		p = address(p, &c.a1);
		if (c.a1.type && *p == ',') {
			p = address(p + 1, &c.a2);
			if (!c.a2.type)
				bad_script(p, "unexpected `,'");
		}
		p = skip_blanks(p);
		if (*p == '!') {
			c.negate = 1;
			p = skip_blanks(p + 1);
		}
		c.name = *p++;
		switch (c.name) {
		case 'd': case 'p': case '=': case 'n': case 'N':
		case 'h': case 'H': case 'g': case 'G': case 'x':
			break;
		case '{':               /* a block: the commands up to } */
			c.end = open;
			open = ncmds;
			break;
		case '}':
			if (open < 0 || c.a1.type)
				bad_script(p, "unexpected `}'");
			c.end = open;   /* (for the moment) */
			break;
		case 'q':
			p = skip_blanks(p);
			c.status = strtol(p, (char **)&p, 10);
			break;
		case 'a': case 'i': case 'c':
			p = text_arg(p, &c);
			break;
		case 's':
			p = subst_args(p, &c);
			break;
		case 'y':
			p = translit_args(p, &c);
			break;
		case '\0':
			bad_script(p - 1, "missing command");
		default:
			errx(1, "-e expression, char %d: unknown command: `%c'",
			     (int)(p - script_start), c.name);
		}
		p = skip_blanks(p);
		if (*p && *p != ';' && *p != '\n' && *p != '}' && c.name != '{')
			bad_script(p, "extra characters after command");
		cmds = realloc(cmds, (ncmds + 1) * sizeof(*cmds));
		if (!cmds)
			err(4, "out of memory");
		if (c.name == '}') {    /* close the innermost block */
			open = cmds[c.end].end;
			cmds[c.end].end = ncmds;
		}
		cmds[ncmds++] = c;
	}
}

/* ---- reading the input, one line ahead to know the last ---- */

static struct {
	char **files;
	int nfiles, next;
	FILE *f;
	char *ahead;            /* the next line, or NULL at the end */
	size_t cap;
	int ahead_nl;           /* did it end in a newline? */
	long lineno;
	int status;             /* 2 if a file could not be opened */
} in;

static void read_ahead(void)
{
	ssize_t n;

	for (;;) {
		if (!in.f) {
			if (in.next >= in.nfiles) {
				free(in.ahead);
				in.ahead = NULL;
				in.cap = 0;
				return;
			}
			const char *name = in.files[in.next++];

			in.f = strcmp(name, "-") ? fopen(name, "r") : stdin;
			if (!in.f) {
				warn("can't read %s", name);
				in.status = 2;
				continue;
			}
		}
		n = getline(&in.ahead, &in.cap, in.f);
		if (n >= 0) {
			in.ahead_nl = n > 0 && in.ahead[n - 1] == '\n';
			if (in.ahead_nl)
				in.ahead[n - 1] = '\0';
			return;
		}
		if (in.f != stdin)
			fclose(in.f);
		in.f = NULL;
	}
}

/* The next line onto the end of the pattern space; 0 at the end. */
static int next_line(struct buf *ps, int *newline, int *last)
{
	if (!in.ahead)
		return 0;
	buf_add(ps, in.ahead, strlen(in.ahead));
	*newline = in.ahead_nl;
	in.lineno++;
	read_ahead();
	*last = !in.ahead;
	return 1;
}

/* ---- running the script ---- */

static int addr_matches(struct addr *a, const char *ps, int last)
{
	switch (a->type) {
	case ADDR_LINE:
		return in.lineno == a->line;
	case ADDR_LAST:
		return last;
	case ADDR_REGEX:
		return regexec(&a->re, ps, 0, NULL, 0) == 0;
	}
	return 1;
}

/* Does c run on this line? A range starts at a line a1 matches and
   ends at the next line a2 matches (a line number a2 at or before the
   start makes a range of one line). */
static int selected(struct cmd *c, const char *ps, int last)
{
	int yes;

	if (!c->a2.type) {
		yes = addr_matches(&c->a1, ps, last);
	} else if (!c->in_range) {
		yes = addr_matches(&c->a1, ps, last);
		c->in_range = yes && !(c->a2.type == ADDR_LINE && c->a2.line <= in.lineno);
	} else {
		yes = 1;
		if (c->a2.type == ADDR_LINE ? in.lineno >= c->a2.line
					    : addr_matches(&c->a2, ps, last))
			c->in_range = 0;
	}
	return yes != c->negate;
}

/* The replacement for one match: & the match, \N group N. */
static void replace(struct buf *out, const char *repl, const char *s,
		    const regmatch_t *m)
{
	for (const char *r = repl; *r; r++) {
		int g = -1;

		if (*r == '&')
			g = 0;
		else if (*r == '\\' && r[1] >= '0' && r[1] <= '9')
			g = *++r - '0';
		else if (*r == '\\' && r[1])
			r++;
		if (g < 0)
			buf_add(out, r, 1);
		else if (m[g].rm_so >= 0)
			buf_add(out, s + m[g].rm_so, m[g].rm_eo - m[g].rm_so);
	}
}

/* s///: 1 if something was replaced. After an empty match the search
   moves on one character; an empty match right after a match is not one
   (so replacing every b* by - turns "abc" into "-a-c-"). */
static int substitute(struct cmd *c, struct buf *ps)
{
	struct buf out = { 0 };
	regmatch_t m[10];
	size_t pos = 0;
	long end_of_last = -1;
	int count = 0, done = 0;

	buf_add(&out, "", 0);
	while (pos <= ps->len &&
	       regexec(&c->re, ps->s + pos, 10, m, pos ? REG_NOTBOL : 0) == 0) {
		size_t so = pos + m[0].rm_so, eo = pos + m[0].rm_eo;

		for (int i = 0; i < 10; i++)
			if (m[i].rm_so >= 0)
				m[i].rm_so += pos, m[i].rm_eo += pos;
		buf_add(&out, ps->s + pos, so - pos);
		if (so == eo && (long)so == end_of_last) {
			/* not a match: just past the last one */
		} else if (++count >= (c->nth ? c->nth : 1)) {
			replace(&out, c->text, ps->s, m);
			done = 1;
		} else {
			buf_add(&out, ps->s + so, eo - so);
		}
		end_of_last = eo;
		pos = eo;
		if (so == eo) {
			if (pos < ps->len)
				buf_add(&out, ps->s + pos, 1);
			pos++;
		}
		if (done && !c->global)
			break;
	}
	if (pos < ps->len)
		buf_add(&out, ps->s + pos, ps->len - pos);
	if (done) {
		free(ps->s);
		*ps = out;
	} else {
		free(out.s);
	}
	return done;
}

/* y: each character found in c->text becomes the one at its place in c->to. */
static void transliterate(struct cmd *c, struct buf *ps)
{
	for (size_t i = 0; i < ps->len; i++) {
		char *at = strchr(c->text, ps->s[i]);

		if (at && ps->s[i])
			ps->s[i] = c->to[at - c->text];
	}
}

/* h, H, g, G: to (emptied first unless appending) gets from's text. */
static void copy_space(struct buf *to, const struct buf *from, int append)
{
	if (append)
		buf_add(to, "\n", 1);
	else
		to->len = 0;
	buf_add(to, from->s, from->len);
}

static FILE *out;               /* stdout, or -i's temporary file */
static int owed_newline;        /* the last output lacked its newline */

/* Output n bytes and a newline, or (for an input's last line that had
   none) no newline - until more output follows, as GNU sed does. */
static void output(const char *s, size_t n, int newline)
{
	if (owed_newline)
		putc('\n', out);
	fwrite(s, 1, n, out);
	if (newline)
		putc('\n', out);
	owed_newline = !newline;
}

static void output_text(const char *text)
{
	output(text, strlen(text), 1);
}

/* The a texts queued in this cycle, each with its '\0'; then none. */
static void output_appended(struct buf *appended)
{
	for (size_t at = 0; at < appended->len; at += strlen(appended->s + at) + 1)
		output_text(appended->s + at);
	appended->len = 0;
}

static struct buf hold;         /* the hold space */

/*
 * One cycle over the pattern space. 1 if a q ended the script, or an n
 * or N found no next line (then, as GNU sed, the pattern space is still
 * printed). n and N change the line: newline and last follow it.
 */
static int cycle(struct buf *ps, int *newline, int *last, int *status)
{
	struct buf appended = { 0 };
	int print = !quiet, quit = 0;
	char number[32];

	for (int i = 0; i < ncmds && !quit; i++) {
		struct cmd *c = &cmds[i];

		if (!selected(c, ps->s, *last)) {
			if (c->name == '{')
				i = c->end;
			continue;
		}
		switch (c->name) {
		case '=':
			snprintf(number, sizeof(number), "%ld", in.lineno);
			output_text(number);
			break;
		case 'p':
			output(ps->s, ps->len, *newline);
			break;
		case 'n':
		case 'N':
			if (*last) {
				quit = 1;
				break;
			}
			if (c->name == 'n' && !quiet)
				output(ps->s, ps->len, *newline);
			output_appended(&appended);
			if (c->name == 'n')
				ps->len = 0;
			else
				buf_add(ps, "\n", 1);
			next_line(ps, newline, last);
			break;
		case 'h': case 'H':
			copy_space(&hold, ps, c->name == 'H');
			break;
		case 'g': case 'G':
			copy_space(ps, &hold, c->name == 'G');
			break;
		case 'x': {
			struct buf swap = hold;

			hold = *ps;
			*ps = swap;
			break;
		}
		case 'y':
			transliterate(c, ps);
			break;
		case 'a':
			buf_add(&appended, c->text, strlen(c->text) + 1);
			break;
		case 'i':
			output_text(c->text);
			break;
		case 'c':       /* the text (once, at a range's end), not the line */
		case 'd':
			if (c->name == 'c' && (!c->a2.type || !c->in_range))
				output_text(c->text);
			print = 0;
			i = ncmds;
			break;
		case 'q':
			quit = 1;
			*status = c->status;
			break;
		case 's':
			if (substitute(c, ps) && c->print)
				output(ps->s, ps->len, *newline);
			break;
		}
	}
	if (print)
		output(ps->s, ps->len, *newline);
	output_appended(&appended);
	free(appended.s);
	return quit;
}

/* Run the script over files (all as one stream, or -i: each alone). */
static int run(char **files, int nfiles)
{
	struct buf ps = { 0 };
	int newline, last, status = 0;

	in.files = files;
	in.nfiles = nfiles;
	in.next = 0;
	buf_add(&ps, "", 0);
	read_ahead();
	for (;;) {
		ps.len = 0;
		if (!next_line(&ps, &newline, &last) ||
		    cycle(&ps, &newline, &last, &status))
			break;
	}
	free(ps.s);
	return status;
}

/* -i: each file's output goes to a new file that then takes its name. */
static int edit_in_place(char *path)
{
	char tmp[4096];
	int fd, status;

	snprintf(tmp, sizeof(tmp), "%s.sedXXXXXX", path);
	if (access(path, R_OK) < 0) {
		warn("can't read %s", path);
		return 2;
	}
	fd = mkstemp(tmp);
	if (fd < 0 || !(out = fdopen(fd, "w")))
		err(4, "%s", tmp);
	owed_newline = 0;
	for (int i = 0; i < ncmds; i++)
		cmds[i].in_range = 0;
	in.lineno = 0;
	status = run(&path, 1);
	if (fclose(out) != 0 || rename(tmp, path) < 0) {
		warn("%s", path);
		unlink(tmp);
		return 4;
	}
	return status;
}

int main(int argc, char **argv)
{
	struct buf script = { 0 };
	int c, status = 0;

	while ((c = getopt(argc, argv, "nEire:")) != -1) {
		switch (c) {
		case 'n': quiet = 1; break;
		case 'E': case 'r': ere = 1; break;
		case 'i': in_place = 1; break;
		case 'e':
			if (script.len)
				buf_add(&script, "\n", 1);
			buf_add(&script, optarg, strlen(optarg));
			break;
		default: usage();
		}
	}
	if (!script.s) {
		if (optind >= argc)
			usage();
		buf_add(&script, argv[optind], strlen(argv[optind]));
		optind++;
	}
	parse_script(script.s);
	buf_add(&hold, "", 0);
	argc -= optind;
	argv += optind;
	if (in_place) {
		if (argc == 0)
			errx(1, "no input files");
		for (int i = 0; i < argc; i++) {
			int s = edit_in_place(argv[i]);

			status = status ? status : s;
		}
		return status;
	}
	out = stdout;
	if (argc == 0) {
		static char *dash[] = { "-" };

		status = run(dash, 1);
	} else {
		status = run(argv, argc);
	}
	return status ? status : in.status;
}
