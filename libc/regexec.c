/*
 * regexec: run a compiled pattern (libc/regex_prog.h) over a string.
 *
 * The machine tries each start position from the left. From a start it
 * follows the program; at a SPLIT it goes the first way and pushes the
 * second onto a stack, to come back to if the first way fails
 * ("backtracking"). Reaching MATCH does not end the search: POSIX wants
 * the LONGEST match at the leftmost start, so the machine notes the
 * match and backtracks on, until every way is tried (or the match
 * reaches the string's end, which nothing can beat).
 *
 * Cost. Trying every way can take exponential time: (a*)*b against
 * "aaaa...a" has 2^n ways to split the a's. But without back-references
 * the future of the machine depends only on (pc, pos): if that pair
 * was tried before and led to nothing new, it will not now. So the
 * machine marks each pair in a bit table and never tries one twice,
 * which bounds a search at O(program length x string length) steps
 * (and, since a start that found nothing leaves its pairs fruitless,
 * over all starts too). A back-reference makes the future depend on
 * what the groups captured, so patterns with \1 run without the table:
 * their worst case stays exponential, as in other backtracking
 * matchers. Among ways that reach the same longest end, the captures
 * are those of the first way found (greedy ways first).
 */
#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include "regex_prog.h"

#define MEMO_MAX_BITS (8u << 20)        /* a bigger table: no table */

/* A way left to try (pc >= 0), or a slot to put back (pc < 0) when
   backtracking past the SAVE or MARK that changed it. */
struct frame {
	int pc;
	int pos;
};

struct run {
	const struct re_prog *prog;
	const char *s;
	int len, eflags;
	int *slots;             /* 2 per group (0: the whole), 2 per loop */
	int marks;              /* the first loop's slot */
	int *best;              /* the slots of the longest match so far */
	int best_end;           /* where it ends; -1: none yet */
	struct frame *stack;
	int depth, cap;
	unsigned char *tried;   /* (pc, pos) pairs tried, or NULL */
};

static int push(struct run *r, int pc, int pos)
{
	if (r->depth == r->cap) {
		int cap = r->cap ? 2 * r->cap : 64;
		struct frame *stack = realloc(r->stack, cap * sizeof(*stack));

		if (!stack)
			return -1;
		r->stack = stack;
		r->cap = cap;
	}
	r->stack[r->depth++] = (struct frame){ pc, pos };
	return 0;
}

/* Set a slot, remembering its old value for backtracking. */
static int set_slot(struct run *r, int slot, int pos)
{
	if (push(r, -1 - slot, r->slots[slot]) < 0)
		return -1;
	r->slots[slot] = pos;
	return 0;
}

static int at_bol(const struct run *r, int pos)
{
	if (pos == 0)
		return !(r->eflags & REG_NOTBOL);
	return (r->prog->cflags & REG_NEWLINE) && r->s[pos - 1] == '\n';
}

static int at_eol(const struct run *r, int pos)
{
	if (pos == r->len)
		return !(r->eflags & REG_NOTEOL);
	return (r->prog->cflags & REG_NEWLINE) && r->s[pos] == '\n';
}

static int fold(const struct run *r, unsigned char c)
{
	return (r->prog->cflags & REG_ICASE) ? tolower(c) : c;
}

/* Does the text group n matched come again at pos? Its length, or -1. */
static int backref(const struct run *r, int n, int pos)
{
	int so = r->slots[2 * n], eo = r->slots[2 * n + 1];

	if (so < 0 || eo < so || pos + (eo - so) > r->len)
		return -1;
	for (int i = 0; i < eo - so; i++)
		if (fold(r, r->s[so + i]) != fold(r, r->s[pos + i]))
			return -1;
	return eo - so;
}

/* The end of a loop's pass. A pass that moved on may go round again
   (first), or leave. A pass that matched nothing must not go round
   again - it would forever - and is allowed only as the loop's first
   (x* meeting no x): after a real pass it adds nothing but a group
   that matched empty, where POSIX keeps the real one. */
static int loop_end(struct run *r, const struct re_inst *in, int pc, int pos)
{
	int entry = r->slots[r->marks + 2 * in->x];
	int pass = r->slots[r->marks + 2 * in->x + 1];

	if (pos != pass && in->y >= 0)
		return push(r, pc + 1, pos) < 0 ? -2 : in->y;
	if (pos != pass || pass == entry)
		return pc + 1;
	return -1;
}

/* Was (pc, pos) tried before? Mark it tried. */
static int tried(struct run *r, int pc, int pos)
{
	unsigned bit;

	if (!r->tried)
		return 0;
	bit = (unsigned)pc * (r->len + 1) + pos;
	if (r->tried[bit / 8] & (1 << bit % 8))
		return 1;
	r->tried[bit / 8] |= 1 << bit % 8;
	return 0;
}

/* One step of the machine at (pc, pos): the next pc, with *pos moved
   on; -1 if this way fails here; -2 if out of memory. */
static int step(struct run *r, int pc, int *pos)
{
	const struct re_inst *in = &r->prog->code[pc];
	int c = *pos < r->len ? (unsigned char)r->s[*pos] : -1, n;

	switch (in->op) {
	case RE_CHAR:
		if (c < 0 || fold(r, c) != in->x)
			return -1;
		break;
	case RE_ANY:
		if (c < 0 || (c == '\n' && (r->prog->cflags & REG_NEWLINE)))
			return -1;
		break;
	case RE_SET:
		if (c < 0 || !re_in_set(&r->prog->sets[in->x], c))
			return -1;
		break;
	case RE_BOL:
		return at_bol(r, *pos) ? pc + 1 : -1;
	case RE_EOL:
		return at_eol(r, *pos) ? pc + 1 : -1;
	case RE_SAVE:
		return set_slot(r, in->x, *pos) < 0 ? -2 : pc + 1;
	case RE_MARK:
		return set_slot(r, r->marks + in->x, *pos) < 0 ? -2 : pc + 1;
	case RE_SPLIT:
		return push(r, in->y, *pos) < 0 ? -2 : in->x;
	case RE_JMP:
		return in->x;
	case RE_LOOP:
		return loop_end(r, in, pc, *pos);
	case RE_BACKREF:
		if ((n = backref(r, in->x, *pos)) < 0)
			return -1;
		*pos += n;
		return pc + 1;
	case RE_MATCH:          /* (seen to by the caller) */
		return -1;
	}
	++*pos;
	return pc + 1;
}

/* Every way from start: 1 if one matched (r->best has the longest),
   0 if none did, -1 if out of memory. */
static int try_from(struct run *r, int start)
{
	int pc = 0, pos = start;

	r->depth = 0;
	for (;;) {
		if (pc >= 0 && r->prog->code[pc].op == RE_MATCH && pos > r->best_end) {
			r->best_end = pos;
			memcpy(r->best, r->slots, r->marks * sizeof(int));
			if (pos == r->len)
				return 1;       /* nothing can be longer */
		}
		if (pc >= 0 && !tried(r, pc, pos))
			pc = step(r, pc, &pos);
		else
			pc = -1;
		if (pc == -2)
			return -1;
		while (pc < 0) {                /* backtrack */
			struct frame f;

			if (r->depth == 0)
				return r->best_end >= 0;
			f = r->stack[--r->depth];
			if (f.pc < 0)
				r->slots[-1 - f.pc] = f.pos;
			else
				pc = f.pc, pos = f.pos;
		}
	}
}

/* Can a match start at pos? A cheap look at the first instruction. */
static int may_start(const struct run *r, int pos)
{
	const struct re_inst *first = &r->prog->code[0];

	if (first->op == RE_CHAR)
		return pos < r->len && fold(r, r->s[pos]) == first->x;
	if (first->op == RE_BOL)
		return at_bol(r, pos);
	return 1;
}

static int search(struct run *r)
{
	size_t bits = (size_t)r->prog->len * (r->len + 1);

	if (!r->prog->backrefs && (size_t)r->len < MEMO_MAX_BITS / r->prog->len) {
		r->tried = calloc(bits / 8 + 1, 1);
		if (!r->tried)
			return -1;
	}
	for (int i = 0; i < r->marks + 2 * r->prog->nloops; i++)
		r->slots[i] = -1;
	for (int start = 0; start <= r->len; start++) {
		int found;

		if (!may_start(r, start))
			continue;
		r->slots[0] = start;
		found = try_from(r, start);
		if (found)
			return found;
	}
	return 0;
}

int regexec(const regex_t *re, const char *string, size_t nmatch,
	    regmatch_t pmatch[], int eflags)
{
	struct run r = {
		.prog = re->re_prog, .s = string, .len = strlen(string),
		.eflags = eflags, .marks = 2 * (re->re_nsub + 1), .best_end = -1,
	};
	int found;

	r.slots = malloc((r.marks + 2 * r.prog->nloops) * sizeof(int));
	r.best = malloc(r.marks * sizeof(int));
	found = (r.slots && r.best) ? search(&r) : -1;
	if (found > 0 && !(r.prog->cflags & REG_NOSUB)) {
		r.best[1] = r.best_end;
		for (size_t i = 0; i < nmatch; i++) {
			int ok = i <= re->re_nsub && r.best[2 * i] >= 0 &&
				r.best[2 * i + 1] >= 0;

			pmatch[i].rm_so = ok ? r.best[2 * i] : -1;
			pmatch[i].rm_eo = ok ? r.best[2 * i + 1] : -1;
		}
	}
	free(r.slots);
	free(r.best);
	free(r.stack);
	free(r.tried);
	return found < 0 ? REG_ESPACE : found ? 0 : REG_NOMATCH;
}
