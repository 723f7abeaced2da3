/*
 * find: walk directory trees, testing each file against an expression.
 *
 *   find [PATH...] [EXPRESSION]
 *
 * The expression is made of
 *   tests     -name PATTERN (the last component, shell pattern: fnmatch)
 *             -type f|d|l|p|c|b|s    -newer FILE (modified after FILE)
 *   actions   -print    -exec COMMAND {} ;   ({} is the path; true if
 *             the command exits 0)
 *   operators EXPR EXPR or EXPR -a EXPR (and), EXPR -o EXPR (or),
 *             ! EXPR, ( EXPR )
 *   options   -maxdepth N, -mindepth N
 * Without an action, each file for which the expression holds is
 * printed. PATH is "." unless given. The walk uses lstat(2): symbolic
 * links are reported, not followed.
 *
 * The expression is parsed into a tree first (a recursive-descent
 * parser, one function per level: or, and, not, primary), then
 * evaluated for every file.
 */
#include <err.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "path.h"
#include "run.h"

enum kind { OR, AND, NOT, NAME, TYPE, NEWER, PRINT, EXEC, TRUE };

struct node {
	enum kind kind;
	struct node *left, *right;      /* OR, AND; NOT uses left */
	const char *pattern;            /* NAME */
	mode_t type;                    /* TYPE */
	time_t time;                    /* NEWER */
	char **argv;                    /* EXEC: the command's words */
	int argc;                       /* (up to, not with, the ";") */
};

static char **words;                    /* the expression's words */
static int nwords, next_word;
static int has_action, maxdepth = -1, mindepth, status;

static struct node *new_node(enum kind kind, struct node *left, struct node *right)
{
	struct node *n = calloc(1, sizeof(*n));

	if (!n)
		err(1, "out of memory");
	n->kind = kind;
	n->left = left;
	n->right = right;
	return n;
}

static const char *argument(const char *option)
{
	if (next_word >= nwords)
		errx(1, "missing argument to '%s'", option);
	return words[next_word++];
}

static mode_t type_of(const char *letter)
{
	static const char letters[] = "fdlpcbs";
	static const mode_t types[] = {
		S_IFREG, S_IFDIR, S_IFLNK, S_IFIFO, S_IFCHR, S_IFBLK, S_IFSOCK,
	};
	const char *p = strchr(letters, letter[0]);

	if (!letter[0] || letter[1] || !p)
		errx(1, "unknown argument to -type: %s", letter);
	return types[p - letters];
}

/* -exec COMMAND ARGS... ; : the words up to the ";". */
static void parse_exec(struct node *n)
{
	int start = next_word;

	while (next_word < nwords && strcmp(words[next_word], ";") != 0)
		next_word++;
	if (next_word == nwords || next_word == start)
		errx(1, "missing argument to '-exec'");
	n->argv = words + start;
	n->argc = next_word - start;
	next_word++;                    /* the ";" */
	has_action = 1;
}

static struct node *parse_or(void);

static struct node *parse_primary(void)
{
	const char *w = words[next_word++];
	struct node *n;
	struct stat st;

	if (strcmp(w, "(") == 0) {
		n = parse_or();
		if (next_word >= nwords || strcmp(words[next_word++], ")") != 0)
			errx(1, "missing ')'");
		return n;
	}
	if (strcmp(w, "-maxdepth") == 0 || strcmp(w, "-mindepth") == 0) {
		const char *arg = argument(w);
		char *end;
		long depth = strtol(arg, &end, 10);

		if (*arg < '0' || *arg > '9' || *end)
			errx(1, "invalid argument '%s' to '%s'", arg, w);
		*(w[2] == 'a' ? &maxdepth : &mindepth) = (int)depth;
		return new_node(TRUE, NULL, NULL);
	}
	if (strcmp(w, "-name") == 0) {
		n = new_node(NAME, NULL, NULL);
		n->pattern = argument(w);
	} else if (strcmp(w, "-type") == 0) {
		n = new_node(TYPE, NULL, NULL);
		n->type = type_of(argument(w));
	} else if (strcmp(w, "-newer") == 0) {
		const char *file = argument(w);

		if (stat(file, &st) < 0)
			err(1, "%s", file);
		n = new_node(NEWER, NULL, NULL);
		n->time = st.st_mtime;
	} else if (strcmp(w, "-print") == 0) {
		n = new_node(PRINT, NULL, NULL);
		has_action = 1;
	} else if (strcmp(w, "-exec") == 0) {
		n = new_node(EXEC, NULL, NULL);
		parse_exec(n);
	} else {
		errx(1, "unknown predicate '%s'", w);
	}
	return n;
}

static struct node *parse_not(void)
{
	if (next_word < nwords && (strcmp(words[next_word], "!") == 0 ||
				   strcmp(words[next_word], "-not") == 0)) {
		next_word++;
		if (next_word >= nwords)
			errx(1, "expected an expression after '!'");
		return new_node(NOT, parse_not(), NULL);
	}
	if (next_word >= nwords)
		errx(1, "expected an expression");
	return parse_primary();
}

/* Two expressions side by side are and-ed, as if -a stood between. */
static struct node *parse_and(void)
{
	struct node *n = parse_not();

	while (next_word < nwords && strcmp(words[next_word], "-o") != 0 &&
	       strcmp(words[next_word], ")") != 0) {
		if (strcmp(words[next_word], "-a") == 0)
			next_word++;
		n = new_node(AND, n, parse_not());
	}
	return n;
}

static struct node *parse_or(void)
{
	struct node *n = parse_and();

	while (next_word < nwords && strcmp(words[next_word], "-o") == 0) {
		next_word++;
		n = new_node(OR, n, parse_and());
	}
	return n;
}

/* -exec: run the command with each "{}" replaced by the path, and wait
   for it: true if it exits with status 0. */
static int run(const struct node *n, const char *path)
{
	char **argv = calloc(n->argc + 1, sizeof(char *));
	int wstatus;

	if (!argv)
		err(1, "out of memory");
	for (int i = 0; i < n->argc; i++)
		argv[i] = strcmp(n->argv[i], "{}") == 0 ? (char *)path : n->argv[i];
	wstatus = run_and_wait(argv);
	free(argv);
	return WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0;
}

/* The last component, which -name matches: "a/b/c.txt" -> "c.txt". */
static const char *last_component(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash && slash[1] ? slash + 1 : path;
}

static int eval(const struct node *n, const char *path, const struct stat *st)
{
	switch (n->kind) {
	case OR:    return eval(n->left, path, st) || eval(n->right, path, st);
	case AND:   return eval(n->left, path, st) && eval(n->right, path, st);
	case NOT:   return !eval(n->left, path, st);
	case NAME:  return fnmatch(n->pattern, last_component(path), 0) == 0;
	case TYPE:  return (st->st_mode & S_IFMT) == n->type;
	case NEWER: return (time_t)st->st_mtime > n->time;
	case PRINT: return puts(path), 1;
	case EXEC:  return run(n, path);
	case TRUE:  return 1;
	}
	return 0;
}

/* Where the walk is: what walk_entry needs for the entries of one
   directory. */
struct place {
	int depth;                      /* the entries' */
	const struct node *expr;
};

static int walk_entry(const char *path, void *place);

static void walk(const char *path, int depth, const struct node *expr)
{
	struct place below = { depth + 1, expr };
	struct stat st;

	if (lstat(path, &st) < 0) {
		warn("%s", path);
		status = 1;
		return;
	}
	if (depth >= mindepth && (expr ? eval(expr, path, &st) : 1) && !has_action)
		puts(path);
	if (!S_ISDIR(st.st_mode) || depth == maxdepth)
		return;
	if (for_each_entry(path, walk_entry, &below) < 0) {
		warn("%s", path);
		status = 1;
	}
}

static int walk_entry(const char *path, void *place)
{
	const struct place *p = place;

	walk(path, p->depth, p->expr);
	return 0;
}

int main(int argc, char **argv)
{
	struct node *expr = NULL;
	int paths = 1;

	/* The paths are the words before the first that starts an
	   expression: "-x", "!" or "(". */
	while (paths < argc && argv[paths][0] != '-' && strcmp(argv[paths], "!") != 0 &&
	       strcmp(argv[paths], "(") != 0)
		paths++;
	words = argv + paths;
	nwords = argc - paths;
	if (nwords > 0) {
		expr = parse_or();
		if (next_word < nwords)
			errx(1, "unexpected '%s'", words[next_word]);
	}
	if (paths == 1)
		walk(".", 0, expr);
	for (int i = 1; i < paths; i++)
		walk(argv[i], 0, expr);
	return status;
}
