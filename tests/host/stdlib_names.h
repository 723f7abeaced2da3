/*
 * Included first into each file of the stdlib test: the host's stdlib.h
 * and inttypes.h are read before libc's integer parsers, qsort, bsearch,
 * the arithmetic of arith.c and inttypes.c are renamed our_*, so the
 * host's own declarations stay as they are.
 */
#include <stdlib.h>
#include <inttypes.h>
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
#define strtoimax our_strtoimax
#define strtoumax our_strtoumax
#define imaxabs our_imaxabs
#define imaxdiv our_imaxdiv
#define abs our_abs
#define labs our_labs
#define llabs our_llabs
#define div our_div
#define ldiv our_ldiv
#define lldiv our_lldiv
#define rand our_rand
#define rand_r our_rand_r
#define srand our_srand
intmax_t our_strtoimax(const char *s, char **end, int base);
uintmax_t our_strtoumax(const char *s, char **end, int base);
intmax_t our_imaxabs(intmax_t x);
imaxdiv_t our_imaxdiv(intmax_t num, intmax_t den);
int our_abs(int x);
long our_labs(long x);
long long our_llabs(long long x);
div_t our_div(int num, int den);
ldiv_t our_ldiv(long num, long den);
lldiv_t our_lldiv(long long num, long long den);
int our_rand(void);
int our_rand_r(unsigned *seed);
void our_srand(unsigned seed);
