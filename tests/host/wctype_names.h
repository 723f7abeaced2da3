/*
 * Included first into the wctype and regex tests: the host's wctype.h
 * is read before libc's, and libc's functions are renamed our_*.
 */
#include <wctype.h>
#define wctype our_wctype
#define iswctype our_iswctype
wctype_t our_wctype(const char *name);
int our_iswctype(wint_t wc, wctype_t class);
