/*
 * The program a regular expression compiles to (libc/regcomp.c makes
 * it, libc/regexec.c runs it). It is a list of instructions for a
 * little machine with two registers, "where am I in the pattern" (pc)
 * and "where am I in the string" (pos). a(b|c)*d becomes
 *
 *    0  CHAR 'a'
 *    1  SPLIT 2, 10         one more pass through (b|c) first, else 10
 *    2  MARK 0              loop 0's pass starts at this pos
 *    3  SAVE 2              group 1 starts here
 *    4  SPLIT 5, 7          the alternation b|c
 *    5  CHAR 'b'
 *    6  JMP 8
 *    7  CHAR 'c'
 *    8  SAVE 3              group 1 ends here
 *    9  LOOP 0, 2           moved on since MARK 0? then (split) 2 again
 *   10  CHAR 'd'
 *   11  MATCH
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
	RE_MARK,        /* loop x's pass starts at pos */
	RE_SPLIT,       /* go on at x; if that fails, at y */
	RE_JMP,         /* go on at x */
	RE_LOOP,        /* end of loop x's pass: if it moved pos, split y, next */
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
	int nloops;                     /* MARK/LOOP registers */
	int backrefs;                   /* any RE_BACKREF? (no memo then) */
	int cflags;
};

static inline int re_in_set(const struct re_set *set, unsigned char c)
{
	return set->bits[c / 8] >> (c % 8) & 1;
}

#endif
