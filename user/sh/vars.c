/*
 * Shell variables, the environment and the positional parameters.
 *
 * Every variable is a name and a value on one list. An exported one is
 * also copied into the environment of each program the shell runs:
 * build_env() makes that "NAME=value" array for execve(). A child never
 * changes its parent's variables - it has copies.
 *
 * Functions may declare "local" variables: the old value is saved on a
 * list for the function's call and put back when it returns.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct var {
	char *name;
	char *value;            /* NULL: exported but not set yet */
	int exported;
	int readonly;
	struct var *next;
};

static struct var *vars;

char *arg0;
char **args;
int nargs;

int valid_name(const char *s, size_t n)
{
	if (n == 0 || isdigit((unsigned char)s[0]))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return 0;
	return 1;
}

/* NAME=...: the word is an assignment. */
int is_assignment(const char *word)
{
	const char *eq = strchr(word, '=');

	return eq && valid_name(word, eq - word);
}

static struct var *lookup(const char *name)
{
	for (struct var *v = vars; v; v = v->next)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}

const char *getvar(const char *name)
{
	struct var *v = lookup(name);

	return v ? v->value : NULL;
}

int setvar(const char *name, const char *value, int export)
{
	struct var *v = lookup(name);

	if (v && v->readonly && value) {
		sh_error("%s: readonly variable", name);
		return -1;
	}
	if (!v) {
		v = xmalloc(sizeof(*v));
		v->name = xstrdup(name);
		v->value = NULL;
		v->exported = v->readonly = 0;
		v->next = vars;
		vars = v;
	}
	if (value) {
		char *copy = xstrdup(value);
		free(v->value);
		v->value = copy;
	}
	v->exported |= export || (opt_a && value);     /* set -a: allexport */
	return 0;
}

/* readonly NAME: no more changes, nor unset. */
void readonly_var(const char *name)
{
	setvar(name, NULL, 0);
	lookup(name)->readonly = 1;
}

int unsetvar(const char *name)
{
	for (struct var **p = &vars; *p; p = &(*p)->next) {
		struct var *v = *p;
		if (!strcmp(v->name, name) && v->readonly) {
			sh_error("unset: %s: readonly variable", name);
			return -1;
		}
		if (!strcmp(v->name, name)) {
			*p = v->next;
			free(v->name);
			free(v->value);
			free(v);
			break;
		}
	}
	return 0;
}

/* 'it'\''s' - a value quoted so that the shell reads it back. */
static void print_quoted(const char *s)
{
	putchar('\'');
	for (; *s; s++)
		if (*s == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*s);
	putchar('\'');
}

static int by_name(const void *a, const void *b)
{
	return strcmp((*(struct var **)a)->name, (*(struct var **)b)->name);
}

/* set (all, as NAME='value'), export -p or readonly -p (those marked,
   after "export " or "readonly "). */
void print_vars(enum var_list which)
{
	int n = 0, i = 0;

	for (struct var *v = vars; v; v = v->next)
		n++;
	struct var **sorted = xmalloc((n + 1) * sizeof(*sorted));
	for (struct var *v = vars; v; v = v->next)
		sorted[i++] = v;
	qsort(sorted, n, sizeof(*sorted), by_name);
	for (i = 0; i < n; i++) {
		struct var *v = sorted[i];
		if ((which == VARS_EXPORTED && !v->exported) ||
		    (which == VARS_READONLY && !v->readonly) ||
		    (which == VARS_ALL && !v->value))
			continue;
		if (which != VARS_ALL)
			printf(which == VARS_EXPORTED ? "export %s" : "readonly %s", v->name);
		else
			printf("%s", v->name);
		if (v->value) {
			putchar('=');
			print_quoted(v->value);
		}
		putchar('\n');
	}
	free(sorted);
}

/* The environment for execve: NAME=value of each exported variable. */
char **build_env(void)
{
	int n = 0;

	for (struct var *v = vars; v; v = v->next)
		n++;
	char **env = xmalloc((n + 1) * sizeof(*env));
	n = 0;
	for (struct var *v = vars; v; v = v->next) {
		if (!v->exported || !v->value)
			continue;
		env[n] = xmalloc(strlen(v->name) + strlen(v->value) + 2);
		sprintf(env[n++], "%s=%s", v->name, v->value);
	}
	env[n] = NULL;
	return env;
}

void import_env(char **envp)
{
	for (; envp && *envp; envp++) {
		char *eq = strchr(*envp, '=');
		if (!eq || !valid_name(*envp, eq - *envp))
			continue;
		char *name = xstrdup(*envp);
		name[eq - *envp] = 0;
		setvar(name, eq + 1, 1);
		free(name);
	}
}

void set_args(char **argv, int n)
{
	char **copy = xmalloc((n + 1) * sizeof(*copy));

	for (int i = 0; i < n; i++)
		copy[i] = xstrdup(argv[i]);
	copy[n] = NULL;
	if (args)
		free_argv(args);
	args = copy;
	nargs = n;
}

/* ---- local variables ---- */

struct saved_var {
	char *name;
	char *value;            /* NULL: was unset */
	int exported;
	struct saved_var *next;
};

static struct saved_var *locals;        /* of the running function */

void *push_locals(void)
{
	void *outer = locals;

	locals = NULL;
	return outer;
}

void local_var(const char *name)
{
	struct var *v = lookup(name);
	struct saved_var *s;

	for (s = locals; s; s = s->next)
		if (!strcmp(s->name, name))
			return;                 /* saved already */
	s = xmalloc(sizeof(*s));
	s->name = xstrdup(name);
	s->value = v && v->value ? xstrdup(v->value) : NULL;
	s->exported = v ? v->exported : 0;
	s->next = locals;
	locals = s;
}

void pop_locals(void *outer)
{
	while (locals) {
		struct saved_var *s = locals;
		locals = s->next;
		unsetvar(s->name);
		if (s->value)
			setvar(s->name, s->value, s->exported);
		free(s->name);
		free(s->value);
		free(s);
	}
	locals = outer;
}
