/*
 * Inside libc: a line of /etc/passwd or /etc/group cut at its separators
 * and its ids read (libc/fields.c).
 */
#ifndef _LIBC_FIELDS_H
#define _LIBC_FIELDS_H

/* Cuts line in place at each sep (and drops its newline), pointing
   field[0..max-1] at the pieces. Returns how many pieces there were,
   which may be more than max (the extra ones are not stored). */
int __split_fields(char *line, int sep, char **field, int max);

/* A uid or gid field: decimal digits only. 0, or -1 if it is not one. */
int __parse_id(const char *s, unsigned int *id);

#endif
