/*
 * POSIX regular expressions: regcomp() turns a pattern into a small
 * program (libc/regcomp.c), regexec() runs it over a string
 * (libc/regexec.c). Basic syntax by default, extended with REG_EXTENDED.
 * See docs/regex.md.
 */
#ifndef _REGEX_H
#define _REGEX_H

#include <stddef.h>

typedef int regoff_t;

typedef struct {
	size_t re_nsub;         /* how many \( \) or ( ) groups */
	void *re_prog;          /* the compiled program (struct re_prog) */
} regex_t;

typedef struct {
	regoff_t rm_so;         /* where a (sub)match starts, -1 if none */
	regoff_t rm_eo;         /* just past its end */
} regmatch_t;

#define RE_DUP_MAX 255          /* the largest count in a{m,n} */

/* regcomp's flags */
#define REG_EXTENDED 1          /* extended syntax: + ? | ( ) { } bare */
#define REG_ICASE 2             /* upper and lower case are the same */
#define REG_NEWLINE 4           /* the string is lines: ^ $ at '\n', . not */
#define REG_NOSUB 8             /* only "does it match?", no regmatch_t */

/* regexec's flags */
#define REG_NOTBOL 1            /* the string's start is not a line's start */
#define REG_NOTEOL 2            /* its end is not a line's end */

/* What regcomp and regexec return (0 is success); regerror words them. */
#define REG_NOMATCH 1           /* regexec found no match */
#define REG_BADPAT 2
#define REG_ECOLLATE 3
#define REG_ECTYPE 4            /* [[:nosuch:]] */
#define REG_EESCAPE 5           /* a '\' at the very end */
#define REG_ESUBREG 6           /* \3 with fewer groups */
#define REG_EBRACK 7            /* '[' without its ']' */
#define REG_EPAREN 8            /* '(' without its ')', or the other way */
#define REG_EBRACE 9            /* '{' without its '}' */
#define REG_BADBR 10            /* {2,1} or {x} */
#define REG_ERANGE 11           /* [z-a] */
#define REG_ESPACE 12           /* out of memory, or the program too big */
#define REG_BADRPT 13           /* '*' with nothing to repeat, in ERE */

int regcomp(regex_t *re, const char *pattern, int cflags);
int regexec(const regex_t *re, const char *string, size_t nmatch,
	    regmatch_t pmatch[], int eflags);
size_t regerror(int errcode, const regex_t *re, char *buf, size_t size);
void regfree(regex_t *re);

#endif
