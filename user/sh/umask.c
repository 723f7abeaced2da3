/*
 * umask [-S] [octal]: the permission bits new files do NOT get.
 *
 * The mask is a property of the process (umask(2)), so it must be a
 * builtin: a /bin/umask would change only its own. Reading it takes
 * two calls, because umask(2) can only set (returning the old mask).
 *
 *   umask        0022                 the mask, in octal
 *   umask -S     u=rwx,g=rx,o=rx      what new files MAY get
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "sh.h"

/* u=rwx,g=rx,o=rx: the bits the mask lets through, by class. */
static void print_symbolic(mode_t mask)
{
	static const char who[] = "ugo";

	for (int i = 0; i < 3; i++) {
		mode_t allowed = ~mask >> (6 - 3 * i) & 7;
		printf("%s%c=%s%s%s", i ? "," : "", who[i], allowed & 4 ? "r" : "",
		       allowed & 2 ? "w" : "", allowed & 1 ? "x" : "");
	}
	putchar('\n');
}

int b_umask(int argc, char **argv)
{
	int symbolic = argc > 1 && !strcmp(argv[1], "-S");

	argv += symbolic, argc -= symbolic;
	if (argc == 1) {
		mode_t m = umask(0);
		umask(m);
		if (symbolic)
			print_symbolic(m);
		else
			printf("%04o\n", m);
		return 0;
	}
	char *end;
	long m = strtol(argv[1], &end, 8);
	if (!*argv[1] || *end || m < 0 || m > 0777) {
		sh_error("umask: %s: invalid mode", argv[1]);
		return 1;
	}
	umask(m);
	return 0;
}
