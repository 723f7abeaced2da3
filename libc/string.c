/*
 * The string functions the kernel does not need. The ones it does
 * (mem*, strlen, strcmp, strchr ...) come from kernel/lib/string.c,
 * compiled into libc as well.
 */
#include <string.h>
#include <stdlib.h>

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

char *strcpy(char *dst, const char *src)
{
	return memcpy(dst, src, strlen(src) + 1);
}

/* Copy at most n bytes, padding with NULs; no NUL if src is n or longer. */
char *strncpy(char *dst, const char *src, size_t n)
{
	size_t len = strnlen(src, n);

	memcpy(dst, src, len);
	memset(dst + len, 0, n - len);
	return dst;
}

char *strcat(char *dst, const char *src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

char *strncat(char *dst, const char *src, size_t n)
{
	char *end = dst + strlen(dst);
	size_t len = strnlen(src, n);

	memcpy(end, src, len);
	end[len] = '\0';
	return dst;
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++)
		if (strncmp(haystack, needle, n) == 0)
			return (char *)haystack;
	return n ? NULL : (char *)haystack;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

/* Split *s at the first byte of delim: return the token, and leave *s
   just after the delimiter (NULL after the last token). Unlike strtok,
   two delimiters in a row make an empty token. */
char *strsep(char **s, const char *delim)
{
	char *tok = *s, *end;

	if (!tok)
		return NULL;
	end = tok + strcspn(tok, delim);
	if (*end) {
		*end = '\0';
		*s = end + 1;
	} else {
		*s = NULL;
	}
	return tok;
}

/* Split s into tokens separated by runs of delim; NULL s continues from
   *rest, where the last call stopped. */
char *strtok_r(char *s, const char *delim, char **rest)
{
	char *tok;

	if (!s)
		s = *rest;
	if (!s)
		return NULL;
	s += strspn(s, delim);
	if (!*s) {
		*rest = NULL;
		return NULL;
	}
	tok = s;
	s += strcspn(s, delim);
	if (*s)
		*s++ = '\0';
	*rest = s;
	return tok;
}

/* strtok keeps its place in a static variable: one string at a time. */
char *strtok(char *s, const char *delim)
{
	static char *rest;

	return strtok_r(s, delim, &rest);
}

char *strndup(const char *s, size_t max)
{
	size_t n = strnlen(s, max);
	char *d = malloc(n + 1);

	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *strdup(const char *s)
{
	return strndup(s, (size_t)-1);
}

/* Like strcpy, but returns the end of the copy (its NUL), so that
   copies can be chained. */
char *stpcpy(char *dst, const char *src)
{
	size_t n = strlen(src);

	memcpy(dst, src, n + 1);
	return dst + n;
}

/* The first place the n bytes of needle occur in the len of haystack. */
void *memmem(const void *haystack, size_t len, const void *needle, size_t n)
{
	const char *h = haystack;

	for (; len >= n; h++, len--)
		if (memcmp(h, needle, n) == 0)
			return (void *)h;
	return NULL;
}

/* Collation order: in the C locale, the bytes' order. */
int strcoll(const char *a, const char *b)
{
	return strcmp(a, b);
}
