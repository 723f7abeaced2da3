/*
 * The text databases of Unix (/etc/passwd, /etc/group) are lines of
 * fields with a separator between them; empty fields are allowed, so
 * "a::c" is three fields, the middle one "". The network's databases
 * (/etc/hosts, /etc/services) are words between blanks instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fields.h"

int __db_next(struct db *db, FILE *f, char **field, int n)
{
	while (getline(&db->line, &db->line_size, f) > 0)
		if (__split_fields(db->line, ':', field, n) == n)
			return 0;
	return -1;
}

int __db_words(struct db *db, FILE *f, char **word, int max)
{
	while (getline(&db->line, &db->line_size, f) > 0) {
		char *rest, *w;
		int n = 0;

		db->line[strcspn(db->line, "#")] = '\0';
		for (w = strtok_r(db->line, " \t\n", &rest); w && n < max;
		     w = strtok_r(NULL, " \t\n", &rest))
			word[n++] = w;
		word[n] = NULL;
		if (n)
			return n;
	}
	return -1;
}

void __db_free(struct db *db)
{
	free(db->line);
	db->line = NULL;
	db->line_size = 0;
}

FILE *__db_walk(struct db *db)
{
	if (!db->walk)
		db->walk = fopen(db->path, "r");
	return db->walk;
}

void __db_rewind(struct db *db)
{
	if (db->walk)
		rewind(db->walk);
}

void __db_end(struct db *db)
{
	if (db->walk)
		fclose(db->walk);
	db->walk = NULL;
}

int __split_fields(char *line, int sep, char **field, int max)
{
	int n = 0;
	char *end = strchr(line, '\n');

	if (end)
		*end = '\0';
	for (;;) {
		char *next = strchr(line, sep);

		if (n < max)
			field[n] = line;
		n++;
		if (!next)
			return n;
		*next = '\0';
		line = next + 1;
	}
}

int __parse_id(const char *s, unsigned int *id)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	*id = strtoul(s, &end, 10);
	return *end ? -1 : 0;
}
