/*
 * The group database: /etc/group, read a line at a time, as pwd.c reads
 * /etc/passwd. A group's members are the fourth field, split at commas
 * into a NULL-terminated array.
 */
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fields.h"

static struct db group_db = { .path = "/etc/group" };
static struct group entry;      /* every call's answer, into group_db.line */
static char **members;          /* entry.gr_mem */
static int members_size;

/* "a,b,c" -> members = {"a", "b", "c", NULL}; "" -> {NULL}. */
static int split_members(char *list)
{
	int n = *list ? 1 : 0;

	for (const char *c = list; (c = strchr(c, ',')); c++)
		n++;

	if (n + 1 > members_size) {
		char **bigger = realloc(members, (n + 1) * sizeof(*members));

		if (!bigger)
			return -1;
		members = bigger;
		members_size = n + 1;
	}
	if (n)
		__split_fields(list, ',', members, n);
	members[n] = NULL;
	return 0;
}

/* Lines that are not four fields with a numeric gid are skipped. */
struct group *fgetgrent(FILE *f)
{
	char *field[4];

	while (__db_next(&group_db, f, field, 4) == 0) {
		if (__parse_id(field[2], &entry.gr_gid) ||
		    split_members(field[3]))
			continue;
		entry.gr_name = field[0];
		entry.gr_passwd = field[1];
		entry.gr_mem = members;
		return &entry;
	}
	return NULL;
}

struct group *getgrent(void)
{
	FILE *f = __db_walk(&group_db);

	return f ? fgetgrent(f) : NULL;
}

void setgrent(void)
{
	__db_rewind(&group_db);
}

void endgrent(void)
{
	__db_end(&group_db);
}

/* name NULL: by gid. */
static struct group *find_group(const char *name, gid_t gid)
{
	FILE *f = fopen(group_db.path, "r");
	struct group *gr;

	if (!f)
		return NULL;
	while ((gr = fgetgrent(f)) &&
	       (name ? strcmp(gr->gr_name, name) != 0 : gr->gr_gid != gid))
		;
	fclose(f);
	return gr;
}

struct group *getgrnam(const char *name)
{
	return find_group(name, 0);
}

struct group *getgrgid(gid_t gid)
{
	return find_group(NULL, gid);
}
