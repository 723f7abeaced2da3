/*
 * pwd: print the working directory.
 *
 *   pwd [-L|-P]
 *
 * -P (the default, as GNU's pwd): the path getcwd(2) finds, with every
 * symbolic link resolved. -L: $PWD, the path the shell followed to get
 * here (links and all), when it is absolute, has no "." or ".."
 * component and still leads to this very directory.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <limits.h>

static void usage(void)
{
	fprintf(stderr, "usage: pwd [-L|-P]\n");
	exit(1);
}

/* Is path the same directory as "."? Same device and inode. */
static int is_here(const char *path)
{
	struct stat there, here;

	return stat(path, &there) == 0 && stat(".", &here) == 0 &&
	       there.st_dev == here.st_dev && there.st_ino == here.st_ino;
}

/* Has the path a "." or ".." component? */
static int has_dots(const char *path)
{
	while (*path) {
		size_t n;

		path += strspn(path, "/");
		n = strcspn(path, "/");
		if ((n == 1 && path[0] == '.') || (n == 2 && path[0] == '.' && path[1] == '.'))
			return 1;
		path += n;
	}
	return 0;
}

static const char *logical_path(void)
{
	const char *pwd = getenv("PWD");

	if (!pwd || pwd[0] != '/' || has_dots(pwd) || !is_here(pwd))
		return NULL;
	return pwd;
}

int main(int argc, char **argv)
{
	char buf[PATH_MAX];
	const char *path = NULL;
	int logical = 0, c;

	while ((c = getopt(argc, argv, "LP")) != -1) {
		if (c == 'L')
			logical = 1;
		else if (c == 'P')
			logical = 0;
		else
			usage();
	}
	if (optind < argc)
		warnx("ignoring non-option arguments");
	if (logical)
		path = logical_path();
	if (!path && !(path = getcwd(buf, sizeof(buf))))
		err(1, "getcwd");
	puts(path);
	return 0;
}
