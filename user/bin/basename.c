/*
 * basename: the last component of a path, and without SUFFIX if it ends
 * so (and is more than it).
 *
 *   basename PATH [SUFFIX]      /usr/lib/  -> lib      a/b.c .c -> b
 *
 * Pure string work: the path need not exist.
 */
#include <err.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	char *path, *base, *end;
	size_t len;

	if (argc > 1 && strcmp(argv[1], "--") == 0)
		argv++, argc--;
	if (argc < 2 || argc > 3) {
		warnx(argc < 2 ? "missing operand" : "extra operand '%s'", argv[argc - 1]);
		fprintf(stderr, "usage: basename PATH [SUFFIX]\n");
		return 1;
	}
	path = argv[1];
	len = strlen(path);
	while (len > 1 && path[len - 1] == '/')     /* "a/b//" is "a/b" */
		path[--len] = '\0';
	base = strrchr(path, '/');
	base = base && base[1] ? base + 1 : path;
	end = base + strlen(base);
	if (argc == 3 && strlen(argv[2]) < strlen(base) &&
	    strcmp(end - strlen(argv[2]), argv[2]) == 0)
		end[-strlen(argv[2])] = '\0';
	puts(base);
	return 0;
}
