/*
 * Word expansion: what the shell does to a word just before it uses it.
 * In POSIX's order:
 *
 *   1. tilde         ~/x           -> /home/me/x
 *   2. parameters    $HOME ${x:-y} ${#x} $1 "$@"
 *      commands      $(date) `date`
 *      arithmetic    $((1 + 2))
 *   3. field splitting: the results of unquoted expansions are cut at
 *      $IFS characters (blank, tab, newline)
 *   4. pathnames: an unquoted * ? [..] is matched against file names
 *   5. quote removal
 *
 * Step 2 builds the word character by character into an xbuf, with a
 * flag beside each character saying where it came from:
 *
 *   echo "$a"x$b   a="1 2"  b="3 4"
 *
 *     char:  1     ' '   2     x     3     ' '   4
 *     flag:  QUOT  QUOT  QUOT  -     SPLIT SPLIT SPLIT
 *
 * Step 3 splits only at SPLIT characters (so the quoted blank stays),
 * giving the fields "1 2x3" and "4"; step 4 treats only unflagged
 * and SPLIT characters as pattern characters. Quotes themselves never
 * enter the buffer: that is step 5, for free.
 *
 * param.c does the $name and ${..} of step 2, subst.c the $(..).
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"
#include "expand.h"
#include "cmds.h"

/* ---- the buffer ---- */

int at_expanded;

void xput(struct xbuf *x, char c, int flags)
{
	if (x->len + 1 >= x->cap) {
		x->cap = x->cap ? 2 * x->cap : 64;
		x->c = realloc(x->c, x->cap);
		x->f = realloc(x->f, x->cap);
		if (!x->c || !x->f)
			sh_error("out of memory"), sh_exit(2);
	}
	x->c[x->len] = c;
	x->f[x->len++] = flags;
}

void xputs(struct xbuf *x, const char *s, int flags)
{
	while (*s)
		xput(x, *s++, flags);
}

void xfree(struct xbuf *x)
{
	free(x->c);
	free(x->f);
}

/* The characters alone (markers dropped), as a new string. */
char *xstring(struct xbuf *x, size_t from, size_t to)
{
	char *s = xmalloc(to - from + 1), *d = s;

	for (size_t i = from; i < to; i++)
		if (!(x->f[i] & (F_BREAK | F_EMPTY)))
			*d++ = x->c[i];
		else if (x->f[i] & F_BREAK)
			*d++ = ' ';
	*d = 0;
	return s;
}

/* As a pattern for fnmatch/glob: quoted pattern characters escaped. */
char *xpattern(struct xbuf *x, size_t from, size_t to)
{
	char *s = xmalloc(2 * (to - from) + 1), *d = s;

	for (size_t i = from; i < to; i++) {
		if (x->f[i] & (F_BREAK | F_EMPTY))
			continue;
		if ((x->f[i] & F_QUOTED) && strchr("*?[]\\", x->c[i]))
			*d++ = '\\';
		*d++ = x->c[i];
	}
	*d = 0;
	return s;
}

const char *ifs(void)
{
	const char *s = getvar("IFS");

	return s ? s : " \t\n";
}

void put_value(struct xbuf *x, const char *value, enum mode mode)
{
	xputs(x, value, mode == UNQUOTED ? F_SPLIT : F_QUOTED);
}

/* The text from s to e expanded as in mode, in a new string that
   finish makes (xstring; xpattern keeps quoted characters literal). */
static char *expand_text(const char *s, const char *e, enum mode mode,
			 char *(*finish)(struct xbuf *, size_t, size_t))
{
	struct xbuf x = { 0 };

	expand_range(&x, s, e, mode);
	char *text = finish(&x, 0, x.len);
	xfree(&x);
	return text;
}

/* ---- $ ---- */

static void arithmetic(struct xbuf *x, const char *s, const char *e,
		       enum mode mode)
{
	char *expr = expand_text(s, e, HEREDOC, xstring);
	char num[24];

	snprintf(num, sizeof(num), "%ld", arith_eval(expr));
	free(expr);
	put_value(x, num, mode);
}

/* p at '$': expand what follows; return where the expansion ends. */
static const char *dollar(struct xbuf *x, const char *p, enum mode mode)
{
	char buf[256];
	const char *e;

	if (p[1] == '(' || p[1] == '{') {
		e = skip_subst(p);
		if (!e) {
			sh_error("unterminated %.2s", p);
			sh_abort(2);
		}
		if (p[1] == '{')
			brace_param(x, p + 2, e - 1, mode);
		else if (p[2] == '(' && e[-2] == ')')
			arithmetic(x, p + 3, e - 2, mode);
		else {
			char *cmd = xmalloc(e - p);
			memcpy(cmd, p + 2, e - p - 3);
			cmd[e - p - 3] = 0;
			put_command(x, cmd, mode);
			free(cmd);
		}
		return e;
	}
	size_t n = name_length(p + 1, 0);
	if (n == 0) {
		xput(x, '$', mode == UNQUOTED ? 0 : F_QUOTED);
		return p + 1;
	}
	if (p[1] == '@' || p[1] == '*') {
		put_params(x, p[1], mode);
		return p + 2;
	}
	const char *value = param(p + 1, n, buf);
	if (!value && opt_u)
		unset_error(p + 1, n);
	if (value)
		put_value(x, value, mode);
	return p + 1 + n;
}

/* $'..': quoted, with C's backslash escapes (\n, \t, \x41, \101, \'). */
static const char *dollar_squote(struct xbuf *x, const char *p)
{
	xput(x, 0, F_EMPTY);
	for (p += 2; *p && *p != '\''; ) {
		int used = 1, c = *p;
		if (*p == '\\' && (p[1] == '\'' || p[1] == '"'))
			c = p[1], used = 2;
		else if (*p == '\\' && p[1])
			c = backslash_escape(p + 1, &used, 0), used++;
		if (c > 0)
			xput(x, c, F_QUOTED);
		p += used;
	}
	return *p ? p + 1 : p;
}

/* ---- the walk over a word ---- */

/* Inside "..": a backslash quotes only $ ` " \ and newline (in a
   here-document not "). */
static const char *dq_backslash(struct xbuf *x, const char *p, enum mode mode)
{
	const char *special = mode == HEREDOC ? "$`\\\n" : "$`\"\\\n";

	if (p[1] && strchr(special, p[1])) {
		if (p[1] != '\n')
			xput(x, p[1], F_QUOTED);
		return p + 2;
	}
	xput(x, '\\', F_QUOTED);
	return p + 1;
}

static const char *double_quotes(struct xbuf *x, const char *p)
{
	const char *close = skip_quote(p) - 1;
	size_t before = x->len;

	at_expanded = 0;
	expand_range(x, p + 1, close, DQUOTED);
	if (x->len == before && !at_expanded)
		xput(x, 0, F_EMPTY);
	return close + 1;
}

static const char *tilde(struct xbuf *x, const char *p)
{
	const char *home = getvar("HOME");

	if ((p[1] && p[1] != '/') || !home) {
		xput(x, '~', 0);
		return p + 1;
	}
	xputs(x, home, F_QUOTED);
	return p + 1;
}

void expand_range(struct xbuf *x, const char *p, const char *end,
			 enum mode mode)
{
	const char *start = p;

	while (p < end) {
		if (*p == '$' && p[1] == '\'' && mode == UNQUOTED) {
			p = dollar_squote(x, p);
		} else if (*p == '$') {
			p = dollar(x, p, mode);
		} else if (*p == '`') {
			const char *e = skip_subst(p);
			backquote(x, p + 1, e - 1, mode);
			p = e;
		} else if (mode != UNQUOTED) {
			if (*p == '\\')
				p = dq_backslash(x, p, mode);
			else if (*p == '"' && mode == DQUOTED)
				p++;    /* "${x:-"y"}": quotes inside quotes */
			else
				xput(x, *p++, F_QUOTED);
		} else if (*p == '\'') {
			const char *close = strchr(p + 1, '\'');
			xput(x, 0, F_EMPTY);
			for (p++; p < close; p++)
				xput(x, *p, F_QUOTED);
			p++;
		} else if (*p == '"') {
			p = double_quotes(x, p);
		} else if (*p == '\\') {
			if (p[1] && p[1] != '\n')
				xput(x, p[1], F_QUOTED);
			p += p[1] ? 2 : 1;
		} else if (*p == '~' && p == start) {
			p = tilde(x, p);
		} else {
			xput(x, *p++, 0);
		}
	}
}

/* ---- fields ---- */

struct strvec {
	char **v;
	int n, cap;
};

static void vec_add(struct strvec *v, char *s)
{
	if (v->n + 2 > v->cap) {
		v->cap = v->cap ? 2 * v->cap : 8;
		v->v = realloc(v->v, v->cap * sizeof(char *));
	}
	v->v[v->n++] = s;
	v->v[v->n] = NULL;
}

static int has_pattern(struct xbuf *x, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (!(x->f[i] & (F_QUOTED | F_BREAK | F_EMPTY)) &&
		    strchr("*?[", x->c[i]))
			return 1;
	return 0;
}

/* One field: its pathname expansion, or itself (step 4). */
static void add_field(struct strvec *v, struct xbuf *x, size_t from, size_t to)
{
	if (!opt_f && has_pattern(x, from, to)) {
		char *pat = xpattern(x, from, to);
		glob_t g;

		if (glob(pat, 0, NULL, &g) == 0) {
			for (size_t i = 0; i < g.gl_pathc; i++)
				vec_add(v, xstrdup(g.gl_pathv[i]));
			globfree(&g);
			free(pat);
			return;
		}
		free(pat);
	}
	vec_add(v, xstring(x, from, to));
}

static int is_ifs_blank(char c)
{
	return strchr(" \t\n", c) != NULL;
}

/* Is x->c[i] a $IFS character that came from an unquoted expansion? */
static int is_sep(struct xbuf *x, size_t i, const char *sep)
{
	return i < x->len && (x->f[i] & F_SPLIT) && x->c[i] && strchr(sep, x->c[i]);
}

/*
 * Step 3: cut the buffer into fields at SPLIT characters of $IFS.
 * One cut is a run of IFS blanks, or one other IFS character with the
 * blanks around it: with IFS=" :", "a : b" is two fields, "a::b" is
 * three (an empty one between the colons), " a " is one.
 */
static void split_fields(struct strvec *v, struct xbuf *x)
{
	const char *sep = ifs();
	size_t start = 0;
	int have = 0;

	for (size_t i = 0; i < x->len; i++) {
		if (x->f[i] & F_BREAK) {
			if (have)
				add_field(v, x, start, i);
			start = i + 1, have = 0;
		} else if (is_sep(x, i, sep)) {
			size_t j = i;
			int hard = 0;           /* a non-blank separator: cuts even at "" */
			while (is_sep(x, j, sep) && is_ifs_blank(x->c[j]))
				j++;
			if (is_sep(x, j, sep) && !is_ifs_blank(x->c[j])) {
				hard = 1;
				for (j++; is_sep(x, j, sep) && is_ifs_blank(x->c[j]); j++)
					;
			}
			if (have || hard)
				add_field(v, x, start, i);
			start = j, have = 0;
			i = j - 1;
		} else {
			have = 1;
		}
	}
	if (have)
		add_field(v, x, start, x->len);
}

/* A command's words (or for's list) -> argv, NULL-terminated. */
/* One word after brace expansion: steps 1-5, its fields onto the vector. */
static void expand_one(void *vec, char *raw)
{
	struct xbuf x = { 0 };

	expand_range(&x, raw, raw + strlen(raw), UNQUOTED);
	split_fields(vec, &x);
	xfree(&x);
	free(raw);
}

char **expand_words(struct word *w, int *argc)
{
	struct strvec v = { 0 };

	vec_add(&v, NULL);
	v.n = 0;
	for (; w; w = w->next)
		brace_expand(w->text, expand_one, &v);
	*argc = v.n;
	return v.v;
}

/* No splitting, no pathnames: assignments, redirections, case words. */
char *expand_string(const char *raw)
{
	return expand_text(raw, raw + strlen(raw), UNQUOTED, xstring);
}

/* A case pattern: quoted characters match only themselves. */
char *expand_pattern(const char *raw)
{
	return expand_text(raw, raw + strlen(raw), UNQUOTED, xpattern);
}

/* An unquoted here-document's body: $, ` and \ work as inside "..". */
char *expand_heredoc(const char *body)
{
	return expand_text(body, body + strlen(body), HEREDOC, xstring);
}

void free_argv(char **argv)
{
	for (char **a = argv; a && *a; a++)
		free(*a);
	free(argv);
}
