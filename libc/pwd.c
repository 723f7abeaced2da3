/*
 * The user database: /etc/passwd, read a line at a time. Looking a user
 * up is a walk through the file until the name or uid matches; ls -l
 * does one per file it shows, which is why real systems cache it.
 */
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include "fields.h"

static struct db passwd_db = { .path = "/etc/passwd" };
static struct passwd entry;     /* every call's answer, into passwd_db.line */

/* Lines that are not seven fields with numeric ids are skipped. */
struct passwd *fgetpwent(FILE *f)
{
	char *field[7];

	while (__db_next(&passwd_db, f, field, 7) == 0) {
		if (__parse_id(field[2], &entry.pw_uid) ||
		    __parse_id(field[3], &entry.pw_gid))
			continue;
		entry.pw_name = field[0];
		entry.pw_passwd = field[1];
		entry.pw_gecos = field[4];
		entry.pw_dir = field[5];
		entry.pw_shell = field[6];
		return &entry;
	}
	return NULL;
}

struct passwd *getpwent(void)
{
	FILE *f = __db_walk(&passwd_db);

	return f ? fgetpwent(f) : NULL;
}

void setpwent(void)
{
	__db_rewind(&passwd_db);
}

void endpwent(void)
{
	__db_end(&passwd_db);
}

/* name NULL: by uid. */
static struct passwd *find_user(const char *name, uid_t uid)
{
	FILE *f = fopen(passwd_db.path, "r");
	struct passwd *pw;

	if (!f)
		return NULL;
	while ((pw = fgetpwent(f)) &&
	       (name ? strcmp(pw->pw_name, name) != 0 : pw->pw_uid != uid))
		;
	fclose(f);
	return pw;
}

struct passwd *getpwnam(const char *name)
{
	return find_user(name, 0);
}

struct passwd *getpwuid(uid_t uid)
{
	return find_user(NULL, uid);
}
