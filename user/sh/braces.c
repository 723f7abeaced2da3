/*
 * Brace expansion, as bash does it before all the other expansions
 * (not POSIX, but every shell user types it):
 *
 *   a{b,c}d     -> abd acd          f{1..3}    -> f1 f2 f3
 *   {x,y{1,2}}  -> x y1 y2          {c..a}     -> c b a
 *
 * It works on the word as typed, quotes and all: a quoted or escaped
 * brace, and ${..}, are left alone, and each result is expanded as
 * usual afterwards.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

/* Past what starts at p if it is quoted or a substitution, else p + 1. */
static const char *skip_item(const char *p)
{
	const char *e = p + 1;

	if (*p == '\\' && p[1])
		e = p + 2;
	else if (*p == '\'' || *p == '"')
		e = skip_quote(p);
	else if (*p == '`' || (*p == '$' && (p[1] == '(' || p[1] == '{')))
		e = skip_subst(p);
	return e ? e : p + strlen(p);
}

/* The '}' that closes the '{' at open, with the top-level commas
   found meanwhile (at most max); NULL if none closes it. */
static const char *closing(const char *open, const char **commas, int max,
			   int *ncommas)
{
	int depth = 0;

	*ncommas = 0;
	for (const char *p = open; *p; p = skip_item(p)) {
		if (*p == '{')
			depth++;
		else if (*p == '}' && --depth == 0)
			return p;
		else if (*p == ',' && depth == 1 && *ncommas < max)
			commas[(*ncommas)++] = p;
	}
	return NULL;
}

/* prefix + middle + suffix, brace-expanded in turn. */
static void emit(const char *w, const char *open, const char *mid, size_t n,
		 const char *close, void (*add)(void *, char *), void *ctx)
{
	size_t pre = open - w, post = strlen(close + 1);
	char *s = xmalloc(pre + n + post + 1);

	memcpy(s, w, pre);
	memcpy(s + pre, mid, n);
	strcpy(s + pre + n, close + 1);
	brace_expand(s, add, ctx);
	free(s);
}

/* {1..5} or {a..e}: 1 if the inside was such a sequence (emitted). */
static int sequence(const char *w, const char *open, const char *close,
		    void (*add)(void *, char *), void *ctx)
{
	char from[24], to[24], item[24];
	long a, b;

	if (close - open > 40 || sscanf(open, "{%23[^.}]..%23[^}]}", from, to) != 2)
		return 0;
	char *e1, *e2;
	a = strtol(from, &e1, 10);
	b = strtol(to, &e2, 10);
	int numbers = !*e1 && !*e2 && *from && *to;
	if (!numbers && (from[1] || to[1]))
		return 0;               /* not two numbers, nor two letters */
	if (!numbers)
		a = from[0], b = to[0];
	for (long i = a;; i += a <= b ? 1 : -1) {
		int n = numbers ? snprintf(item, sizeof(item), "%ld", i) :
			(item[0] = (char)i, 1);
		emit(w, open, item, n, close, add, ctx);
		if (i == b)
			return 1;
	}
}

/* The words w brace-expands to, each passed to add(ctx, word). */
void brace_expand(const char *w, void (*add)(void *, char *), void *ctx)
{
	const char *commas[64];
	int n;

	for (const char *p = w; *p; p = skip_item(p)) {
		if (*p != '{')
			continue;
		const char *close = closing(p, commas, 64, &n);
		if (!close)
			break;
		if (n == 0 && sequence(w, p, close, add, ctx))
			return;
		if (n == 0)
			continue;
		const char *start = p + 1;
		for (int i = 0; i <= n; i++) {
			const char *end = i < n ? commas[i] : close;
			emit(w, p, start, end - start, close, add, ctx);
			start = end + 1;
		}
		return;
	}
	add(ctx, xstrdup(w));
}
