/*
 * mv: move (rename) files, with rename(2): the directory entry changes,
 * the file's data and inode stay where they are, so a move within one
 * file system takes the same time for any size of file.
 *
 *   mv [-f | -i] SOURCE DEST
 *   mv [-f | -i] SOURCE... DIRECTORY
 *
 * -i: ask before replacing an existing file; -f: do not ask (default).
 * Sprout has one file system, so rename() always can; on Linux, across
 * file systems, it fails with EXDEV and mv copies and removes instead.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "path.h"

static void usage(void)
{
	fprintf(stderr, "usage: mv [-fi] source dest\n"
		"       mv [-fi] source... directory\n");
	exit(1);
}

static int interactive;

static int move(const char *from, const char *to)
{
	struct stat st;

	if (interactive && lstat(to, &st) == 0 && !confirm("mv: overwrite", to))
		return 0;
	if (rename(from, to) < 0) {
		warn("cannot move '%s' to '%s'", from, to);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int c;

	while ((c = getopt(argc, argv, "fi")) != -1) {
		if (c == 'f')
			interactive = 0;
		else if (c == 'i')
			interactive = 1;
		else
			usage();
	}
	return to_target(argc - optind, argv + optind, move, usage);
}
