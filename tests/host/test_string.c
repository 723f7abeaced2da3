/*
 * libc's string functions (libc/string.c, strings.c, strerror.c, built
 * here as our_*) against glibc's: every pair of short strings from a
 * small alphabet for the searching and comparing ones, token splitting
 * on the same inputs, and strerror for every number Linux has.
 */
#undef memchr
#undef strcpy
#undef strncpy
#undef strcat
#undef strncat
#undef strrchr
#undef strstr
#undef strspn
#undef strcspn
#undef strpbrk
#undef strsep
#undef strtok
#undef strtok_r
#undef strdup
#undef strndup
#undef stpcpy
#undef memmem
#undef strcoll
#undef strerror
#undef strcasecmp
#undef strncasecmp
#undef bzero
#undef index
#undef rindex
#undef ffs
#include "check.h"

static const char *words[] = {
	"", "a", "b", "ab", "ba", "aab", "abab", "abc", "cab", "A", "AB", "aB",
	"a,b", ",a,,b,", ",,", "a b\tc", "xyz", "\xff", "a\xff", "zzz",
};
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Where a search landed: an offset into s, or -1 for NULL. */
static long at(const void *p, const void *s)
{
	return p ? (const char *)p - (const char *)s : -1;
}

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

/* Split a copy of s with both libraries' splitter; the tokens must be
   the same, in the same places. */
static int same_tokens(const char *s, const char *delim, int use_strsep)
{
	char a[32], b[32], *pa = a, *pb = b, *ra = NULL, *rb = NULL;

	strcpy(a, s);
	strcpy(b, s);
	for (int first = 1;; first = 0) {
		char *ta, *tb;

		if (use_strsep) {
			ta = our_strsep(&pa, delim);
			tb = (strsep)(&pb, delim);
		} else {
			ta = our_strtok_r(first ? a : NULL, delim, &ra);
			tb = (strtok_r)(first ? b : NULL, delim, &rb);
		}
		if (at(ta, a) != at(tb, b))
			return 0;
		if (!ta)
			return 1;
		if (strcmp(ta, tb) != 0)
			return 0;
	}
}

int main(void)
{
	CASE("strstr, strspn, strcspn, strpbrk, memmem on every pair as glibc")
		for (size_t i = 0; i < N(words); i++)
			for (size_t j = 0; j < N(words); j++) {
				const char *s = words[i], *t = words[j];

				CHECK(at(our_strstr(s, t), s) == at((strstr)(s, t), s));
				CHECK(our_strspn(s, t) == (strspn)(s, t));
				CHECK(our_strcspn(s, t) == (strcspn)(s, t));
				CHECK(at(our_strpbrk(s, t), s) == at((strpbrk)(s, t), s));
				CHECK(at(our_memmem(s, strlen(s), t, strlen(t)), s) ==
				      at((memmem)(s, strlen(s), t, strlen(t)), s));
			}
	CASE("strcasecmp, strncasecmp, strcoll: the same sign as glibc")
		for (size_t i = 0; i < N(words); i++)
			for (size_t j = 0; j < N(words); j++) {
				const char *s = words[i], *t = words[j];

				CHECK(sign(our_strcasecmp(s, t)) == sign((strcasecmp)(s, t)));
				for (size_t n = 0; n < 5; n++)
					CHECK(sign(our_strncasecmp(s, t, n)) ==
					      sign((strncasecmp)(s, t, n)));
				CHECK(sign(our_strcoll(s, t)) == sign((strcoll)(s, t)));
			}
	CASE("strchr family: memchr, strrchr, index, rindex as glibc")
		for (size_t i = 0; i < N(words); i++)
			for (int c = 0; c < 256; c++) {
				const char *s = words[i];

				CHECK(at(our_memchr(s, c, strlen(s)), s) ==
				      at((memchr)(s, c, strlen(s)), s));
				CHECK(at(our_strrchr(s, c), s) == at((strrchr)(s, c), s));
				CHECK(at(our_index(s, c), s) == at((strchr)(s, c), s));
				CHECK(at(our_rindex(s, c), s) == at((strrchr)(s, c), s));
			}
	CASE("strtok_r and strsep split every word at every delimiter set as glibc")
		for (size_t i = 0; i < N(words); i++)
			for (size_t j = 0; j < N(words); j++) {
				CHECK(same_tokens(words[i], words[j], 0));
				CHECK(same_tokens(words[i], words[j], 1));
			}
	CASE("strtok: the static-state splitter gives strtok_r's tokens") {
		char s[] = ",a,,bc,";

		CHECK(strcmp(our_strtok(s, ","), "a") == 0);
		CHECK(strcmp(our_strtok(NULL, ","), "bc") == 0);
		CHECK(our_strtok(NULL, ",") == NULL);
	}
	CASE("strdup, strndup, stpcpy, strncpy, strcat, strncat as glibc")
		for (size_t i = 0; i < N(words); i++) {
			const char *s = words[i];
			char a[64], b[64], *d;

			d = our_strdup(s);
			CHECK(strcmp(d, s) == 0);
			free(d);
			for (size_t n = 0; n < 6; n++) {
				char *e = (strndup)(s, n);

				d = our_strndup(s, n);
				CHECK(strcmp(d, e) == 0);
				free(d);
				free(e);
				memset(a, 'x', sizeof(a));
				memset(b, 'x', sizeof(b));
				our_strncpy(a, s, n);
				(strncpy)(b, s, n);
				CHECK(memcmp(a, b, sizeof(a)) == 0);
				strcpy(a, "pre");
				strcpy(b, "pre");
				our_strncat(a, s, n);
				(strncat)(b, s, n);
				CHECK(strcmp(a, b) == 0);
			}
			CHECK(our_stpcpy(a, s) - a == (stpcpy)(b, s) - b);
			CHECK(strcmp(a, b) == 0);
			CHECK(strcmp(our_strcat(strcpy(a, "x"), s),
				     (strcat)(strcpy(b, "x"), s)) == 0);
			CHECK(strcmp(our_strcpy(a, s), s) == 0);
		}
	CASE("bzero clears exactly n bytes; ffs as glibc") {
		char a[8] = "abcdefg";

		our_bzero(a + 1, 3);
		CHECK(memcmp(a, "a\0\0\0efg", 8) == 0);
		for (int i = -70000; i < 70000; i += 7)
			CHECK(our_ffs(i) == (ffs)(i));
		CHECK(our_ffs(0) == 0 && our_ffs(1 << 31) == 32);
	}
	CASE("strerror: every Linux errno worded as glibc, others \"Unknown error N\"")
		for (int e = -2; e < 140; e++) {
			char want[64];

			snprintf(want, sizeof(want), "%s", (strerror)(e));
			if (strcmp(our_strerror(e), want) != 0)
				printf("# %d: ours \"%s\", glibc \"%s\"\n", e,
				       our_strerror(e), want);
			CHECK(strcmp(our_strerror(e), want) == 0);
		}
	return 0;
}
