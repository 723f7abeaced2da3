/*
 * kill: send a signal to processes, with kill(2).
 *
 *   kill [-s SIGNAL | -SIGNAL | -n NUMBER] PID...
 *   kill -l [SIGNAL | STATUS]
 *
 * The signal is TERM unless named (TERM, SIGTERM or 15 all do). A PID of
 * 0 means our own process group, a negative one -PGID that group, -1
 * every process we may signal. kill -l lists the names; kill -l 15 gives
 * TERM and kill -l TERM 15; kill -l 143 (a shell's $? for a process
 * killed by a signal, 128 + N) gives TERM too.
 */
#include <err.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
	fprintf(stderr, "usage: kill [-s signal | -signal] pid...\n"
		"       kill -l [signal]\n");
	exit(1);
}

static int signal_of(const char *name)
{
	int sig;

	if (str2sig(name, &sig) < 0)
		errx(1, "unknown signal '%s'", name);
	return sig;
}

/* kill -l [NAME or NUMBER]. */
static int list(const char *which)
{
	char name[SIG2STR_MAX];
	int sig, column = 0;

	if (which) {
		sig = atoi(which);
		if (sig > 128)          /* an exit status: 128 + signal */
			sig -= 128;
		if (which[0] >= '0' && which[0] <= '9' && sig2str(sig, name) == 0)
			printf("%s\n", name);
		else
			printf("%d\n", signal_of(which));
		return 0;
	}
	for (sig = 1; sig < NSIG; sig++) {
		if (sig2str(sig, name) < 0)
			continue;
		if (column + strlen(name) + 1 > 80) {   /* lines as procps wraps them */
			putchar('\n');
			column = 0;
		}
		printf("%s%s", column ? " " : "", name);
		column += strlen(name) + !!column;
	}
	putchar('\n');
	return 0;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, status = 0, i = 1;

	/* Options by hand: "-TERM" and "-9" are not getopt's kind. */
	if (argc > 1 && strcmp(argv[1], "-l") == 0) {
		if (argc > 3)
			usage();
		return list(argv[2]);
	}
	if (argc > 1 && (strcmp(argv[1], "-s") == 0 || strcmp(argv[1], "-n") == 0)) {
		if (argc < 3)
			usage();
		sig = signal_of(argv[2]);
		i = 3;
	} else if (argc > 1 && argv[1][0] == '-' && argv[1][1] &&
		   strcmp(argv[1], "--") != 0) {
		sig = signal_of(argv[1] + 1);
		i = 2;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i == argc)
		usage();
	for (; i < argc; i++) {
		char *end;
		long pid = strtol(argv[i], &end, 10);

		if (end == argv[i] || *end) {
			warnx("invalid process id '%s'", argv[i]);
			status = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			warn("(%ld)", pid);
			status = 1;
		}
	}
	return status;
}
