/*
 * libc's <ctype.h> (inline functions in the header itself) against
 * glibc's in the C locale, for EOF and every unsigned char value. The
 * host's functions are taken into a table first; then libc's header is
 * read with each name renamed our_*.
 */
#include <ctype.h>
#include <stdio.h>
#include "check.h"

#define CLASSES(X) X(isalnum) X(isalpha) X(isblank) X(iscntrl) X(isdigit) \
	X(isgraph) X(islower) X(isprint) X(ispunct) X(isspace) X(isupper) \
	X(isxdigit) X(isascii) X(toascii) X(tolower) X(toupper)

#define HOST(f) { #f, (f) },
static const struct {
	const char *name;
	int (*fn)(int);
} host[] = { CLASSES(HOST) };

/* glibc's header is done with; libc's takes the same guard name. */
#undef _CTYPE_H
#undef isalnum
#undef isalpha
#undef isblank
#undef iscntrl
#undef isdigit
#undef isgraph
#undef islower
#undef isprint
#undef ispunct
#undef isspace
#undef isupper
#undef isxdigit
#undef isascii
#undef toascii
#undef tolower
#undef toupper
#define isalnum our_isalnum
#define isalpha our_isalpha
#define isblank our_isblank
#define iscntrl our_iscntrl
#define isdigit our_isdigit
#define isgraph our_isgraph
#define islower our_islower
#define isprint our_isprint
#define ispunct our_ispunct
#define isspace our_isspace
#define isupper our_isupper
#define isxdigit our_isxdigit
#define isascii our_isascii
#define toascii our_toascii
#define tolower our_tolower
#define toupper our_toupper
#include "../../libc/include/ctype.h"

#define OURS(f) our_##f,
static int (*const ours[])(int) = { CLASSES(OURS) };

int main(void)
{
	CASE("ctype: every class and case mapping as glibc's, EOF to 255")
		for (size_t i = 0; i < sizeof(host) / sizeof(host[0]); i++)
			for (int c = EOF; c < 256; c++) {
				int want = host[i].fn(c), got = ours[i](c);

				if ((want != 0) != (got != 0) ||
				    (host[i].name[0] == 't' && want != got)) {
					printf("# %s(%d): glibc %d, ours %d\n",
					       host[i].name, c, want, got);
					CHECK(!"the same");
				}
			}
	return 0;
}
