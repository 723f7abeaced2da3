/*
 * The group database, /etc/group: one group a line,
 *
 *   wheel:x:10:root,student
 *   name:password:gid:members (comma-separated, maybe none)
 *
 * read by libc/grp.c. The answer lives in a static buffer that the next
 * call overwrites, as POSIX allows.
 */
#ifndef _GRP_H
#define _GRP_H
#include <sys/types.h>
#include <stdio.h>

struct group {
	char *gr_name;
	char *gr_passwd;
	gid_t gr_gid;
	char **gr_mem;          /* member names, NULL-terminated */
};

struct group *getgrnam(const char *name);
struct group *getgrgid(gid_t gid);
/* Walking the file, as getpwent/setpwent/endpwent do /etc/passwd. */
struct group *getgrent(void);
void setgrent(void);
void endgrent(void);
struct group *fgetgrent(FILE *f);       /* the next group from any file */
int setgroups(size_t size, const gid_t *list);  /* libc/cred.c */

#endif
