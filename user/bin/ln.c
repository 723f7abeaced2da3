/*
 * ln: make links. A hard link (link(2)) is a second name for the same
 * inode: both names are equal, and the data stays until the last one
 * goes. A symbolic link (-s, symlink(2)) is a small file holding a path,
 * followed whenever it is opened; it may dangle.
 *
 *   ln [-s] [-f] TARGET [LINK_NAME]
 *   ln [-s] [-f] TARGET... DIRECTORY
 *
 * Without LINK_NAME the link goes in the current directory under the
 * TARGET's last component. -f: remove an existing LINK_NAME first.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "path.h"

static int symbolic, force;

static void usage(void)
{
	fprintf(stderr, "usage: ln [-sf] target [link_name]\n"
		"       ln [-sf] target... directory\n");
	exit(1);
}

static int make_link(const char *target, const char *name)
{
	if (force && unlink(name) < 0 && errno != ENOENT) {
		warn("cannot remove '%s'", name);
		return 1;
	}
	if ((symbolic ? symlink(target, name) : link(target, name)) < 0) {
		warn("failed to create %s link '%s' -> '%s'",
		     symbolic ? "symbolic" : "hard", name, target);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static char *here[] = { NULL, "." };
	int n, c;
	char **operand;

	while ((c = getopt(argc, argv, "sf")) != -1) {
		if (c == 's')
			symbolic = 1;
		else if (c == 'f')
			force = 1;
		else
			usage();
	}
	operand = argv + optind;
	n = argc - optind;
	if (n == 1) {                   /* ln TARGET: ln TARGET . */
		here[0] = operand[0];
		operand = here;
		n = 2;
	}
	return to_target(n, operand, make_link, usage);
}
