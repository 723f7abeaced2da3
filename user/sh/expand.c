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
 */
#include <fnmatch.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <errno.h>
#include "sh.h"
#include "cmds.h"

#define F_QUOTED 1      /* from quotes: no splitting, no pattern */
#define F_SPLIT  2      /* from an unquoted expansion: IFS cuts here */
#define F_BREAK  4      /* between the words of "$@": a field ends */
#define F_EMPTY  8      /* "" or '': the field exists even if empty */

enum mode { UNQUOTED, DQUOTED, HEREDOC };

struct xbuf {
	char *c;
	unsigned char *f;
	size_t len, cap;
};

static int at_expanded;         /* "$@" was in the last double quotes */

static void xput(struct xbuf *x, char c, int flags)
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

static void xputs(struct xbuf *x, const char *s, int flags)
{
	while (*s)
		xput(x, *s++, flags);
}

static void xfree(struct xbuf *x)
{
	free(x->c);
	free(x->f);
}

/* The characters alone (markers dropped), as a new string. */
static char *xstring(struct xbuf *x, size_t from, size_t to)
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
static char *xpattern(struct xbuf *x, size_t from, size_t to)
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

static void expand_range(struct xbuf *x, const char *p, const char *end,
			 enum mode mode);

/* ---- parameters ---- */

static const char *ifs(void)
{
	const char *s = getvar("IFS");

	return s ? s : " \t\n";
}

static void put_value(struct xbuf *x, const char *value, enum mode mode)
{
	xputs(x, value, mode == UNQUOTED ? F_SPLIT : F_QUOTED);
}

/* $@ and $*: "$@" is one field per parameter; "$*" is one field. */
static void put_params(struct xbuf *x, char which, enum mode mode)
{
	if (mode != UNQUOTED && which == '*') {
		for (int i = 0; i < nargs; i++) {
			if (i && *ifs())
				xput(x, *ifs(), F_QUOTED);
			xputs(x, args[i], F_QUOTED);
		}
		return;
	}
	at_expanded = 1;
	for (int i = 0; i < nargs; i++) {
		if (i)
			xput(x, 0, F_BREAK);
		if (mode != UNQUOTED)
			xput(x, 0, F_EMPTY);
		put_value(x, args[i], mode);
	}
}

/* The value of a parameter other than $@ and $*: NULL if unset. The
   numbers are formatted into buf. */
static const char *param(const char *name, size_t n, char *buf)
{
	if (n == 1 && strchr("?$!#-", *name)) {
		long v = *name == '?' ? last_status : *name == '$' ? getpid() :
			 *name == '!' ? last_bg_pid : nargs;
		if (*name == '!' && !last_bg_pid)
			return NULL;
		if (*name == '-') {
			snprintf(buf, 16, "%s%s%s%s%s", opt_e ? "e" : "",
				 opt_f ? "f" : "", opt_u ? "u" : "",
				 opt_x ? "x" : "", interactive ? "i" : "");
			return buf;
		}
		snprintf(buf, 16, "%ld", v);
		return buf;
	}
	if (*name >= '0' && *name <= '9') {
		int i = atoi(name);
		return i == 0 ? arg0 : i <= nargs ? args[i - 1] : NULL;
	}
	memcpy(buf, name, n);
	buf[n] = 0;
	return getvar(buf);
}

/* How long the name at s is: a variable, a digit, or a special. */
static size_t name_length(const char *s, int braces)
{
	size_t n = 0;

	if (*s >= '0' && *s <= '9') {
		if (!braces)
			return 1;
		while (s[n] >= '0' && s[n] <= '9')
			n++;
		return n;
	}
	if (*s && strchr("@*#?-$!", *s))
		return 1;
	while (s[n] && (s[n] == '_' || (s[n] >= 'a' && s[n] <= 'z') ||
			(s[n] >= 'A' && s[n] <= 'Z') || (n && s[n] >= '0' && s[n] <= '9')))
		n++;
	return n;
}

static void unset_error(const char *name, size_t n)
{
	sh_error("%.*s: parameter not set", (int)n, name);
	sh_abort(2);
}

/* The string an operand word expands to (for := and the patterns). */
static void expand_operand(struct xbuf *w, const char *s, const char *e,
			   enum mode mode)
{
	memset(w, 0, sizeof(*w));
	expand_range(w, s, e, mode == UNQUOTED ? UNQUOTED : HEREDOC);
}

/* ${x%pat} ${x%%pat} ${x#pat} ${x##pat}: value minus the shortest or
   longest suffix or prefix that matches. */
static char *remove_affix(const char *value, const char *pat, int suffix,
			  int longest)
{
	size_t len = strlen(value);
	char *s = xstrdup(value);

	for (size_t k = 0; k <= len; k++) {
		size_t cut = longest ? len - k : k;     /* chars removed */
		if (suffix) {
			if (fnmatch(pat, value + len - cut, 0) == 0) {
				s[len - cut] = 0;
				return s;
			}
		} else {
			s[cut] = 0;
			if (fnmatch(pat, s, 0) == 0) {
				char *r = xstrdup(value + cut);
				free(s);
				return r;
			}
			strcpy(s, value);
		}
	}
	return s;
}

static void bad_substitution(const char *s, const char *e)
{
	sh_error("${%.*s}: bad substitution", (int)(e - s), s);
	sh_abort(2);
}

/* The operand of ${name OP word}, and the parameter it is about. */
struct operand {
	const char *name;
	size_t n;
	const char *value;      /* NULL: unset */
	const char *word, *end;
};

/* ${x%pat} ${x%%pat} ${x#pat} ${x##pat} */
static void strip_pattern(struct xbuf *x, struct operand *o, char kind,
			  enum mode mode)
{
	int longest = o->word < o->end && *o->word == kind;
	struct xbuf w;

	expand_operand(&w, o->word + longest, o->end, UNQUOTED);
	char *pat = xpattern(&w, 0, w.len);
	char *r = remove_affix(o->value ? o->value : "", pat, kind == '%', longest);
	put_value(x, r, mode);
	free(r);
	free(pat);
	xfree(&w);
}

/* ${x:=word} assigns word to x; ${x:?word} fails with word as the
   message (both only when x is unset or empty). */
static void assign_or_fail(struct xbuf *x, struct operand *o, char kind,
			   enum mode mode)
{
	struct xbuf w;
	char name[256];

	expand_operand(&w, o->word, o->end, mode);
	char *v = xstring(&w, 0, w.len);
	xfree(&w);
	if (kind == '?') {
		sh_error("%.*s: %s", (int)o->n, o->name,
			 *v ? v : "parameter null or not set");
		free(v);
		sh_abort(1);
	}
	snprintf(name, sizeof(name), "%.*s", (int)o->n, o->name);
	setvar(name, v, 0);
	put_value(x, v, mode);
	free(v);
}

/* ${name}, ${#name}, or ${name OP word}: s..e is inside the braces. */
static void brace_param(struct xbuf *x, const char *s, const char *e,
			enum mode mode)
{
	char buf[256];
	int length = (*s == '#' && s + 1 < e);
	struct operand o = { s + length, name_length(s + length, 1), NULL, NULL, e };
	const char *op = o.name + o.n;

	if (o.n == 0 || o.n >= sizeof(buf) || (length && op != e))
		bad_substitution(s, e);
	if (op == e && !length && (*s == '@' || *s == '*')) {
		put_params(x, *s, mode);
		return;
	}
	o.value = param(o.name, o.n, buf);
	if (op == e && !o.value && opt_u)
		unset_error(o.name, o.n);
	if (op == e && length) {
		snprintf(buf, sizeof(buf), "%zu", o.value ? strlen(o.value) : 0);
		put_value(x, buf, mode);
		return;
	}
	if (op == e) {
		if (o.value)
			put_value(x, o.value, mode);
		return;
	}
	int colon = *op == ':';
	char kind = op[colon];
	int missing = !o.value || (colon && !*o.value);
	o.word = op + colon + 1;
	if (kind == '%' || kind == '#')
		strip_pattern(x, &o, kind, mode);
	else if (!strchr("-+=?", kind))
		bad_substitution(s, e);
	else if (missing == (kind != '+') && (kind == '=' || kind == '?'))
		assign_or_fail(x, &o, kind, mode);
	else if (missing == (kind != '+'))      /* :- and :+ use the word */
		expand_range(x, o.word, e, mode);
	else if (kind != '+')                   /* ... or else the value */
		put_value(x, o.value, mode);
}

/* ---- command substitution ---- */

/* The output of cmd, run by a child shell; trailing newlines removed.
   The child's status goes to subst_status: "x=$(false)" sets $? to 1. */
int subst_status;

char *command_output(const char *cmd)
{
	int fd[2];
	char *out = NULL;
	size_t len = 0;
	pid_t pid;

	fflush(stdout);
	if (pipe(fd) < 0 || (pid = fork()) < 0) {
		sh_error("cannot run $(%s): %s", cmd, strerror(errno));
		return xstrdup("");
	}
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], 1);
		close(fd[1]);
		child_setup(NULL, 0);
		sh_exit(run_string(cmd));
	}
	close(fd[1]);
	for (;;) {
		out = realloc(out, len + 4097);
		ssize_t n = read(fd[0], out + len, 4096);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += n;
	}
	close(fd[0]);
	while (len && out[len - 1] == '\n')
		len--;
	out[len] = 0;
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	subst_status = WIFEXITED(status) ? WEXITSTATUS(status) :
		       128 + WTERMSIG(status);
	last_status = subst_status;     /* "echo $(false) $?" says 1 */
	return out;
}

static void put_command(struct xbuf *x, const char *cmd, enum mode mode)
{
	char *out = command_output(cmd);

	put_value(x, out, mode);
	free(out);
}

/* `..`: inside, \$ \` and \\ stand for the character itself. */
static void backquote(struct xbuf *x, const char *s, const char *e,
		      enum mode mode)
{
	char *cmd = xmalloc(e - s + 1), *d = cmd;

	for (; s < e; s++) {
		if (*s == '\\' && s + 1 < e && strchr("$`\\", s[1]))
			s++;
		*d++ = *s;
	}
	*d = 0;
	put_command(x, cmd, mode);
	free(cmd);
}

/* ---- $ ---- */

static void arithmetic(struct xbuf *x, const char *s, const char *e,
		       enum mode mode)
{
	struct xbuf w = { 0 };
	char num[24];

	expand_range(&w, s, e, HEREDOC);
	char *expr = xstring(&w, 0, w.len);
	xfree(&w);
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

static void expand_range(struct xbuf *x, const char *p, const char *end,
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

/* Step 3: cut the buffer into fields at SPLIT characters of $IFS. */
static void split_fields(struct strvec *v, struct xbuf *x)
{
	const char *sep = ifs();
	size_t start = 0;
	int have = 0;

	for (size_t i = 0; i < x->len; i++) {
		char c = x->c[i];
		int f = x->f[i];

		if (f & F_BREAK) {
			if (have)
				add_field(v, x, start, i);
			start = i + 1, have = 0;
		} else if ((f & F_SPLIT) && c && strchr(sep, c)) {
			if (have || !is_ifs_blank(c))
				add_field(v, x, start, i);
			/* blanks around a non-blank separator belong to it */
			while (i + 1 < x->len && (x->f[i + 1] & F_SPLIT) &&
			       strchr(sep, x->c[i + 1]) && is_ifs_blank(x->c[i + 1]))
				i++;
			start = i + 1, have = 0;
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
	struct xbuf x = { 0 };

	expand_range(&x, raw, raw + strlen(raw), UNQUOTED);
	char *s = xstring(&x, 0, x.len);
	xfree(&x);
	return s;
}

/* A case pattern: quoted characters match only themselves. */
char *expand_pattern(const char *raw)
{
	struct xbuf x = { 0 };

	expand_range(&x, raw, raw + strlen(raw), UNQUOTED);
	char *s = xpattern(&x, 0, x.len);
	xfree(&x);
	return s;
}

/* An unquoted here-document's body: $, ` and \ work as inside "..". */
char *expand_heredoc(const char *body)
{
	struct xbuf x = { 0 };

	expand_range(&x, body, body + strlen(body), HEREDOC);
	char *s = xstring(&x, 0, x.len);
	xfree(&x);
	return s;
}

void free_argv(char **argv)
{
	for (char **a = argv; a && *a; a++)
		free(*a);
	free(argv);
}
