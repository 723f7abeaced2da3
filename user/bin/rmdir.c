/*
 * rmdir: remove empty directories, with rmdir(2). A directory that still
 * holds files is refused by the kernel (ENOTEMPTY): rm -r is for those.
 *
 *   rmdir [-p] DIR...        -p: then each parent, a/b/c, a/b, a
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: rmdir [-p] dir...\n");
	exit(1);
}

static int remove_one(const char *path)
{
	if (rmdir(path) == 0)
		return 0;
	warn("%s", path);
	return -1;
}

/* a/b/c, then a/b, then a. */
static int remove_parents(char *path)
{
	size_t len = strlen(path);
	char *slash;

	while (len > 1 && path[len - 1] == '/')     /* "a/b/" is "a/b" */
		path[--len] = '\0';
	if (remove_one(path) < 0)
		return -1;
	while ((slash = strrchr(path, '/'))) {
		while (slash > path && slash[-1] == '/')
			slash--;
		if (slash == path)      /* only the root is left */
			break;
		*slash = '\0';
		if (remove_one(path) < 0)
			return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int parents = 0, status = 0, c;

	while ((c = getopt(argc, argv, "p")) != -1) {
		if (c != 'p')
			usage();
		parents = 1;
	}
	if (optind == argc) {
		warnx("missing operand");
		usage();
	}
	for (int i = optind; i < argc; i++)
		if ((parents ? remove_parents(argv[i]) : remove_one(argv[i])) < 0)
			status = 1;
	return status;
}
