/*
 * libc's glob (libc/glob.c, built here as our_glob) against glibc's, in
 * a folder of files made for the purpose: every pattern under each flag
 * must give the same names in the same order, and the same result.
 */
#undef glob
#undef globfree
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static const char *files[] = { "a.c", "b.c", "ab.h", ".hidden.c", "sub/x.c",
	"sub/y.h", "sub/.dot", "dir2/deep/z.c", "st*r", "q?", NULL };

static const char *patterns[] = {
	"*", "*.c", ".*", "*/*.c", "sub/*", "?.c", "[ab].c", "[!a].c",
	"nomatch*", "\\*", "st\\*r", "st*r", "sub", "*/*/*.c", "q\\?", "q?",
	"sub/.*", "missing", "a.c", "*.[ch]", "*/", "",
};

static const int flag_sets[] = { 0, GLOB_MARK, GLOB_NOCHECK, GLOB_NOESCAPE,
	GLOB_NOSORT };

static char dir[] = "/tmp/test_glob.XXXXXX";

static void make_tree(void)
{
	if (!mkdtemp(dir) || chdir(dir) < 0)
		exit(1);
	mkdir("sub", 0755);
	mkdir("dir2", 0755);
	mkdir("dir2/deep", 0755);
	for (int i = 0; files[i]; i++)
		close(open(files[i], O_CREAT | O_WRONLY, 0644));
}

/* The same names; in the same order too if sorted. */
static int same(glob_t *a, glob_t *b, int sorted)
{
	if (a->gl_pathc != b->gl_pathc)
		return 0;
	for (size_t i = 0; i < a->gl_pathc; i++) {
		int found = 0;
		for (size_t j = 0; j < b->gl_pathc && !found; j++)
			found = (!sorted || i == j) &&
				!strcmp(a->gl_pathv[i], b->gl_pathv[j]);
		if (!found)
			return 0;
	}
	return 1;
}

int main(void)
{
	char why[300];

	make_tree();
	CASE("glob: every pattern as glibc's, under each flag")
		for (size_t f = 0; f < sizeof(flag_sets) / sizeof(int); f++)
			for (size_t p = 0; p < sizeof(patterns) / sizeof(char *); p++) {
				glob_t want, got;
				int rw = glob(patterns[p], flag_sets[f], NULL, &want);
				int rg = our_glob(patterns[p], flag_sets[f], NULL, &got);
				int sorted = !(flag_sets[f] & GLOB_NOSORT);

				snprintf(why, sizeof(why), "'%s' flags %d: glibc %d (%zu names), ours %d (%zu names)",
					 patterns[p], flag_sets[f], rw, rw ? 0 : want.gl_pathc,
					 rg, rg ? 0 : got.gl_pathc);
				if ((rw != rg || (!rw && !same(&want, &got, sorted))) && !check_failed++)
					printf("FAIL %s -- %s\n", check_case, why);
				if (!rw)
					globfree(&want);
				if (!rg)
					our_globfree(&got);
			}
	CASE("glob: GLOB_APPEND adds to the names already found")
	{
		glob_t g;
		CHECK(our_glob("*.c", 0, NULL, &g) == 0);
		CHECK(our_glob("*.h", GLOB_APPEND, NULL, &g) == 0);
		CHECK(g.gl_pathc == 3 && !strcmp(g.gl_pathv[2], "ab.h") && !g.gl_pathv[3]);
		our_globfree(&g);
	}
	char rm[64];
	snprintf(rm, sizeof(rm), "rm -rf %s", dir);
	return system(rm) != 0;
}
