/*
 * Included first into the regex test: glibc's regex.h is read, its
 * names kept for glibc's functions, then libc's regex.h is read with
 * its functions and types renamed our_*. The flag and error numbers are
 * the same in both (the test checks), so libc's #defines stand in for
 * glibc's.
 */
#include <regex.h>
#undef _REGEX_H
#undef RE_DUP_MAX
#undef REG_EXTENDED
#undef REG_ICASE
#undef REG_NEWLINE
#undef REG_NOSUB
#undef REG_NOTBOL
#undef REG_NOTEOL
#undef REG_NOMATCH
#undef REG_BADPAT
#undef REG_ECOLLATE
#undef REG_ECTYPE
#undef REG_EESCAPE
#undef REG_ESUBREG
#undef REG_EBRACK
#undef REG_EPAREN
#undef REG_EBRACE
#undef REG_BADBR
#undef REG_ERANGE
#undef REG_ESPACE
#undef REG_BADRPT
#define regex_t our_regex_t
#define regmatch_t our_regmatch_t
#define regoff_t our_regoff_t
#define regcomp our_regcomp
#define regexec our_regexec
#define regerror our_regerror
#define regfree our_regfree
#include "../../libc/include/regex.h"
