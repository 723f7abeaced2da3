/*
 * regcomp: a regular expression, parsed by recursive descent, becomes a
 * program of instructions (drawn in libc/regex_prog.h):
 *
 *   alternation   branch | branch ...      (ERE '|', BRE '\|')
 *   branch        piece piece ...
 *   piece         atom, then * + ? {m,n}   (BRE: *, \{m,n\}, \+, \?)
 *   atom          c . [set] ^ $ (alt) \N   (BRE groups: \( \))
 *
 * Each part is emitted as soon as it is read. An operator that comes
 * after its operand (a star, a '|') takes the operand's instructions
 * back out of the program and lays them down again inside its own:
 * "x*" is SPLIT, MARK, x, LOOP. Laying down a copy moves the jumps
 * inside it along, so x{2,3} is simply three copies of x.
 */
#include <ctype.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#include "regex_prog.h"

#define MAX_INSTS 30000         /* a bigger program is REG_ESPACE */

struct parser {
	const char *p;          /* the next pattern character */
	struct re_prog *prog;
	int ere;                /* REG_EXTENDED: bare ( ) | + ? { } */
	int ngroups;            /* groups opened so far */
	int depth;              /* groups open now */
	unsigned closed;        /* bit n: group n is closed (\n may refer) */
};

/* Append one instruction; its index, or -1 when out of room. */
static int emit(struct parser *ps, int op, int x, int y)
{
	struct re_prog *prog = ps->prog;

	if (prog->len == prog->cap) {
		int cap = prog->cap ? 2 * prog->cap : 32;
		struct re_inst *code;

		if (cap > MAX_INSTS)
			return -1;
		code = realloc(prog->code, cap * sizeof(*code));
		if (!code)
			return -1;
		prog->code = code;
		prog->cap = cap;
	}
	prog->code[prog->len] = (struct re_inst){ op, x, y };
	return prog->len++;
}

/* The instructions from 'from' to the end, taken out of the program
   (the caller frees them); NULL when out of memory. */
static struct re_inst *take(struct parser *ps, int from, int *n)
{
	struct re_inst *body;

	*n = ps->prog->len - from;
	body = malloc((*n ? *n : 1) * sizeof(*body));
	if (body) {
		memcpy(body, ps->prog->code + from, *n * sizeof(*body));
		ps->prog->len = from;
	}
	return body;
}

/* Lay down a copy of n instructions that stood at 'from': jumps within
   the copy (or just past it) move along with it. */
static int lay(struct parser *ps, const struct re_inst *body, int n, int from)
{
	int delta = ps->prog->len - from;

	for (int i = 0; i < n; i++) {
		struct re_inst in = body[i];

		if (in.op == RE_SPLIT || in.op == RE_JMP)
			in.x += delta;
		if (in.op == RE_SPLIT || (in.op == RE_LOOP && in.y >= 0))
			in.y += delta;
		if (emit(ps, in.op, in.x, in.y) < 0)
			return REG_ESPACE;
	}
	return 0;
}

/* One pass of a loop that may be skipped (optional: SPLIT to the end,
   chained through *skips) and may go round again (again):
   [SPLIT] MARK x LOOP. */
static int lay_pass(struct parser *ps, const struct re_inst *body, int n,
		    int from, int loop, int optional, int again, int *skips)
{
	int mark;

	if (optional && (*skips = emit(ps, RE_SPLIT, ps->prog->len + 1, *skips)) < 0)
		return REG_ESPACE;
	mark = emit(ps, RE_MARK, 2 * loop + 1, 0);
	if (mark < 0 || lay(ps, body, n, from) ||
	    emit(ps, RE_LOOP, loop, again ? mark : -1) < 0)
		return REG_ESPACE;
	return 0;
}

/* The atom at 'from' (the end of the program) repeated min to max
   times, max -1 meaning no limit: min copies, then a loop (x{2,} is
   x x+) or max - min optional passes, each of which may skip to the
   end. Optional passes need the loop's entry marked, for LOOP to tell
   the first pass from the others. */
static int repeat(struct parser *ps, int from, int min, int max)
{
	int n, e = 0, skips = -1, loop = -1;
	int copies = (max < 0 && min > 0) ? min - 1 : min;
	struct re_inst *body = take(ps, from, &n);

	if (!body)
		return REG_ESPACE;
	if (max != min) {
		loop = ps->prog->nloops++;
		if (emit(ps, RE_MARK, 2 * loop, 0) < 0)
			e = REG_ESPACE;
	}
	for (int i = 0; i < copies && !e; i++)
		e = lay(ps, body, n, from);
	if (!e && max < 0)
		e = lay_pass(ps, body, n, from, loop, min == 0, 1, &skips);
	for (int i = min; i < max && !e; i++)
		e = lay_pass(ps, body, n, from, loop, 1, 0, &skips);
	while (skips >= 0) {            /* the chain of skips, through y */
		int next = ps->prog->code[skips].y;

		ps->prog->code[skips].y = ps->prog->len;
		skips = next;
	}
	free(body);
	return e;
}

/* A number in an interval; -1 if there is none. */
static int number(struct parser *ps)
{
	int n = -1;

	while (isdigit((unsigned char)*ps->p)) {
		n = (n < 0 ? 0 : n) * 10 + (*ps->p++ - '0');
		if (n > RE_DUP_MAX)
			n = RE_DUP_MAX + 1;
	}
	return n;
}

/* After the '{' of {m}, {m,} or {m,n} (BRE: \{ \}). */
static int interval(struct parser *ps, int *min, int *max)
{
	*min = number(ps);
	*max = *min;
	if (*ps->p == ',') {
		ps->p++;
		*max = number(ps);
		if (*min < 0)
			*min = 0;
	} else if (*min < 0) {
		return *ps->p ? REG_BADBR : REG_EBRACE;
	}
	if (!ps->ere && *ps->p == '\\')
		ps->p++;
	if (*ps->p != '}')
		return *ps->p ? REG_BADBR : REG_EBRACE;
	ps->p++;
	if (*min > RE_DUP_MAX || *max > RE_DUP_MAX || (*max >= 0 && *max < *min))
		return REG_BADBR;
	return 0;
}

/* Is a repetition next? If so, read it into min and max (-1: none). */
static int repetition(struct parser *ps, int *min, int *max, int *e)
{
	const char *p = ps->p;
	char c = p[0];

	if (!ps->ere) {
		if (c == '*') {
			ps->p++;
		} else if (c == '\\' && (p[1] == '+' || p[1] == '?' || p[1] == '{')) {
			c = p[1];
			ps->p += 2;
		} else {
			return 0;
		}
	} else if (c == '*' || c == '+' || c == '?' || c == '{') {
		ps->p++;
	} else {
		return 0;
	}
	*min = (c == '+');
	*max = (c == '?') ? 1 : -1;
	*e = (c == '{') ? interval(ps, min, max) : 0;
	return 1;
}

static void set_add(struct re_set *set, int lo, int hi)
{
	for (int c = lo; c <= hi; c++)
		set->bits[c / 8] |= 1 << (c % 8);
}

/* [:name:] after its "[:": every character of the class, looked up
   by name with wctype(). */
static int set_class(struct parser *ps, struct re_set *set)
{
	const char *end = strstr(ps->p, ":]");
	size_t len = end ? (size_t)(end - ps->p) : 0;
	char name[8];                   /* "xdigit", the longest */
	wctype_t class;

	if (!end)
		return REG_EBRACK;
	if (len >= sizeof(name))
		return REG_ECTYPE;
	memcpy(name, ps->p, len);
	name[len] = '\0';
	if (!(class = wctype(name)))
		return REG_ECTYPE;
	for (int c = 1; c < 256; c++)
		if (iswctype(c, class))
			set_add(set, c, c);
	ps->p = end + 2;
	return 0;
}

/* One end of a range: a character, or a collating symbol [.c.] / [=c=]
   (this C locale's only collating elements are single characters). */
static int set_char(struct parser *ps, int *c)
{
	const char *p = ps->p;

	if (p[0] == '[' && (p[1] == '.' || p[1] == '=')) {
		if (!p[2] || p[3] != p[1] || p[4] != ']')
			return REG_ECOLLATE;
		*c = (unsigned char)p[2];
		ps->p += 5;
		return 0;
	}
	*c = (unsigned char)*ps->p++;
	return 0;
}

/* A bracket expression after its '[': ']' first is a member, ranges
   a-z, classes [:digit:]; '\' is an ordinary character in here. */
static int bracket(struct parser *ps, int cflags)
{
	struct re_set set = { { 0 } }, *sets;
	int negate = (*ps->p == '^'), e;

	ps->p += negate;
	for (int first = 1; first || *ps->p != ']'; first = 0) {
		int lo, hi;

		if (!*ps->p)
			return REG_EBRACK;
		if (ps->p[0] == '[' && ps->p[1] == ':') {
			ps->p += 2;
			if ((e = set_class(ps, &set)))
				return e;
			continue;
		}
		if ((e = set_char(ps, &lo)))
			return e;
		hi = lo;
		if (ps->p[0] == '-' && ps->p[1] && ps->p[1] != ']') {
			ps->p++;
			if ((e = set_char(ps, &hi)))
				return e;
			if (hi < lo)
				return REG_ERANGE;
		}
		set_add(&set, lo, hi);
	}
	ps->p++;
	for (int c = 'a'; c <= 'z' && (cflags & REG_ICASE); c++)
		if (re_in_set(&set, c) || re_in_set(&set, toupper(c))) {
			set_add(&set, c, c);
			set_add(&set, toupper(c), toupper(c));
		}
	if (negate) {
		for (int i = 0; i < 32; i++)
			set.bits[i] = ~set.bits[i];
		if (cflags & REG_NEWLINE)
			set.bits['\n' / 8] &= ~(1 << ('\n' % 8));
	}
	sets = realloc(ps->prog->sets, (ps->prog->nsets + 1) * sizeof(*sets));
	if (!sets)
		return REG_ESPACE;
	ps->prog->sets = sets;
	sets[ps->prog->nsets] = set;
	return emit(ps, RE_SET, ps->prog->nsets++, 0) < 0 ? REG_ESPACE : 0;
}

static int alternation(struct parser *ps);

/* A group after its '(' (BRE "\("): SAVE 2n, the alternation, SAVE 2n+1. */
static int group(struct parser *ps)
{
	int n = ++ps->ngroups, e;

	if (emit(ps, RE_SAVE, 2 * n, 0) < 0)
		return REG_ESPACE;
	ps->depth++;
	if ((e = alternation(ps)))
		return e;
	ps->depth--;
	if (!ps->ere && ps->p[0] == '\\' && ps->p[1] == ')')
		ps->p += 2;
	else if (ps->ere && *ps->p == ')')
		ps->p++;
	else
		return REG_EPAREN;
	if (n < 32)
		ps->closed |= 1u << n;
	return emit(ps, RE_SAVE, 2 * n + 1, 0) < 0 ? REG_ESPACE : 0;
}

/* Does the branch end here: end of pattern, '|' or a group's ')'? (In
   BRE a "\)" with no group open ends the top level, and regcomp refuses
   it; in ERE a lone ')' is an ordinary character, as in glibc.) */
static int branch_ends(struct parser *ps, const char *p)
{
	if (ps->ere)
		return !*p || *p == '|' || (*p == ')' && ps->depth);
	return !*p || (p[0] == '\\' && (p[1] == '|' || p[1] == ')'));
}

/* One atom; *got says whether there was one (none at a branch's end).
   'first' is the branch's start, where BRE's ^ anchors and * is literal. */
static int atom(struct parser *ps, int first, int cflags, int *got)
{
	const char *p = ps->p;
	int op = RE_CHAR, x;

	*got = !branch_ends(ps, p);
	if (!*got)
		return 0;
	ps->p++;
	x = (unsigned char)p[0];
	if (ps->ere && (x == '*' || x == '+' || x == '?' || x == '{'))
		return REG_BADRPT;
	if (ps->ere && x == '(')
		return group(ps);
	if (x == '[')
		return bracket(ps, cflags);
	if (x == '.')
		op = RE_ANY;
	else if (x == '^' && (ps->ere || first))
		op = RE_BOL;
	else if (x == '$' && (ps->ere || branch_ends(ps, p + 1)))
		op = RE_EOL;
	else if (x == '\\') {
		x = (unsigned char)*ps->p++;
		if (!x)
			return REG_EESCAPE;
		if (!ps->ere && x == '(')
			return group(ps);
		if (x >= '1' && x <= '9') {
			if (!(ps->closed & 1u << (x - '0')))
				return REG_ESUBREG;
			op = RE_BACKREF;
			x -= '0';
			ps->prog->backrefs = 1;
		} else if (!ps->ere && (x == '{' || x == '+' || x == '?')) {
			return REG_BADRPT;
		}
	}
	if (op == RE_CHAR && (cflags & REG_ICASE))
		x = tolower(x);
	return emit(ps, op, x, 0) < 0 ? REG_ESPACE : 0;
}

/* A branch: pieces, each an atom and its repetitions, to the branch's
   end. (In BRE a '*' with nothing before it - at the start, or after
   the anchor ^ - is an ordinary character, which atom() reads.) */
static int branch(struct parser *ps, int cflags)
{
	for (int first = 1;; first = 0) {
		int from = ps->prog->len, got, min, max, e;
		int bre_anchor = !ps->ere && first && *ps->p == '^';

		if ((e = atom(ps, first, cflags, &got)))
			return e;
		if (!got)
			return 0;
		if (bre_anchor)
			continue;
		/* BRE allows one repetition per atom, ERE none on an anchor */
		for (int n = 0; repetition(ps, &min, &max, &e); n++) {
			int op = ps->prog->code[from].op;

			if (!e && ((!ps->ere && n) ||
				   (ps->ere && (op == RE_BOL || op == RE_EOL))))
				e = REG_BADRPT;
			if (e || (e = repeat(ps, from, min, max)))
				return e;
		}
	}
}

/* Branches separated by '|': SPLIT to each but the last, JMP out after
   each. The JMPs wait for the end in a chain through their x. */
static int alternation(struct parser *ps)
{
	int jumps = -1, e;
	int cflags = ps->prog->cflags;

	for (;;) {
		int from = ps->prog->len, n;
		struct re_inst *body;

		if ((e = branch(ps, cflags)))
			return e;
		if (ps->ere ? *ps->p != '|' : !(ps->p[0] == '\\' && ps->p[1] == '|'))
			break;
		ps->p += ps->ere ? 1 : 2;
		body = take(ps, from, &n);
		if (!body)
			return REG_ESPACE;
		e = emit(ps, RE_SPLIT, from + 1, from + n + 2) < 0 ||
			lay(ps, body, n, from);
		free(body);
		if (e || (jumps = emit(ps, RE_JMP, jumps, 0)) < 0)
			return REG_ESPACE;
	}
	while (jumps >= 0) {
		int next = ps->prog->code[jumps].x;

		ps->prog->code[jumps].x = ps->prog->len;
		jumps = next;
	}
	return 0;
}

static void free_prog(struct re_prog *prog)
{
	if (prog) {
		free(prog->code);
		free(prog->sets);
		free(prog);
	}
}

int regcomp(regex_t *re, const char *pattern, int cflags)
{
	struct parser ps = { .p = pattern, .ere = cflags & REG_EXTENDED };
	int e;

	re->re_prog = NULL;
	ps.prog = calloc(1, sizeof(*ps.prog));
	if (!ps.prog)
		return REG_ESPACE;
	ps.prog->cflags = cflags;
	e = alternation(&ps);
	if (!e && *ps.p)
		e = REG_EPAREN;         /* a ')' without its '(' */
	if (!e && emit(&ps, RE_MATCH, 0, 0) < 0)
		e = REG_ESPACE;
	if (e) {
		free_prog(ps.prog);
		return e;
	}
	re->re_nsub = ps.ngroups;
	re->re_prog = ps.prog;
	return 0;
}

void regfree(regex_t *re)
{
	free_prog(re->re_prog);
	re->re_prog = NULL;
}

static const char *const messages[] = {
	[0] = "Success",
	[REG_NOMATCH] = "No match",
	[REG_BADPAT] = "Invalid regular expression",
	[REG_ECOLLATE] = "Invalid collating element",
	[REG_ECTYPE] = "Unknown character class name",
	[REG_EESCAPE] = "Trailing backslash",
	[REG_ESUBREG] = "Back reference to a group that does not exist",
	[REG_EBRACK] = "Unmatched [",
	[REG_EPAREN] = "Unmatched ( or )",
	[REG_EBRACE] = "Unmatched {",
	[REG_BADBR] = "Invalid content of {}",
	[REG_ERANGE] = "Invalid range end",
	[REG_ESPACE] = "Out of memory, or the expression is too big",
	[REG_BADRPT] = "Nothing to repeat before *, +, ? or {",
};

/* The message for errcode in buf (cut to size); the size it needs. */
size_t regerror(int errcode, const regex_t *re, char *buf, size_t size)
{
	const char *msg = "Unknown error";

	(void)re;
	if (errcode >= 0 && errcode < (int)(sizeof(messages) / sizeof(messages[0])))
		msg = messages[errcode];
	if (size)
		snprintf(buf, size, "%s", msg);
	return strlen(msg) + 1;
}
