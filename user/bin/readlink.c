/*
 * readlink: where a symbolic link points.
 *
 *   readlink [-f] [-n] PATH...
 *
 * Plain: the text stored in the link, as readlink(2) returns it (it is
 * not NUL-terminated, and it need not name anything that exists). -f:
 * the canonical path instead, every link and "." and ".." resolved by
 * realpath(3); as GNU's -f, the last component may be missing (or a
 * dangling link, which is followed). -n: no newline after a single
 * answer. Like GNU (without -v), a PATH that is not a link, or cannot
 * be resolved, prints nothing and makes the status 1.
 */
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: readlink [-f] [-n] PATH...\n");
	exit(1);
}

/* dir and name joined by one '/' into out (PATH_MAX bytes); -1 if too long. */
static int join(char *out, const char *dir, const char *name)
{
	const char *slash = strcmp(dir, "/") == 0 ? "" : "/";

	return snprintf(out, PATH_MAX, "%s%s%s", dir, slash, name) >= PATH_MAX ? -1 : 0;
}

/*
 * realpath(3), but a missing last component is allowed: resolve its
 * folder and put the name back on. If that name is a dangling link,
 * its text is resolved the same way in its place (depth counts links,
 * as realpath does, so that a cycle ends).
 */
static int canonical(const char *path, char *out, int depth)
{
	char dir[PATH_MAX], resolved[PATH_MAX], target[PATH_MAX];
	const char *name;
	struct stat st;
	size_t len = strlen(path);
	ssize_t n;

	if (realpath(path, out))
		return 0;
	if (errno != ENOENT || len >= sizeof(dir) || depth > SYMLOOP_MAX)
		return -1;
	while (len > 1 && path[len - 1] == '/')
		len--;
	memcpy(dir, path, len);
	dir[len] = '\0';
	name = strrchr(dir, '/');
	if (name == dir)                 /* "/name": the folder is "/" */
		strcpy(resolved, "/");
	else if (name) {
		dir[name - dir] = '\0';
		if (!realpath(dir, resolved))
			return -1;
	} else if (!realpath(".", resolved))
		return -1;
	name = name ? name + 1 : dir;
	if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return -1;               /* realpath already said ENOENT */
	if (join(out, resolved, name) < 0)
		return -1;
	if (lstat(out, &st) < 0 || !S_ISLNK(st.st_mode))
		return 0;
	if ((n = readlink(out, target, sizeof(target) - 1)) < 0)
		return -1;
	target[n] = '\0';
	if (target[0] == '/')
		return canonical(target, out, depth + 1);
	if (join(dir, resolved, target) < 0)     /* relative to its folder */
		return -1;
	return canonical(dir, out, depth + 1);
}

/* The answer for one PATH in out, or -1. */
static int resolve(const char *path, int follow, char *out)
{
	ssize_t n;

	if (follow)
		return canonical(path, out, 0);
	n = readlink(path, out, PATH_MAX - 1);
	if (n < 0)
		return -1;
	out[n] = '\0';
	return 0;
}

int main(int argc, char **argv)
{
	char buf[PATH_MAX];
	int follow = 0, newline = 1, status = 0, c;

	while ((c = getopt(argc, argv, "fn")) != -1) {
		if (c == 'f')
			follow = 1;
		else if (c == 'n')
			newline = 0;
		else
			usage();
	}
	if (optind >= argc) {
		warnx("missing operand");
		usage();
	}
	if (!newline && argc - optind > 1) {
		warnx("ignoring --no-newline with multiple arguments");
		newline = 1;
	}
	for (; optind < argc; optind++) {
		if (resolve(argv[optind], follow, buf) < 0) {
			status = 1;
			continue;
		}
		fputs(buf, stdout);
		if (newline)
			putchar('\n');
	}
	return status;
}
