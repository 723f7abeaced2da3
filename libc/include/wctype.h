/*
 * Character classes by name: wctype("digit") gives a handle that
 * iswctype tests characters against. This is how programs that read
 * class names ([:digit:] in a regex, in tr's sets) look them up. In
 * Sprout's one locale (ASCII) only 0-127 belong to any class.
 */
#ifndef _WCTYPE_H
#define _WCTYPE_H

typedef unsigned int wint_t;
typedef unsigned long wctype_t;         /* 0: no such class */

#define WEOF ((wint_t)-1)

wctype_t wctype(const char *name);
int iswctype(wint_t wc, wctype_t class);

#endif
