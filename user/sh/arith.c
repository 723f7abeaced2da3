/*
 * $((expression)): integer arithmetic, as C does it on longs.
 *
 * A recursive-descent evaluator: one function per precedence level,
 * each calling the next tighter one for its operands.
 *
 *   or      a || b            lowest
 *   and     a && b
 *   bit_or  a | b
 *   bit_xor a ^ b
 *   bit_and a & b
 *   equal   a == b, a != b
 *   compare a < b, a <= b, a > b, a >= b
 *   shift   a << b, a >> b
 *   sum     a + b, a - b
 *   product a * b, a / b, a % b
 *   unary   -a +a !a ~a
 *   primary 42, 0x1f, 017, name, (expr), name = expr   tightest
 *
 * A name stands for its variable's value (empty or unset is 0), with
 * or without a $.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct arith {
	const char *p;
	const char *expr;
};

static long or_expr(struct arith *a);

static void __attribute__((noreturn)) arith_error(struct arith *a, const char *why)
{
	sh_error("arithmetic: %s: %s", why, a->expr);
	sh_abort(2);
}

static void skip(struct arith *a)
{
	while (isspace((unsigned char)*a->p))
		a->p++;
}

/* Is the next token op? Then step over it. */
static int accept(struct arith *a, const char *op)
{
	size_t n = strlen(op);

	skip(a);
	if (strncmp(a->p, op, n))
		return 0;
	/* "<" must not take the first half of "<<" or "<=" (likewise >, &, |, =) */
	if (n == 1 && a->p[1] && strchr("<>&|=", *op) && (a->p[1] == *op || a->p[1] == '='))
		return 0;
	if (n == 1 && *op == '!' && a->p[1] == '=')
		return 0;
	a->p += n;
	return 1;
}

static long variable(struct arith *a)
{
	const char *s = a->p;
	char name[128];

	while (isalnum((unsigned char)*a->p) || *a->p == '_')
		a->p++;
	if ((size_t)(a->p - s) >= sizeof(name))
		arith_error(a, "name too long");
	memcpy(name, s, a->p - s);
	name[a->p - s] = 0;
	if (accept(a, "=")) {
		long v = or_expr(a);
		char num[24];
		snprintf(num, sizeof(num), "%ld", v);
		setvar(name, num, 0);
		return v;
	}
	const char *value = getvar(name);
	if (!value && opt_u) {
		sh_error("%s: parameter not set", name);
		sh_abort(2);
	}
	return value ? strtol(value, NULL, 0) : 0;
}

static long primary(struct arith *a)
{
	skip(a);
	if (accept(a, "(")) {
		long v = or_expr(a);
		if (!accept(a, ")"))
			arith_error(a, "missing )");
		return v;
	}
	if (*a->p == '$')
		a->p++;
	if (isdigit((unsigned char)*a->p)) {
		char *end;
		long v = strtol(a->p, &end, 0);
		a->p = end;
		return v;
	}
	if (isalpha((unsigned char)*a->p) || *a->p == '_')
		return variable(a);
	arith_error(a, "syntax error");
}

static long unary(struct arith *a)
{
	if (accept(a, "-"))
		return -unary(a);
	if (accept(a, "+"))
		return unary(a);
	if (accept(a, "!"))
		return !unary(a);
	if (accept(a, "~"))
		return ~unary(a);
	return primary(a);
}

static long product(struct arith *a)
{
	long v = unary(a);

	for (;;) {
		int op = accept(a, "*") ? '*' : accept(a, "/") ? '/' :
			 accept(a, "%") ? '%' : 0;
		if (!op)
			return v;
		long r = unary(a);
		if (op != '*' && r == 0)
			arith_error(a, "division by zero");
		v = op == '*' ? v * r : op == '/' ? v / r : v % r;
	}
}

static long sum(struct arith *a)
{
	long v = product(a);

	for (;;) {
		if (accept(a, "+"))
			v += product(a);
		else if (accept(a, "-"))
			v -= product(a);
		else
			return v;
	}
}

static long shift(struct arith *a)
{
	long v = sum(a);

	for (;;) {
		if (accept(a, "<<"))
			v <<= sum(a);
		else if (accept(a, ">>"))
			v >>= sum(a);
		else
			return v;
	}
}

static long compare(struct arith *a)
{
	long v = shift(a);

	for (;;) {
		if (accept(a, "<="))
			v = v <= shift(a);
		else if (accept(a, ">="))
			v = v >= shift(a);
		else if (accept(a, "<"))
			v = v < shift(a);
		else if (accept(a, ">"))
			v = v > shift(a);
		else
			return v;
	}
}

static long equal(struct arith *a)
{
	long v = compare(a);

	for (;;) {
		if (accept(a, "=="))
			v = v == compare(a);
		else if (accept(a, "!="))
			v = v != compare(a);
		else
			return v;
	}
}

static long bit_and(struct arith *a)
{
	long v = equal(a);

	while (accept(a, "&"))
		v &= equal(a);
	return v;
}

static long bit_xor(struct arith *a)
{
	long v = bit_and(a);

	while (accept(a, "^"))
		v ^= bit_and(a);
	return v;
}

static long bit_or(struct arith *a)
{
	long v = bit_xor(a);

	while (accept(a, "|"))
		v |= bit_xor(a);
	return v;
}

static long and_expr(struct arith *a)
{
	long v = bit_or(a);

	while (accept(a, "&&")) {
		long r = bit_or(a);
		v = v && r;
	}
	return v;
}

static long or_expr(struct arith *a)
{
	long v = and_expr(a);

	while (accept(a, "||")) {
		long r = and_expr(a);
		v = v || r;
	}
	return v;
}

long arith_eval(const char *expr)
{
	struct arith a = { expr, expr };

	skip(&a);
	if (!*a.p)
		return 0;
	long v = or_expr(&a);
	skip(&a);
	if (*a.p)
		arith_error(&a, "syntax error");
	return v;
}
