/*
 * libc's fnmatch (libc/fnmatch.c, built here as our_fnmatch) against
 * glibc's: a table of cases the shell and find meet, then every pattern
 * of a small alphabet against every short name, under each flag.
 */
#undef fnmatch
#include <string.h>
#include "check.h"

static const char *patterns[] = {
	"*", "*.c", "a*b", "?", "??", "[ab]*", "[!a]*", "[^a]?", "[a-c]",
	"\\*", "a\\?", "*a*", "a*a*a", "[]]", "[!]]", "[", "a[", "[a-]",
	".*", "*/*", "a/*", "*b", "[\\]]", "**a", "\\", "[z-a]", "a*[b]",
};
static const char *names[] = {
	"", "a", "b", "ab", "ba", "aa", "abc", "a.c", ".c", ".a", "*", "a?",
	"]", "[", "a[", "-", "a/b", "a/.b", "/", "aaa", "abab", "\\", "c",
};
static const int flag_sets[] = {
	0, FNM_NOESCAPE, FNM_PATHNAME, FNM_PERIOD, FNM_PATHNAME | FNM_PERIOD,
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

int main(void)
{
	char why[200];

	CASE("fnmatch: every pattern and name as glibc, under each flag")
		for (size_t f = 0; f < N(flag_sets); f++)
			for (size_t p = 0; p < N(patterns); p++)
				for (size_t n = 0; n < N(names); n++) {
					int want = fnmatch(patterns[p], names[n], flag_sets[f]) != 0;
					int got = our_fnmatch(patterns[p], names[n], flag_sets[f]) != 0;

					snprintf(why, sizeof(why), "'%s' '%s' flags %d", patterns[p],
						 names[n], flag_sets[f]);
					if (want != got && !check_failed++)
						printf("FAIL %s -- %s: glibc %d, ours %d\n",
						       check_case, why, want, got);
				}
	CASE("fnmatch: a long string against many stars stays quick")
		CHECK(our_fnmatch("*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0) != 0);
	return 0;
}
