/*
 * read [-r] [NAME ...]: one line of standard input, cut into fields at
 * $IFS characters as the shell cuts words: the first field to the first
 * NAME, ..., and all the rest (its inner separators kept) to the last.
 *
 *   echo "a b c d" | { read x y z; ... }     x=a  y=b  z="c d"
 *
 * Without -r a backslash quotes the next character (it is not a
 * separator) and backslash-newline continues the line. With no NAME the
 * line goes to $REPLY.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

/* One line from fd 0, read a byte at a time (not a byte past the
   newline: the rest belongs to whoever reads next). 0, or 1 if the
   input ended before a newline. */
static int read_input_line(int raw, char **line)
{
	size_t len = 0, cap = 64;
	char c;

	*line = xmalloc(cap);
	while (read(0, &c, 1) == 1) {
		if (c == '\n') {
			(*line)[len] = 0;
			return 0;
		}
		if (c == '\\' && !raw) {
			if (read(0, &c, 1) != 1)
				break;
			if (c == '\n')
				continue;
			(*line)[len++] = '\\';  /* kept, marking c as quoted */
		}
		(*line)[len++] = c;
		if (len + 2 >= cap)
			*line = realloc(*line, cap *= 2);
	}
	(*line)[len] = 0;
	return 1;                       /* the input ended first */
}

/* The next field of s (backslashes removed unless raw), s advanced past
   it and its separators; rest: take all up to the end instead. */
static char *read_field(char **s, const char *ifs, int rest, int raw)
{
	char *out = xmalloc(strlen(*s) + 1), *d = out, *last = out;
	char *p = *s;

	while (*p && strchr(ifs, *p) && strchr(" \t\n", *p))
		p++;
	for (; *p; p++) {
		if (*p == '\\' && p[1] && !raw) {
			*d++ = *++p;
			last = d;
			continue;
		}
		if (!rest && strchr(ifs, *p))
			break;
		*d++ = *p;
		if (!strchr(ifs, *p) || !strchr(" \t\n", *p))
			last = d;
	}
	*(rest ? last : d) = 0;
	while (*p && strchr(ifs, *p) && strchr(" \t\n", *p))
		p++;
	if (*p && strchr(ifs, *p))
		p++;
	*s = p;
	return out;
}

int b_read(int argc, char **argv)
{
	int raw = argc > 1 && !strcmp(argv[1], "-r");
	const char *ifs = getvar("IFS") ? getvar("IFS") : " \t\n";
	char *line, *p;
	int status = read_input_line(raw, &line);

	p = line;
	if (argc == 1 + raw) {
		setvar("REPLY", line, 0);
	}
	for (int i = 1 + raw; i < argc; i++) {
		char *v = read_field(&p, ifs, i == argc - 1, raw);
		setvar(argv[i], v, 0);
		free(v);
	}
	free(line);
	return status;
}
