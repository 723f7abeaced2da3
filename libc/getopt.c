/*
 * getopt: the command-line convention of POSIX utilities. Options are
 * letters after a '-', several may share one word ("-ab"), and an option
 * marked "x:" in optstring takes an argument, either the rest of its word
 * ("-ofile") or the next word ("-o file"). Parsing stops at the first
 * word that is not an option (no reordering of argv, unlike glibc's
 * default), at a lone "-", or after "--".
 *
 * A ':' leading optstring asks for quiet errors and tells a missing
 * argument (':') apart from an unknown option ('?').
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

/* Where in argv[optind] the next option letter is; 0: at a new word.
   This is the state that carries "-abc" across three calls. */
static int pos;

/* Report an error unless optstring or opterr asks for silence. */
static void complain(const char *prog, const char *what, int c,
		     const char *optstring)
{
	if (opterr && optstring[0] != ':')
		fprintf(stderr, "%s: %s -- '%c'\n", prog, what, c);
}

int getopt(int argc, char *const argv[], const char *optstring)
{
	const char *word, *spec;
	int c;

	if (optind == 0) {              /* glibc's way to start over */
		optind = 1;
		pos = 0;
	}
	optarg = NULL;
	if (pos == 0) {
		word = optind < argc ? argv[optind] : NULL;
		if (!word || word[0] != '-' || word[1] == '\0')
			return -1;
		if (strcmp(word, "--") == 0) {
			optind++;
			return -1;
		}
		pos = 1;
	}
	word = argv[optind];
	c = (unsigned char)word[pos++];
	if (word[pos] == '\0') {        /* that was this word's last letter */
		optind++;
		pos = 0;
	}
	spec = c == ':' ? NULL : strchr(optstring, c);
	if (!spec) {
		optopt = c;
		complain(argv[0], "invalid option", c, optstring);
		return '?';
	}
	if (spec[1] != ':')
		return c;
	if (pos != 0) {                 /* "-ofile": the rest of the word */
		optarg = (char *)word + pos;
		optind++;
		pos = 0;
	} else if (optind < argc) {     /* "-o file": the next word */
		optarg = argv[optind++];
	} else {
		optopt = c;
		complain(argv[0], "option requires an argument", c, optstring);
		return optstring[0] == ':' ? ':' : '?';
	}
	return c;
}
