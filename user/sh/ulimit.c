/*
 * ulimit [-H|-S] [-a | -dfnstuv ...] [limit]: the shell's resource limits
 * (getrlimit/setrlimit; docs/limits.md).
 *
 * Limits belong to the process and pass to its children, so this must
 * be a builtin: the shell lowers its own, and every command it starts
 * afterwards inherits them.
 *
 *   ulimit -n          the soft limit on open files (no option: -f)
 *   ulimit -Hn         the hard one
 *   ulimit -n 32       set both (-S or -H: only that one)
 *   ulimit -s unlimited, ulimit -S -t hard   the words bash knows
 *   ulimit -a          every limit, described, as bash prints them
 *
 * Sizes are in kbytes, file sizes in 512-byte blocks (POSIX, and bash
 * --posix; plain bash counts 1024).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "sh.h"

#define SOFT 1
#define HARD 2

/* bash's table, in its order: option, resource, unit, description */
static const struct limit {
	char option;
	int resource;
	rlim_t factor;
	const char *units, *description;
} limits[] = {
	{ 'd', RLIMIT_DATA, 1024, "kbytes", "data seg size" },
	{ 'f', RLIMIT_FSIZE, 512, "blocks", "file size" },
	{ 'n', RLIMIT_NOFILE, 1, NULL, "open files" },
	{ 's', RLIMIT_STACK, 1024, "kbytes", "stack size" },
	{ 't', RLIMIT_CPU, 1, "seconds", "cpu time" },
	{ 'u', RLIMIT_NPROC, 1, NULL, "max user processes" },
	{ 'v', RLIMIT_AS, 1024, "kbytes", "virtual memory" },
};
#define NLIMITS (sizeof(limits) / sizeof(limits[0]))

static const struct limit *find_limit(char option)
{
	for (size_t i = 0; i < NLIMITS; i++)
		if (limits[i].option == option)
			return &limits[i];
	return NULL;
}

/* "open files                          (-n) 64": bash's columns. */
static void print_limit(const struct limit *l, int which, bool describe)
{
	struct rlimit r;
	rlim_t v;

	getrlimit(l->resource, &r);
	v = which == HARD ? r.rlim_max : r.rlim_cur;
	if (describe) {
		char unit[64];
		if (l->units)
			snprintf(unit, sizeof(unit), "(%s, -%c) ", l->units,
				 l->option);
		else
			snprintf(unit, sizeof(unit), "(-%c) ", l->option);
		printf("%-20s %20s", l->description, unit);
	}
	if (v == RLIM_INFINITY)
		puts("unlimited");
	else
		printf("%lu\n", v / l->factor);
}

/* The new value: a count of the limit's units, or a word. 0 or -1. */
static int parse_value(const struct limit *l, const char *s, rlim_t *v)
{
	struct rlimit r;
	char *end;

	getrlimit(l->resource, &r);
	if (!strcmp(s, "unlimited")) {
		*v = RLIM_INFINITY;
		return 0;
	}
	if (!strcmp(s, "hard") || !strcmp(s, "soft")) {
		*v = s[0] == 'h' ? r.rlim_max : r.rlim_cur;
		return 0;
	}
	errno = 0;
	unsigned long long n = strtoull(s, &end, 10);
	if (!*s || *end || *s == '-' || errno ||
	    n * l->factor / l->factor != n || n * l->factor >= RLIM_INFINITY) {
		sh_error("ulimit: %s: invalid number", s);
		return -1;
	}
	*v = n * l->factor;
	return 0;
}

static int set_limit(const struct limit *l, int which, const char *arg)
{
	struct rlimit r;
	rlim_t v;

	if (parse_value(l, arg, &v) < 0)
		return 1;
	getrlimit(l->resource, &r);
	if (which & HARD)
		r.rlim_max = v;
	if (which & SOFT)
		r.rlim_cur = v;
	if (setrlimit(l->resource, &r) < 0) {
		sh_error("ulimit: %s: cannot modify limit: %s", l->description,
			 strerror(errno));
		return 1;
	}
	return 0;
}

int b_ulimit(int argc, char **argv)
{
	const struct limit *chosen[NLIMITS + 1];
	int which = 0, n = 0, i, status = 0;
	bool all = false;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *o = argv[i] + 1; *o; o++) {
			const struct limit *l = find_limit(*o);
			if (*o == 'H' || *o == 'S')
				which |= *o == 'H' ? HARD : SOFT;
			else if (*o == 'a')
				all = true;
			else if (l && n < (int)NLIMITS)
				chosen[n++] = l;
			else if (!l) {
				sh_error("ulimit: -%c: invalid option", *o);
				fputs("ulimit: usage: ulimit [-SHadfnstuv] [limit]\n",
				      stderr);
				return 2;
			}
		}
	}
	if (all) {
		for (size_t k = 0; k < NLIMITS; k++)
			print_limit(&limits[k], which == HARD ? HARD : SOFT, true);
		return 0;
	}
	if (n == 0)
		chosen[n++] = find_limit('f');
	if (i + 1 < argc) {
		sh_error("ulimit: too many arguments");
		return 2;
	}
	for (int k = 0; k < n; k++) {
		if (i < argc)
			status |= set_limit(chosen[k], which ? which : SOFT | HARD,
					    argv[i]);
		else
			print_limit(chosen[k], which == HARD ? HARD : SOFT, n > 1);
	}
	return status;
}
