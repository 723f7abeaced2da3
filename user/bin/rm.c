/*
 * rm: remove files, with unlink(2); with -r, directories and all they
 * hold, depth first: a directory's entries are removed before the
 * directory itself (rmdir(2) takes only empty ones).
 *
 *   rm [-f] [-i] [-r|-R] FILE...
 *
 * -f: no complaint about files that do not exist, and no questions;
 * -i: ask before each removal ("rm: remove 'x'? ", y to agree).
 * Removing a name is a change to its directory, so it needs write
 * permission there, not on the file.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "path.h"

static int force, interactive, recursive;

static void usage(void)
{
	fprintf(stderr, "usage: rm [-fir] file...\n");
	exit(1);
}

static int remove_entry(const char *path, void *unused);

/* Everything in a directory, then the directory. */
static int remove_directory(const char *path)
{
	int status = for_each_entry(path, remove_entry, NULL);

	if (status < 0) {
		warn("%s", path);
		return 1;
	}
	if (interactive && !confirm("rm: remove directory", path))
		return status;
	if (rmdir(path) < 0) {
		warn("%s", path);
		return 1;
	}
	return status;
}

static int remove_path(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0) {
		if (force && errno == ENOENT)
			return 0;
		warn("%s", path);
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (!recursive) {
			errno = EISDIR;
			warn("%s", path);
			return 1;
		}
		if (interactive && !confirm("rm: descend into directory", path))
			return 0;
		return remove_directory(path);
	}
	if (interactive && !confirm("rm: remove", path))
		return 0;
	if (unlink(path) < 0) {
		warn("%s", path);
		return 1;
	}
	return 0;
}

static int remove_entry(const char *path, void *unused)
{
	(void)unused;
	return remove_path(path);
}

/* "." and ".." (as the last component) are never removed. */
static int is_dot_or_dotdot(const char *path)
{
	const char *base = strrchr(path, '/');

	base = base ? base + 1 : path;
	return strcmp(base, ".") == 0 || strcmp(base, "..") == 0;
}

int main(int argc, char **argv)
{
	int status = 0, c;

	while ((c = getopt(argc, argv, "firR")) != -1) {
		switch (c) {
		case 'f': force = 1; interactive = 0; break;
		case 'i': interactive = 1; force = 0; break;
		case 'r': case 'R': recursive = 1; break;
		default: usage();
		}
	}
	if (optind == argc) {
		if (force)
			return 0;
		warnx("missing operand");
		usage();
	}
	for (int i = optind; i < argc; i++) {
		if (is_dot_or_dotdot(argv[i])) {
			warnx("refusing to remove '.' or '..' directory: skipping '%s'", argv[i]);
			status = 1;
			continue;
		}
		status |= remove_path(argv[i]);
	}
	return status;
}
