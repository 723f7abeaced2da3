/*
 * libc's regular expressions (libc/regcomp.c, libc/regexec.c, built
 * here as our_regcomp ...) against glibc's: every pattern of a table
 * against every string of another, basic and extended, with and without
 * REG_ICASE and REG_NEWLINE, comparing the result and every submatch.
 */
#undef regex_t
#undef regmatch_t
#undef regoff_t
#undef regcomp
#undef regexec
#undef regerror
#undef regfree
#include <string.h>
#include "check.h"

/* Patterns read the same in both syntaxes unless they say BRE/ERE. */
static const char *patterns[] = {
	"a", "abc", "a.c", "a*", "ab*c", "^a", "c$", "^$", "^abc$", ".*",
	"[abc]", "[^abc]", "[a-c]+", "[]a]", "[^]a]", "[a-]", "x[[:digit:]]*y",
	"[[:alpha:]][[:alnum:]]*", "[[:space:]]", "[[:upper:]]", "[[:punct:]]",
	"a\\.c", "\\*", "(a)", "(a|b)*c", "(ab|a)(bc|c)", "(a*)*", "(a*)+b",
	"a{2}", "a{2,}", "a{1,3}", "(ab){2}", "x(a|ab|abc)y", "(a|b|c)+",
	"\\(a\\)", "\\(ab*\\)c", "a\\{2,3\\}", "\\(a\\)\\1", "\\(a*\\)b\\1",
	"\\([ab]\\)\\1", "^\\(.*\\)\\1$", "a\\|b", "a\\+", "ab\\?c",
	"(a)(b)(c)", "((a)b)c", "(a*)(b*)", "(.*)-(.*)", "[0-9]+\\.[0-9]*",
	"^*ab", "a**", "()", "a|", "b|a", "(^a|b)", "(a$|x)", "a.*b.*c",
	"[.]", "[*]", "[\\]", "a\\{0\\}b", "a{0}b", "a{,2}", "[[.a.]]", "[[=b=]]",
	"\\(a\\|ab\\)\\(c\\|bcd\\)", "(a|ab)(c|bcd)", "A", "[A-C]", "[^a]",
	".", "a^b", "a$b", "x*", "(x*)(y*)z", "a)", "(a|ab)(bc|c)*",
	"((a)|b)*", "(a|b)*b", "[[:lower:]]+", "[^[:space:]]+", "(.)\\1",
	"*a", "\\(*a\\)", "(a|){1,2}", "(a|b|)+", "\\(a*\\)\\{1,2\\}\\(a*\\)\\+", "(a*)+(b|)*",
};
static const char *strings[] = {
	"", "a", "b", "c", "abc", "aabc", "xabcx", "ac", "abbbc", "a.c", "axc",
	"aa", "aaa", "aaaa", "abab", "ababab", "x123y", "xy", "abcd",
	"a b", "ABC", "Abc", "]", "*", "\\", "a-b-c", "3.14", "xaby", "xabcy",
	"ab\ncd", "a\nb", "\nab", "b\na", "aba", "abba", "aaab", "baaab",
	"xxyyz", "a^b", "cab", "ba",
};
static const int flag_sets[] = {
	0, REG_EXTENDED, REG_ICASE, REG_EXTENDED | REG_ICASE, REG_NEWLINE,
	REG_EXTENDED | REG_NEWLINE,
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define NMATCH 5

/* Compare one pattern under one flag set over every string. */
static void compare(const char *pattern, int flags)
{
	regex_t want_re;
	our_regex_t got_re;
	int want = regcomp(&want_re, pattern, flags);
	int got = our_regcomp(&got_re, pattern, flags);

	if ((want != 0) != (got != 0)) {
		if (!check_failed++)
			printf("FAIL %s -- regcomp '%s' flags %d: glibc %d, ours %d\n",
			       check_case, pattern, flags, want, got);
	}
	if (want || got) {
		if (!want)
			regfree(&want_re);
		if (!got)
			our_regfree(&got_re);
		return;
	}
	if (want_re.re_nsub != got_re.re_nsub && !check_failed++)
		printf("FAIL %s -- '%s': re_nsub glibc %zu, ours %zu\n", check_case,
		       pattern, want_re.re_nsub, got_re.re_nsub);
	for (size_t s = 0; s < N(strings); s++) {
		regmatch_t wm[NMATCH];
		our_regmatch_t gm[NMATCH];
		int w = regexec(&want_re, strings[s], NMATCH, wm, 0);
		int g = our_regexec(&got_re, strings[s], NMATCH, gm, 0);
		int same = (w == 0) == (g == 0);

		for (int i = 0; same && w == 0 && i < NMATCH; i++)
			same = wm[i].rm_so == gm[i].rm_so && wm[i].rm_eo == gm[i].rm_eo;
		if (!same && !check_failed++) {
			printf("FAIL %s -- '%s' flags %d on '%s': glibc %d", check_case,
			       pattern, flags, strings[s], w);
			for (int i = 0; !w && i < NMATCH; i++)
				printf(" (%d,%d)", (int)wm[i].rm_so, (int)wm[i].rm_eo);
			printf(", ours %d", g);
			for (int i = 0; !g && i < NMATCH; i++)
				printf(" (%d,%d)", gm[i].rm_so, gm[i].rm_eo);
			printf("\n");
		}
	}
	regfree(&want_re);
	our_regfree(&got_re);
}

/* Does the pattern fail to compile with the same error as glibc's? */
static int same_error(const char *pattern, int flags)
{
	regex_t want_re;
	our_regex_t got_re;
	int want = regcomp(&want_re, pattern, flags);
	int got = our_regcomp(&got_re, pattern, flags);

	if (!want)
		regfree(&want_re);
	if (!got)
		our_regfree(&got_re);
	if (want != got)
		printf("  '%s': glibc %d, ours %d\n", pattern, want, got);
	return want && want == got;
}

int main(void)
{
	CASE("regex: the flag and error numbers are glibc's")
		CHECK(_REG_NOMATCH == REG_NOMATCH && _REG_BADRPT == REG_BADRPT &&
		      _REG_EBRACK == REG_EBRACK && _REG_ESPACE == REG_ESPACE);
	CASE("regex: every pattern and string as glibc, under each flag set")
		for (size_t f = 0; f < N(flag_sets); f++)
			for (size_t p = 0; p < N(patterns); p++)
				compare(patterns[p], flag_sets[f]);
	CASE("regex: bad patterns give glibc's errors")
		CHECK(same_error("a[bc", 0) && same_error("a\\(b", 0) &&
		      same_error("(ab", REG_EXTENDED) && same_error("a\\", 0) &&
		      same_error("[[:nosuch:]]", 0) && same_error("[z-a]", 0) &&
		      same_error("a\\{1", 0) && same_error("a\\{2,1\\}", 0) &&
		      same_error("\\(a\\)\\2", 0) && same_error("a\\{1,x\\}", 0) &&
		      same_error("*a", REG_EXTENDED) && same_error("a\\)", 0));
	CASE("regex: REG_NOTBOL, REG_NOTEOL and REG_NOSUB")
	{
		our_regex_t re;
		our_regmatch_t m[1];

		CHECK(our_regcomp(&re, "^a", 0) == 0);
		CHECK(our_regexec(&re, "ab", 1, m, REG_NOTBOL) == REG_NOMATCH);
		our_regfree(&re);
		CHECK(our_regcomp(&re, "b$", REG_NOSUB) == 0);
		CHECK(our_regexec(&re, "ab", 0, NULL, 0) == 0);
		CHECK(our_regexec(&re, "ab", 0, NULL, REG_NOTEOL) == REG_NOMATCH);
		our_regfree(&re);
	}
	CASE("regex: regerror says what went wrong, cut to the buffer")
	{
		char buf[8];
		size_t need = our_regerror(REG_EBRACK, NULL, buf, sizeof(buf));

		CHECK(need > sizeof(buf) && strlen(buf) == sizeof(buf) - 1);
		CHECK(our_regerror(REG_NOMATCH, NULL, NULL, 0) > 1);
	}
	CASE("regex: nested stars against a long string stay quick")
	{
		our_regex_t re;
		char s[2001];

		memset(s, 'a', sizeof(s) - 1);
		s[sizeof(s) - 1] = 0;
		CHECK(our_regcomp(&re, "(a*)*(a|b)*c", REG_EXTENDED) == 0);
		CHECK(our_regexec(&re, s, 0, NULL, 0) == REG_NOMATCH);
		our_regfree(&re);
	}
	return 0;
}
