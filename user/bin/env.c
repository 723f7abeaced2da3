/*
 * env: run a command in a changed environment, or print the environment.
 *
 *   env [-i] [-u NAME]... [NAME=VALUE]... [COMMAND [ARG]...]
 *
 * -i: start from an empty environment; -u: remove NAME; NAME=VALUE: set
 * it. Without a COMMAND, the result is printed, one NAME=VALUE a line.
 * The COMMAND is found on $PATH by execvp(), which passes it environ:
 * the changes are made in env's own environment, then exec hands them
 * on. Status: the command's own; 127 if it was not found, 126 if it
 * could not be run, 125 if env itself failed.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: env [-i] [-u name] [name=value]... [command [arg]...]\n");
	exit(125);
}

int main(int argc, char **argv)
{
	static char *empty[] = { NULL };
	int c;

	/* "+": stop at the first operand, so the command's own options are
	   left to it (glibc reorders arguments otherwise). */
	while ((c = getopt(argc, argv, "+iu:")) != -1) {
		if (c == 'i')
			environ = empty;
		else if (c == 'u' && unsetenv(optarg) == 0)
			;
		else if (c == 'u')
			err(125, "cannot unset '%s'", optarg);
		else
			usage();
	}
	if (optind < argc && strcmp(argv[optind], "-") == 0) {  /* old -i */
		environ = empty;
		optind++;
	}
	for (; optind < argc && strchr(argv[optind], '='); optind++)
		if (putenv(argv[optind]) != 0)
			err(125, "cannot set '%s'", argv[optind]);
	if (optind == argc) {
		for (char **e = environ; *e; e++)
			puts(*e);
		return 0;
	}
	execvp(argv[optind], argv + optind);
	c = errno;
	warn("%s", argv[optind]);
	return c == ENOENT ? 127 : 126;
}
