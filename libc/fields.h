/*
 * Inside libc: the text databases /etc/passwd and /etc/group, read a
 * line at a time, each line cut at its separators and its ids read; and
 * /etc/hosts and /etc/services, whose lines are words between blanks
 * with "#" comments (libc/fields.c).
 */
#ifndef _LIBC_FIELDS_H
#define _LIBC_FIELDS_H
#include <stdio.h>

/* One database: its file, the getpwent-style walk through it, and the
   line the last entry read points into (each database has its own, so
   a getgrent does not spoil what getpwent returned). */
struct db {
	const char *path;
	FILE *walk;
	char *line;
	size_t line_size;
};

/* The next line of f with exactly n fields, cut into field[]: 0, or
   -1 at the end. Other lines are skipped. */
int __db_next(struct db *db, FILE *f, char **field, int n);

/* The next line of f that has words, cut into word[0..max-1] and a
   NULL after them (word has room for max + 1): how many, or -1 at the
   end. A "#" starts a comment;
   words beyond max are dropped. */
int __db_words(struct db *db, FILE *f, char **word, int max);

/* Frees the line the last entry read points into. */
void __db_free(struct db *db);

/* getXXent's file: opened on the first call (NULL if it cannot be);
   setXXent goes back to its start, endXXent closes it. A lookup by
   name or id opens the file afresh instead, leaving the walk where it
   was. */
FILE *__db_walk(struct db *db);
void __db_rewind(struct db *db);
void __db_end(struct db *db);

/* Cuts line in place at each sep (and drops its newline), pointing
   field[0..max-1] at the pieces. Returns how many pieces there were,
   which may be more than max (the extra ones are not stored). */
int __split_fields(char *line, int sep, char **field, int max);

/* A uid or gid field: decimal digits only. 0, or -1 if it is not one. */
int __parse_id(const char *s, unsigned int *id);

#endif
