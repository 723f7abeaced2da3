/*
 * Parameter expansion: $name, $1, $#, $?, "$@", and the ${..} forms.
 *
 *   ${x:-word}  x, or word if x is unset or empty (without ':' only
 *               if unset)               ${x:=word} the same, and x=word
 *   ${x:+word}  word if x is set and not empty, else nothing
 *   ${x:?word}  x, or fail with word as the message
 *   ${#x}       x's length
 *   ${x%pat} ${x%%pat} ${x#pat} ${x##pat}   x without its shortest /
 *               longest matching suffix / prefix
 *
 * "$@" is the odd one: each parameter its own field, even inside
 * quotes; F_BREAK markers between them tell split_fields where.
 */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"
#include "expand.h"

/* $@ and $*: "$@" is one field per parameter; "$*" is one field. */
void put_params(struct xbuf *x, char which, enum mode mode)
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
const char *param(const char *name, size_t n, char *buf)
{
	if (n == 1 && strchr("?$!#-", *name)) {
		long v = *name == '?' ? last_status : *name == '$' ? getpid() :
			 *name == '!' ? last_bg_pid : nargs;
		if (*name == '!' && !last_bg_pid)
			return NULL;
		if (*name == '-') {
			option_letters(buf);
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
size_t name_length(const char *s, int braces)
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

void unset_error(const char *name, size_t n)
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
void brace_param(struct xbuf *x, const char *s, const char *e,
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
