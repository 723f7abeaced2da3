/*
 * $((expression)): integer arithmetic, as C does it on longs.
 *
 * A recursive-descent evaluator: one function per precedence level,
 * each calling the next tighter one for its operands.
 *
 *   assign  n = a, n op= a    lowest; right to left
 *   cond    a ? b : c         right to left
 *   or      a || b
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
 *   primary 42, 0x1f, 017, name, (expr)                 tightest
 *
 * A name stands for its variable's value (empty or unset is 0), with
 * or without a $. The ++ and -- of C are left out, as POSIX allows.
 *
 * Every operand is evaluated, even where C would skip it (the side of
 * && || ?: that does not count): a = assignment in the skipped side
 * still happens. dash does the same; scripts rarely notice.
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

static long assign(struct arith *a);

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

/* The name at a->p, copied into name[128]. */
static void read_name(struct arith *a, char *name)
{
	const char *s = a->p;

	while (isalnum((unsigned char)*a->p) || *a->p == '_')
		a->p++;
	if (a->p - s >= 128)
		arith_error(a, "name too long");
	memcpy(name, s, a->p - s);
	name[a->p - s] = 0;
}

static long variable_value(const char *name)
{
	const char *value = getvar(name);
	if (!value && opt_u) {
		sh_error("%s: parameter not set", name);
		sh_abort(2);
	}
	return value ? strtol(value, NULL, 0) : 0;
}

static long variable(struct arith *a)
{
	char name[128];

	read_name(a, name);
	return variable_value(name);
}

static long primary(struct arith *a)
{
	skip(a);
	if (accept(a, "(")) {
		long v = assign(a);
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

/* v op r, for the operators that also come as op= */
static long apply(struct arith *a, int op, long v, long r)
{
	if ((op == '/' || op == '%') && r == 0)
		arith_error(a, "division by zero");
	switch (op) {
	case '*': return v * r;
	case '/': return v / r;
	case '%': return v % r;
	case '+': return v + r;
	case '-': return v - r;
	case '<': return v << r;
	case '>': return v >> r;
	case '&': return v & r;
	case '^': return v ^ r;
	default:  return v | r;
	}
}

static long product(struct arith *a)
{
	long v = unary(a);

	for (;;) {
		int op = accept(a, "*") ? '*' : accept(a, "/") ? '/' :
			 accept(a, "%") ? '%' : 0;
		if (!op)
			return v;
		v = apply(a, op, v, unary(a));
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

static long cond(struct arith *a)
{
	long v = or_expr(a);

	if (!accept(a, "?"))
		return v;
	long yes = assign(a);
	if (!accept(a, ":"))
		arith_error(a, "expecting ':'");
	long no = cond(a);
	return v ? yes : no;
}

/* The assignment operators, and the operator each one applies
   ("<<=" applies '<', the shift, as apply() names it). */
static const struct {
	const char *op;
	int apply;
} assign_ops[] = {
	{ "=", 0 }, { "*=", '*' }, { "/=", '/' }, { "%=", '%' },
	{ "+=", '+' }, { "-=", '-' }, { "<<=", '<' }, { ">>=", '>' },
	{ "&=", '&' }, { "^=", '^' }, { "|=", '|' },
};

/* name op= expr, or else a conditional expression. */
static long assign(struct arith *a)
{
	skip(a);
	if (*a->p == '$' || !(isalpha((unsigned char)*a->p) || *a->p == '_'))
		return cond(a);
	const char *start = a->p;
	char name[128];
	read_name(a, name);
	skip(a);
	for (size_t i = 0; i < sizeof(assign_ops) / sizeof(assign_ops[0]); i++) {
		size_t n = strlen(assign_ops[i].op);
		if (strncmp(a->p, assign_ops[i].op, n) || a->p[n] == '=')
			continue;
		a->p += n;
		long r = assign(a);
		long v = assign_ops[i].apply ?
			apply(a, assign_ops[i].apply, variable_value(name), r) : r;
		char num[24];
		snprintf(num, sizeof(num), "%ld", v);
		setvar(name, num, 0);
		return v;
	}
	a->p = start;                   /* not an assignment: read it again */
	return cond(a);
}

long arith_eval(const char *expr)
{
	struct arith a = { expr, expr };

	skip(&a);
	if (!*a.p)
		return 0;
	long v = assign(&a);
	skip(&a);
	if (*a.p)
		arith_error(&a, "syntax error");
	return v;
}
