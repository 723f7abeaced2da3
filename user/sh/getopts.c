/*
 * getopts OPTSTRING NAME [ARG ...]: one option per call, for scripts
 * that take options the way programs do:
 *
 *   while getopts ab:c opt; do
 *       case $opt in
 *       a) ...;;  b) echo "b with $OPTARG";;  ?) exit 2;;
 *       esac
 *   done
 *   shift $((OPTIND - 1))
 *
 * $OPTIND is the index of the next argument to look at (from 1); where
 * we are inside a group like -ab is the shell's own secret (pos). A
 * leading ':' in OPTSTRING makes errors quiet: NAME gets '?' or ':' and
 * $OPTARG the option letter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

static int pos;                 /* the next letter in the argument */
static long last_optind;        /* what we set $OPTIND to */

static void set_number(const char *name, long n)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%ld", n);
	setvar(name, buf, 0);
	last_optind = n;
}

static void set_char(const char *name, char c)
{
	char s[2] = { c, 0 };

	setvar(name, s, 0);
}

/* The end of the options: NAME is '?' and the status 1. */
static int done(const char *name, long optind)
{
	set_char(name, '?');
	set_number("OPTIND", optind);
	pos = 0;
	return 1;
}

/* A bad option, or one missing its argument: a message, and NAME '?';
   quietly (OPTSTRING starting with ':'), NAME is what and OPTARG c. */
static void option_error(const char *opts, const char *name, char what,
			 char c, const char *why)
{
	if (opts[0] == ':') {
		set_char(name, what);
		set_char("OPTARG", c);
	} else {
		sh_error("%s -- %c", why, c);
		set_char(name, '?');
	}
}

int b_getopts(int argc, char **argv)
{
	const char *opts = argv[1], *name = argv[2];
	char **list = argc > 3 ? argv + 3 : args;
	long n = argc > 3 ? argc - 3 : nargs;
	const char *v = getvar("OPTIND");
	long optind = v ? atol(v) : 1;

	if (argc < 3) {
		sh_error("getopts: usage: getopts optstring name [arg ...]");
		return 2;
	}
	if (optind != last_optind || optind < 1)
		pos = 0;                /* $OPTIND was reset: start over */
	if (optind < 1)
		optind = 1;
	if (pos == 0) {                 /* a new word: is it an option? */
		const char *arg = optind <= n ? list[optind - 1] : NULL;
		if (!arg || arg[0] != '-' || !arg[1])
			return done(name, optind);
		if (!strcmp(arg, "--"))
			return done(name, optind + 1);
		pos = 1;
	}
	const char *word = list[optind - 1];
	char c = word[pos++];
	const char *spec = c != ':' ? strchr(opts, c) : NULL;

	unsetvar("OPTARG");
	if (!spec) {
		option_error(opts, name, '?', c, "illegal option");
	} else if (spec[1] != ':') {
		set_char(name, c);
	} else if (word[pos]) {         /* -bvalue */
		setvar("OPTARG", word + pos, 0);
		set_char(name, c);
		pos = strlen(word);
	} else if (optind < n) {        /* -b value */
		setvar("OPTARG", list[optind++], 0);
		set_char(name, c);
	} else {
		option_error(opts, name, ':', c, "option requires an argument");
	}
	if (!word[pos]) {               /* on to the next word */
		pos = 0;
		optind++;
	}
	set_number("OPTIND", optind);
	return 0;
}
