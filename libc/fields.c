/*
 * The text databases of Unix (/etc/passwd, /etc/group) are lines of
 * fields with a separator between them; empty fields are allowed, so
 * "a::c" is three fields, the middle one "".
 */
#include <stdlib.h>
#include <string.h>
#include "fields.h"

int __split_fields(char *line, int sep, char **field, int max)
{
	int n = 0;
	char *end = strchr(line, '\n');

	if (end)
		*end = '\0';
	for (;;) {
		char *next = strchr(line, sep);

		if (n < max)
			field[n] = line;
		n++;
		if (!next)
			return n;
		*next = '\0';
		line = next + 1;
	}
}

int __parse_id(const char *s, unsigned int *id)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	*id = strtoul(s, &end, 10);
	return *end ? -1 : 0;
}
