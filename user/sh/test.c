/*
 * test expression, [ expression ]: true (0) or false (1); 2 for a bad
 * expression.
 *
 *   -e -f -d -r -w -x -s -L -h -p -c -b -S FILE   files
 *   -n STR  -z STR  STR                          strings
 *   -t FD                                        a terminal?
 *   A = B  A != B  A < B  A > B                  strings compared
 *   N -eq M  -ne -lt -le -gt -ge                 integers
 *   F1 -nt F2  -ot  -ef                          files compared
 *   ! E   E -a E   E -o E   ( E )
 *
 * Parsed by recursive descent: or -> and -> not -> primary. A word is
 * read as an operator only where an operator can stand, so "test -n"
 * (one word) is the string "-n", which is not empty: true.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <setjmp.h>
#include "cmds.h"

struct test {
	char **w;       /* the words left */
	int n;
	jmp_buf bad;
};

static void __attribute__((noreturn)) bad(struct test *t, const char *fmt, const char *arg)
{
	fprintf(stderr, "test: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	longjmp(t->bad, 1);
}

static long integer(struct test *t, const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	while (*end == ' ')
		end++;
	if (!*s || *end)
		bad(t, "%s: integer expression expected", s);
	return v;
}

static int file_test(char op, const char *path)
{
	struct stat st;

	if (op == 'L' || op == 'h')
		return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
	if (op == 't')
		return isatty(atoi(path));
	if (stat(path, &st) < 0)
		return 0;
	switch (op) {
	case 'e': return 1;
	case 'f': return S_ISREG(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'p': return S_ISFIFO(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'b': return S_ISBLK(st.st_mode);
	case 'S': return S_ISSOCK(st.st_mode);
	case 's': return st.st_size > 0;
	case 'r': return access(path, R_OK) == 0;
	case 'w': return access(path, W_OK) == 0;
	case 'x': return access(path, X_OK) == 0;
	}
	return 0;
}

static int is_unary(const char *s)
{
	return s[0] == '-' && s[1] && !s[2] && strchr("efdrwxsLhpcbStnz", s[1]);
}

static const char *binaries[] = { "=", "==", "!=", "<", ">", "-eq", "-ne",
	"-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef", NULL };

static int is_binary(const char *s)
{
	for (int i = 0; binaries[i]; i++)
		if (!strcmp(s, binaries[i]))
			return 1;
	return 0;
}

static int compare_files(const char *a, const char *op, const char *b)
{
	struct stat sa, sb;
	int ha = stat(a, &sa) == 0, hb = stat(b, &sb) == 0;

	if (!strcmp(op, "-ef"))
		return ha && hb && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	if (!strcmp(op, "-nt"))
		return ha && (!hb || sa.st_mtime > sb.st_mtime);
	return hb && (!ha || sa.st_mtime < sb.st_mtime);        /* -ot */
}

static int binary(struct test *t, const char *a, const char *op, const char *b)
{
	int c = strcmp(a, b);

	if (!strcmp(op, "=") || !strcmp(op, "=="))
		return c == 0;
	if (!strcmp(op, "!="))
		return c != 0;
	if (!strcmp(op, "<"))
		return c < 0;
	if (!strcmp(op, ">"))
		return c > 0;
	if (!strcmp(op, "-nt") || !strcmp(op, "-ot") || !strcmp(op, "-ef"))
		return compare_files(a, op, b);
	long x = integer(t, a), y = integer(t, b);
	switch (op[1] * 256 + op[2]) {
	case 'e' * 256 + 'q': return x == y;
	case 'n' * 256 + 'e': return x != y;
	case 'l' * 256 + 't': return x < y;
	case 'l' * 256 + 'e': return x <= y;
	case 'g' * 256 + 't': return x > y;
	default: return x >= y;
	}
}

static int or_expr(struct test *t);

static const char *take(struct test *t)
{
	if (t->n == 0)
		bad(t, "%s", "argument expected");
	t->n--;
	return *t->w++;
}

static int primary(struct test *t)
{
	if (t->n >= 3 && is_binary(t->w[1])) {
		const char *a = take(t), *op = take(t), *b = take(t);
		return binary(t, a, op, b);
	}
	if (t->n >= 2 && is_unary(t->w[0])) {
		const char *op = take(t), *arg = take(t);
		if (op[1] == 'n' || op[1] == 'z')
			return (*arg != 0) == (op[1] == 'n');
		return file_test(op[1], arg);
	}
	if (t->n >= 3 && !strcmp(t->w[0], "(")) {
		take(t);
		int v = or_expr(t);
		if (t->n == 0 || strcmp(take(t), ")"))
			bad(t, "%s", "missing )");
		return v;
	}
	return *take(t) != 0;
}

static int not_expr(struct test *t)
{
	if (t->n >= 2 && !strcmp(t->w[0], "!")) {
		take(t);
		return !not_expr(t);
	}
	return primary(t);
}

static int and_expr(struct test *t)
{
	int v = not_expr(t);

	while (t->n > 0 && !strcmp(t->w[0], "-a")) {
		take(t);
		v = not_expr(t) && v;
	}
	return v;
}

static int or_expr(struct test *t)
{
	int v = and_expr(t);

	while (t->n > 0 && !strcmp(t->w[0], "-o")) {
		take(t);
		v = or_expr(t) || v;
	}
	return v;
}

int test_main(int argc, char **argv)
{
	struct test t;

	t.w = argv + 1;
	t.n = argc - 1;

	if (!strcmp(argv[0], "[") || (strrchr(argv[0], '/') && !strcmp(strrchr(argv[0], '/'), "/["))) {
		if (argc < 2 || strcmp(argv[argc - 1], "]")) {
			fprintf(stderr, "[: missing ]\n");
			return 2;
		}
		t.n--;
	}
	if (setjmp(t.bad))
		return 2;
	if (t.n == 0)
		return 1;
	int v = or_expr(&t);
	if (t.n > 0)
		bad(&t, "%s: unexpected operator", t.w[0]);
	return !v;
}
