/*
 * dirname: a path without its last component.
 *
 *   dirname PATH...        /usr/lib -> /usr    lib -> .    / -> /
 *
 * Pure string work: the path need not exist.
 */
#include <err.h>
#include <stdio.h>
#include <string.h>

static void print_dirname(char *path)
{
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/')     /* trailing slashes */
		len--;
	while (len > 0 && path[len - 1] != '/')     /* the last component */
		len--;
	if (len == 0) {
		puts(".");
		return;
	}
	while (len > 1 && path[len - 1] == '/')     /* the slashes before it */
		len--;
	printf("%.*s\n", (int)len, path);
}

int main(int argc, char **argv)
{
	int i = 1;

	if (argc > 1 && strcmp(argv[1], "--") == 0)
		i++;
	if (i >= argc) {
		warnx("missing operand");
		fprintf(stderr, "usage: dirname PATH...\n");
		return 1;
	}
	for (; i < argc; i++)
		print_dirname(argv[i]);
	return 0;
}
