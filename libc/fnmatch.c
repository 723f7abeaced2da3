/*
 * fnmatch: does a name match a shell pattern? The shell's globbing, find
 * -name and case ... in all ask this.
 *
 *   *      any run of characters (also none)
 *   ?      any one character
 *   [..]   one character of a set: [abc], ranges [a-z], negated [!x] or [^x]
 *   \c     c itself (unless FNM_NOESCAPE)
 *
 * The matcher walks both strings once. A '*' remembers where it stood;
 * when a later character fails to match, the '*' takes one more
 * character and the walk resumes from there ("backtracking to the last
 * star"). Only the last star matters, so the worst case is
 * O(len(pattern) * len(string)), never exponential.
 */
#include <fnmatch.h>
#include <stdbool.h>
#include <stddef.h>

/* Is c in the set that starts after '['? *end is past the closing ']'.
   A set without its ']' is not a set: end stays NULL. */
static bool in_set(const char *p, char c, int flags, const char **end)
{
	bool negate = (*p == '!' || *p == '^');
	bool found = false;

	if (negate)
		p++;
	*end = NULL;
	for (bool first = true; *p && (first || *p != ']'); first = false) {
		char lo = *p++, hi;

		if (lo == '\\' && !(flags & FNM_NOESCAPE) && *p)
			lo = *p++;
		hi = lo;
		if (*p == '-' && p[1] && p[1] != ']') {
			hi = p[1];
			p += 2;
			if (hi == '\\' && !(flags & FNM_NOESCAPE) && *p)
				hi = *p++;
		}
		if (lo <= c && c <= hi)
			found = true;
	}
	if (*p != ']')
		return false;
	*end = p + 1;
	return found != negate;
}

/* Can pattern character *p stand for c here? *next is past it. */
static bool match_one(const char *p, const char *s, const char *start,
		      int flags, const char **next)
{
	char c = *s;

	if ((flags & FNM_PATHNAME) && c == '/')
		return (*next = p + 1, *p == '/');
	if ((flags & FNM_PERIOD) && c == '.' && *p != '.' &&
	    (s == start || ((flags & FNM_PATHNAME) && s[-1] == '/')))
		return false;
	if (*p == '?')
		return (*next = p + 1, true);
	if (*p == '[') {
		bool ok = in_set(p + 1, c, flags, next);

		if (*next)
			return ok;
		/* no closing ']': an ordinary '[' */
	}
	if (*p == '\\' && !(flags & FNM_NOESCAPE)) {
		if (!p[1])
			return false;   /* a lone trailing '\' escapes nothing */
		p++;
	}
	*next = p + 1;
	return *p == c;
}

int fnmatch(const char *pattern, const char *string, int flags)
{
	const char *p = pattern, *s = string;
	const char *star_p = NULL, *star_s = NULL;      /* the last '*' */

	while (*s) {
		const char *next;

		if (*p == '*' && !((flags & FNM_PERIOD) && *s == '.' &&
				   (s == string || ((flags & FNM_PATHNAME) && s[-1] == '/')))) {
			star_p = ++p;           /* first try: the star takes nothing */
			star_s = s;
			continue;
		}
		if (*p && match_one(p, s, string, flags, &next)) {
			p = next;
			s++;
			continue;
		}
		/* mismatch: let the last star take one more character */
		if (!star_p || ((flags & FNM_PATHNAME) && *star_s == '/'))
			return FNM_NOMATCH;
		p = star_p;
		s = ++star_s;
	}
	while (*p == '*')
		p++;
	return *p ? FNM_NOMATCH : 0;
}
