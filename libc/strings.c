/*
 * <strings.h>. Case-blind comparison folds both sides to lower case (in
 * the only locale, ASCII) and compares as unsigned char, as strcmp does.
 */
#include <strings.h>
#include <string.h>
#include <ctype.h>

int strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int d = tolower((unsigned char)*a) - tolower((unsigned char)*b);

		if (d || !*a)
			return d;
	}
	return 0;
}

int strcasecmp(const char *a, const char *b)
{
	return strncasecmp(a, b, (size_t)-1);
}

void bzero(void *s, size_t n)
{
	memset(s, 0, n);
}

char *index(const char *s, int c)
{
	return strchr(s, c);
}

char *rindex(const char *s, int c)
{
	return strrchr(s, c);
}

/* The lowest bit set, counting from 1; 0 if none. */
int ffs(int i)
{
	return i ? __builtin_ctz(i) + 1 : 0;
}
