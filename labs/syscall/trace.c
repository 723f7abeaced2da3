/*
 * trace MASK COMMAND [ARG...]: run COMMAND with trace(MASK) on (as xv6's
 * trace). The mask survives exec, so the calls of COMMAND are printed:
 *     $ /labs/trace 8 /bin/cat /etc/group         (8 = 1 << 3: read)
 *     ...
 *     7: syscall read -> 0
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include "lab.h"

int main(int argc, char **argv)
{
	char *end;
	long mask;

	if (argc < 3) {
		fprintf(stderr, "usage: trace MASK COMMAND [ARG...]\n");
		return 2;
	}
	mask = strtol(argv[1], &end, 0);
	if (*argv[1] == '\0' || *end != '\0')
		errx(2, "%s: not a number", argv[1]);
	if (trace(mask) < 0)
		err(1, "trace");
	execvp(argv[2], argv + 2);
	err(127, "%s", argv[2]);
}
