/*
 * glob: the names of existing files that a pattern matches, as the
 * shell needs for "ls *.c" or "cat src/??/notes".
 *
 * The pattern is taken one path component at a time. A component
 * without * ? [ is just appended to the path; one with them is matched
 * with fnmatch against every name in the folder reached so far, and
 * each name that matches continues the walk with the next component:
 *
 *   src/??/notes       "src" literal -> read src/: ab, cd, e.txt
 *                      "??" matches two -> src/ab, src/cd
 *                      "notes" literal -> keep those that exist:
 *                      src/ab/notes
 *
 * A name starting with '.' is matched only by a pattern starting with
 * '.' (FNM_PERIOD). The names found are sorted.
 */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct walk {
	glob_t *g;
	int flags;
	int (*errfunc)(const char *, int);
	size_t found;
	int error;
};

static int add(struct walk *w, const char *path)
{
	size_t n = w->g->gl_offs + w->g->gl_pathc;
	char **v = realloc(w->g->gl_pathv, (n + 2) * sizeof(char *));
	struct stat st;
	int mark = (w->flags & GLOB_MARK) && stat(path, &st) == 0 &&
		   S_ISDIR(st.st_mode);     /* "sub/" too: "sub//", as glibc */
	char *copy = malloc(strlen(path) + 2);

	if (!v || !copy) {
		free(copy);
		return GLOB_NOSPACE;
	}
	strcpy(copy, path);
	if (mark)
		strcat(copy, "/");
	w->g->gl_pathv = v;
	v[n] = copy;
	v[n + 1] = NULL;
	w->g->gl_pathc++;
	w->found++;
	return 0;
}

static int has_magic(const char *s, size_t n, int noescape)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && !noescape && i + 1 < n)
			i++;
		else if (s[i] == '*' || s[i] == '?' || s[i] == '[')
			return 1;
	}
	return 0;
}

/* path + the literal component s[0..n), its backslashes removed. */
static char *join(const char *path, const char *s, size_t n, int noescape)
{
	size_t len = strlen(path);
	char *r = malloc(len + n + 2), *d;

	if (!r)
		return NULL;
	strcpy(r, path);
	d = r + len;
	if (len && r[len - 1] != '/')
		*d++ = '/';
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && !noescape && i + 1 < n)
			i++;
		*d++ = s[i];
	}
	*d = 0;
	return r;
}

static int walk(struct walk *w, const char *path, const char *rest);

/* A component with pattern characters: every name in path's folder. */
static int match_folder(struct walk *w, const char *path, const char *comp,
			size_t n, const char *rest)
{
	char *pat = join("", comp, n, 1);
	DIR *d = opendir(*path ? path : ".");
	struct dirent *e;
	int r = 0, fl = FNM_PERIOD | (w->flags & GLOB_NOESCAPE ? FNM_NOESCAPE : 0);

	if (!pat || !d) {
		free(pat);
		if (d)
			closedir(d);
		if (!d && ((w->flags & GLOB_ERR) ||
			   (w->errfunc && w->errfunc(*path ? path : ".", errno))))
			return GLOB_ABORTED;
		return pat ? 0 : GLOB_NOSPACE;
	}
	while (!r && (e = readdir(d)) != NULL) {
		if (fnmatch(pat, e->d_name, fl) != 0)
			continue;
		char *next = join(path, e->d_name, strlen(e->d_name), 1);
		r = next ? walk(w, next, rest) : GLOB_NOSPACE;
		free(next);
	}
	closedir(d);
	free(pat);
	return r;
}

/* Match rest (what is left of the pattern) below path. */
static int walk(struct walk *w, const char *path, const char *rest)
{
	struct stat st;

	if (!*rest)
		return lstat(path, &st) == 0 ? add(w, path) : 0;
	if (!strcmp(rest, "/")) {       /* a trailing slash: folders only */
		char *dir = join(path, "", 0, 1);
		int r = !dir ? GLOB_NOSPACE : stat(path, &st) == 0 &&
			S_ISDIR(st.st_mode) ? add(w, dir) : 0;
		free(dir);
		return r;
	}
	size_t n = strcspn(rest, "/");
	const char *after = rest + n + (rest[n] == '/' && rest[n + 1]);
	if (n == 0) {                   /* "a//b": the slashes stay */
		char *next = join(path, "", 0, 1);
		int r = next ? walk(w, next, after) : GLOB_NOSPACE;
		free(next);
		return r;
	}
	if (has_magic(rest, n, w->flags & GLOB_NOESCAPE))
		return match_folder(w, path, rest, n, after);
	char *next = join(path, rest, n, w->flags & GLOB_NOESCAPE);
	int r = next ? walk(w, next, after) : GLOB_NOSPACE;
	free(next);
	return r;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char **)a, *(char **)b);
}

int glob(const char *pattern, int flags,
	 int (*errfunc)(const char *path, int err), glob_t *g)
{
	struct walk w = { g, flags, errfunc, 0, 0 };
	size_t first;
	int r;

	if (!(flags & GLOB_APPEND)) {
		g->gl_pathc = 0;
		g->gl_pathv = NULL;
		if (!(flags & GLOB_DOOFFS))
			g->gl_offs = 0;
		g->gl_pathv = calloc(g->gl_offs + 1, sizeof(char *));
		if (!g->gl_pathv)
			return GLOB_NOSPACE;
	}
	first = g->gl_offs + g->gl_pathc;
	r = walk(&w, *pattern == '/' ? "/" : "", pattern + (*pattern == '/'));
	if (r)
		return r;
	if (!w.found && (flags & GLOB_NOCHECK))
		return add(&w, pattern);
	if (!w.found)
		return GLOB_NOMATCH;
	if (!(flags & GLOB_NOSORT))
		qsort(g->gl_pathv + first, w.found, sizeof(char *), by_name);
	return 0;
}

void globfree(glob_t *g)
{
	for (size_t i = 0; i < g->gl_pathc; i++)
		free(g->gl_pathv[g->gl_offs + i]);
	free(g->gl_pathv);
	g->gl_pathv = NULL;
	g->gl_pathc = 0;
}
