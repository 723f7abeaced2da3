/*
 * getopt in a real program (its every step is checked against glibc's
 * on the host, tests/host/test_getopt.c): a typical option loop, "--",
 * and the error message on stderr. Runs as process 1
 * (tests/guest_libc.py) and on an x86 Linux machine too.
 */
#include "check.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>

/* Parse like a utility taking -v and -o FILE; "v,o=FILE,rest" in out. */
static void parse(int argc, char **argv, char *out, size_t size)
{
	int c, verbose = 0;
	const char *file = "-";

	optind = 1;
	while ((c = getopt(argc, argv, "vo:")) != -1) {
		if (c == 'v')
			verbose++;
		else if (c == 'o')
			file = optarg;
	}
	snprintf(out, size, "%d,%s,%s", verbose, file,
		 optind < argc ? argv[optind] : "");
}

static void option_loops(void)
{
	char *a[] = { "cmd", "-vv", "-o", "out", "in", "-v", NULL };
	char *b[] = { "cmd", "-oout", "--", "-v", NULL };
	char *c[] = { "cmd", "-", NULL };
	char got[64];

	parse(6, a, got, sizeof(got));
	expect("getopt: bundled letters, an argument word, stop at a file",
	       strcmp(got, "2,out,in") == 0, "got %s", got);
	parse(4, b, got, sizeof(got));
	expect("getopt: an attached argument; \"--\" ends the options",
	       strcmp(got, "0,out,-v") == 0, "got %s", got);
	parse(2, c, got, sizeof(got));
	expect("getopt: a lone \"-\" is an operand",
	       strcmp(got, "0,-,-") == 0, "got %s", got);
}

static void errors(void)
{
	char *a[] = { "cmd", "-q", "-o", NULL };
	char msg[128] = "";
	int saved = dup(2), fd = open("/tmp/l_getopt.err", O_RDWR | O_CREAT | O_TRUNC, 0600);
	int c1, c2, c3, n;

	dup2(fd, 2);
	optind = 1;
	c1 = getopt(3, a, "o:");
	c2 = getopt(3, a, "o:");
	optind = 2;
	c3 = getopt(3, a, ":o:");
	dup2(saved, 2);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, msg, sizeof(msg) - 1);
	msg[n > 0 ? n : 0] = '\0';
	close(fd);
	unlink("/tmp/l_getopt.err");
	expect("getopt: '?' for an unknown option and a missing argument",
	       c1 == '?' && c2 == '?' && optopt == 'o', "%d %d", c1, c2);
	expect("getopt: a leading ':' makes a missing argument ':'", c3 == ':',
	       "%d", c3);
	expect("getopt: the messages on stderr, only when not quiet",
	       strcmp(msg, "cmd: invalid option -- 'q'\n"
			   "cmd: option requires an argument -- 'o'\n") == 0,
	       "stderr had \"%s\"", msg);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	option_loops();
	errors();
	return check_done();
}
