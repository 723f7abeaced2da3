/*
 * tr: translate or delete characters, from standard input to output.
 *
 *   tr [-cs] set1 set2       each character of set1 becomes the one at
 *                            the same place in set2 (the last one of
 *                            set2 stands in when set2 is shorter)
 *   tr -d [-c] set1          delete the characters of set1
 *   tr -s set1               squeeze runs of one character of set1 to one
 *   tr -ds set1 set2         delete set1, then squeeze set2
 *
 * Sets are characters and ranges (a-z), escapes (\n \t \\ \NNN octal)
 * and classes ([:digit:], [:upper:] ...). -c takes set1's complement:
 * every character not in it, in ascending order.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>
#include <unistd.h>

/* A set spelled out: its characters in order (repeats allowed). */
struct set {
	unsigned char c[1024];
	int n;
};

static void usage(void)
{
	fprintf(stderr, "usage: tr [-cds] set1 [set2]\n");
	exit(1);
}

static void add(struct set *s, int c)
{
	if (s->n == (int)sizeof(s->c))
		errx(1, "set too long");
	s->c[s->n++] = c;
}

/* One character of a set's spelling, escapes read; *p moves past it. */
static int one_char(const char **p)
{
	const char *s = *p;
	int c = (unsigned char)*s++;

	if (c == '\\' && *s) {
		static const char from[] = "ntrabfv\\", to[] = "\n\t\r\a\b\f\v\\";
		const char *e = strchr(from, *s);

		if (*s >= '0' && *s <= '7') {
			c = 0;
			for (int i = 0; i < 3 && *s >= '0' && *s <= '7'; i++)
				c = 8 * c + (*s++ - '0');
		} else {
			c = e ? to[e - from] : (unsigned char)*s;
			s++;
		}
	}
	*p = s;
	return c & 0xff;
}

/* [:name:] at *p: add the class's characters in order (the class
   looked up by name with wctype). 0 if *p is no class. */
static int add_class(struct set *set, const char **p)
{
	const char *end = strstr(*p + 2, ":]");
	size_t len = end ? (size_t)(end - (*p + 2)) : 0;
	wctype_t class = 0;
	char name[8];                   /* "xdigit", the longest */

	if (strncmp(*p, "[:", 2) || !strstr(*p, ":]"))
		return 0;
	if (end && len < sizeof(name)) {
		memcpy(name, *p + 2, len);
		name[len] = '\0';
		class = wctype(name);
	}
	if (!class)
		errx(1, "invalid character class");
	for (int c = 0; c < 256; c++)
		if (iswctype(c, class))
			add(set, c);
	*p = end + 2;
	return 1;
}

static void parse_set(struct set *set, const char *p)
{
	set->n = 0;
	while (*p) {
		int lo, hi;

		if (*p == '[' && add_class(set, &p))
			continue;
		lo = one_char(&p);
		if (*p == '-' && p[1]) {
			p++;
			hi = one_char(&p);
			if (hi < lo)
				errx(1, "range-endpoints of '%c-%c' are in reverse "
				     "collating sequence order", lo, hi);
			for (int c = lo; c <= hi; c++)
				add(set, c);
		} else {
			add(set, lo);
		}
	}
}

static void complement(struct set *set)
{
	int in[256] = { 0 };

	for (int i = 0; i < set->n; i++)
		in[set->c[i]] = 1;
	set->n = 0;
	for (int c = 0; c < 256; c++)
		if (!in[c])
			add(set, c);
}

int main(int argc, char **argv)
{
	int comp = 0, del = 0, squeeze = 0, c, last = -1;
	int map[256], gone[256] = { 0 }, squeezed[256] = { 0 };
	static struct set set1, set2;

	while ((c = getopt(argc, argv, "cds")) != -1) {
		switch (c) {
		case 'c': comp = 1; break;
		case 'd': del = 1; break;
		case 's': squeeze = 1; break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1 || (argc < 2 && !del && !squeeze)) {
		warnx("missing operand");
		usage();
	}
	if (argc > 2 || (argc > 1 && del && !squeeze)) {
		warnx("extra operand '%s'", argv[argc - 1]);
		usage();
	}
	parse_set(&set1, argv[0]);
	if (comp)
		complement(&set1);
	if (argc > 1) {
		parse_set(&set2, argv[1]);
		if (!set2.n && !del)
			errx(1, "when not truncating set1, string2 must be non-empty");
	}
	for (c = 0; c < 256; c++)
		map[c] = c;
	for (int i = 0; i < set1.n; i++) {
		if (del)
			gone[set1.c[i]] = 1;
		else if (argc > 1)
			map[set1.c[i]] = set2.c[i < set2.n ? i : set2.n - 1];
	}
	/* -s squeezes the last set given (set2 if there is one) */
	for (int i = 0; squeeze && i < (argc > 1 ? set2.n : set1.n); i++)
		squeezed[argc > 1 ? set2.c[i] : set1.c[i]] = 1;
	while ((c = getchar()) != EOF) {
		if (gone[c])
			continue;
		c = map[c];
		if (squeezed[c] && c == last)
			continue;
		putchar(c);
		last = c;
	}
	return 0;
}
