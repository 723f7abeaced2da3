/*
 * Included first into each file of the stdlib test: the host's stdlib.h
 * is read before libc's integer parsers, qsort and bsearch are renamed
 * our_*, so the host's own declarations stay as they are.
 */
#include <stdlib.h>
#define strtol our_strtol
#define strtoul our_strtoul
#define strtoll our_strtoll
#define strtoull our_strtoull
#define atoi our_atoi
#define atol our_atol
#define atoll our_atoll
#define qsort our_qsort
#define bsearch our_bsearch
long our_strtol(const char *s, char **end, int base);
unsigned long our_strtoul(const char *s, char **end, int base);
long long our_strtoll(const char *s, char **end, int base);
unsigned long long our_strtoull(const char *s, char **end, int base);
int our_atoi(const char *s);
long our_atol(const char *s);
long long our_atoll(const char *s);
void our_qsort(void *array, size_t n, size_t size,
	       int (*cmp)(const void *, const void *));
void *our_bsearch(const void *key, const void *array, size_t n, size_t size,
		  int (*cmp)(const void *, const void *));
