/*
 * The program a regular expression compiles to (libc/regcomp.c makes
 * it, libc/regexec.c runs it). It is a list of instructions for a
 * little machine with two registers, "where am I in the pattern" (pc)
 * and "where am I in the string" (pos). a(b|c)*d becomes
 *
 *    0  CHAR 'a'
 *    1  MARK 0              loop 0 is entered at this pos
 *    2  SPLIT 3, 11         a pass through (b|c) first, else 11
 *    3  MARK 1              a pass of loop 0 starts at this pos
 *    4  SAVE 2              group 1 starts here
 *    5  SPLIT 6, 8          the alternation b|c
 *    6  CHAR 'b'
 *    7  JMP 9
 *    8  CHAR 'c'
 *    9  SAVE 3              group 1 ends here
 *   10  LOOP 0, 3           the pass moved on? then (split) 3 again
 *   11  CHAR 'd'
 *   12  MATCH
 *
 * A SPLIT is a choice: the machine follows the first way and remembers
 * the second, to come back to if the first fails (backtracking).
 */
#ifndef _REGEX_PROG_H
#define _REGEX_PROG_H

#include <regex.h>

enum re_op {
	RE_CHAR,        /* the character x (lower case under REG_ICASE) */
	RE_ANY,         /* any character; not '\n' under REG_NEWLINE */
	RE_SET,         /* a character in set x, a [bracket expression] */
	RE_BOL,         /* ^: at a line's start */
	RE_EOL,         /* $: at a line's end */
	RE_SAVE,        /* capture slot x = pos (group x/2's start or end) */
	RE_MARK,        /* loop slot x = pos: 2n loop n's entry, 2n+1 a pass's */
	RE_SPLIT,       /* go on at x; if that fails, at y */
	RE_JMP,         /* go on at x */
	RE_LOOP,        /* end of a pass of loop x: if it moved pos, split y,
			   next (y -1: just next); an empty pass only as the first */
	RE_BACKREF,     /* the text group x matched, once more */
	RE_MATCH,       /* the whole pattern matched */
};

struct re_inst {
	unsigned char op;
	int x, y;
};

/* A bracket expression: one bit per byte value. */
struct re_set {
	unsigned char bits[256 / 8];
};

struct re_prog {
	struct re_inst *code;
	int len, cap;                   /* instructions used, allocated */
	struct re_set *sets;
	int nsets;
	int nloops;                     /* loops: 2 MARK slots each */
	int backrefs;                   /* any RE_BACKREF? (no memo then) */
	int cflags;
};

static inline int re_in_set(const struct re_set *set, unsigned char c)
{
	return set->bits[c / 8] >> (c % 8) & 1;
}

#endif
