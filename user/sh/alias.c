/*
 * alias NAME=VALUE: a word typed as a command stands for VALUE, as if
 * typed instead ("alias ll='ls -l'"). The parser asks find_alias() for
 * the first word of each simple command and, on a hit, puts the value
 * into the input in its place (parse.c, alias_expanded).
 *
 *   alias               every alias, as NAME='VALUE'
 *   alias NAME          that one
 *   unalias NAME, -a    forget it, or all
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct alias {
	char *name;
	char *value;
	struct alias *next;
};

static struct alias *aliases;

/* Where name is, or would go: the list is kept in alphabetical order. */
static struct alias **slot(const char *name)
{
	struct alias **p = &aliases;

	while (*p && strcmp((*p)->name, name) < 0)
		p = &(*p)->next;
	return p;
}

static struct alias *lookup(const char *name)
{
	struct alias *a = *slot(name);

	return a && !strcmp(a->name, name) ? a : NULL;
}

const char *find_alias(const char *name)
{
	struct alias *a = lookup(name);

	return a ? a->value : NULL;
}

/* name='value', quoted so that the shell reads it back. */
static void print_alias(struct alias *a)
{
	printf("%s='", a->name);
	for (const char *s = a->value; *s; s++)
		if (*s == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*s);
	printf("'\n");
}

static void define(char *name, const char *value)
{
	struct alias **p = slot(name), *a = lookup(name);

	if (a) {
		free(a->value);
		free(name);
	} else {
		a = xmalloc(sizeof(*a));
		a->name = name;
		a->next = *p;
		*p = a;
	}
	a->value = xstrdup(value);
}

int b_alias(int argc, char **argv)
{
	int status = 0;

	if (argc == 1)
		for (struct alias *a = aliases; a; a = a->next)
			print_alias(a);
	for (int i = 1; i < argc; i++) {
		char *name = xstrdup(argv[i]), *eq = strchr(name, '=');

		if (eq) {
			*eq = 0;
			define(name, eq + 1);
			continue;
		}
		if (lookup(name)) {
			print_alias(lookup(name));
		} else {
			sh_error("alias: %s: not found", name);
			status = 1;
		}
		free(name);
	}
	return status;
}

int b_unalias(int argc, char **argv)
{
	int all = argc > 1 && !strcmp(argv[1], "-a"), status = 0;

	for (int i = 1 + all; i < argc || (all && aliases); i++) {
		struct alias **p = all ? &aliases : slot(argv[i]);
		struct alias *a = *p;

		if (!a || (!all && strcmp(a->name, argv[i]))) {
			sh_error("unalias: %s: not found", argv[i]);
			status = 1;
			continue;
		}
		*p = a->next;
		free(a->name);
		free(a->value);
		free(a);
	}
	return status;
}
