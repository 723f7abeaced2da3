#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX     32767

typedef struct { int quot, rem; } div_t;
typedef struct { long quot, rem; } ldiv_t;
typedef struct { long long quot, rem; } lldiv_t;

void exit(int status) __attribute__((noreturn));        /* libc/exit.c */
void _Exit(int status) __attribute__((noreturn));
void abort(void) __attribute__((noreturn));
int atexit(void (*fn)(void));

void *malloc(size_t size);                      /* libc/malloc.c */
void free(void *p);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);

long strtol(const char *s, char **end, int base);       /* libc/stdlib.c */
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
double strtod(const char *s, char **end);       /* libc/strtod.c */
double atof(const char *s);

int abs(int x);                                 /* libc/arith.c */
long labs(long x);
long long llabs(long long x);
div_t div(int num, int den);
ldiv_t ldiv(long num, long den);
lldiv_t lldiv(long long num, long long den);
int rand(void);
void srand(unsigned seed);
int rand_r(unsigned *seed);

void qsort(void *array, size_t n, size_t size,  /* libc/qsort.c */
	   int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *array, size_t n, size_t size,
	      int (*cmp)(const void *, const void *));

char *getenv(const char *name);                 /* libc/env.c */
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);
int putenv(char *string);

int system(const char *line);                   /* libc/system.c */
int mkstemp(char *template);                    /* libc/mkstemp.c */
char *realpath(const char *path, char *resolved);       /* libc/realpath.c */

#endif
