/*
 * libc's getopt (libc/getopt.c, built here as our_getopt) against the
 * host's, over random command lines: every return value, optarg,
 * optind, optopt on errors, and the error messages on stderr. glibc
 * reorders argv unless optstring starts with '+'; POSIX does not, so
 * glibc is asked with a '+' in front.
 */
#undef getopt
#undef optarg
#undef optind
#undef opterr
#undef optopt
#include <stdlib.h>
#include <string.h>
#include "check.h"

static const char *words[] = {
	"-a", "-b", "-c", "-ab", "-ba", "-bfoo", "-abx", "-x", "-", "--",
	"file", "-:", "--long", "-ca", "-cz", "-b", "arg", "-ac",
};
static const char *optstrings[] = {
	"ab:c", ":ab:c", "a", "b:", ":b:", "abc:x:", "", ":",
};

/* What one getopt call gave, and what it wrote to stderr. */
struct step {
	int c, optind, optopt;
	const char *optarg;
	char message[128];
};

/* Read (and empty) the file standing in for stderr. */
static void take_stderr(FILE *f, char *buf, size_t size)
{
	size_t n;

	fflush(f);
	rewind(f);
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	rewind(f);
	ftruncate(fileno(f), 0);
}

/* Run a whole parse of argv with ours (or glibc's); up to 16 steps. */
static int parse(int ours, int argc, char **argv, const char *optstring,
		 struct step *steps, FILE *err)
{
	char plus[16] = "+";
	int n = 0;

	strcat(plus, optstring);
	our_optind = 0;
	optind = 0;
	do {
		struct step *s = &steps[n];

		s->c = ours ? our_getopt(argc, argv, optstring)
			    : getopt(argc, argv, plus);
		s->optind = ours ? our_optind : optind;
		s->optopt = ours ? our_optopt : optopt;
		s->optarg = ours ? our_optarg : optarg;
		take_stderr(err, s->message, sizeof(s->message));
	} while (steps[n++].c != -1 && n < 16);
	return n;
}

static int same(const struct step *a, const struct step *b)
{
	int error = a->c == '?' || a->c == ':';

	return a->c == b->c && a->optind == b->optind &&
	       (a->c == -1 || a->optarg == b->optarg) &&
	       (!error || a->optopt == b->optopt) &&
	       strcmp(a->message, b->message) == 0;
}

int main(void)
{
	FILE *err = tmpfile();
	int saved = dup(2);

	dup2(fileno(err), 2);
	srand(7);
	CASE("getopt: random command lines, step by step as glibc's") {
		for (int t = 0; t < 20000 && !check_failed; t++) {
			char *argv[8] = { "prog" };
			int argc = 1 + rand() % 6;
			const char *optstring = optstrings[rand() % 8];
			struct step mine[16], theirs[16];
			int n1, n2;

			for (int i = 1; i < argc; i++)
				argv[i] = (char *)words[rand() % 18];
			our_opterr = opterr = rand() % 4 != 0;
			n1 = parse(1, argc, argv, optstring, mine, err);
			n2 = parse(0, argc, argv, optstring, theirs, err);
			CHECK(n1 == n2);
			for (int i = 0; i < n1 && i < n2 && !check_failed; i++) {
				if (!same(&mine[i], &theirs[i])) {
					dprintf(saved, "# \"%s\" step %d: ours %d "
						"optind %d, glibc %d optind %d\n",
						optstring, i, mine[i].c, mine[i].optind,
						theirs[i].c, theirs[i].optind);
					for (int j = 0; j < argc; j++)
						dprintf(saved, "#  %s\n", argv[j]);
				}
				CHECK(same(&mine[i], &theirs[i]));
			}
		}
	}
	return 0;
}
