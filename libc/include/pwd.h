/*
 * The user database, /etc/passwd: one user a line,
 *
 *   root:x:0:0:root:/root:/bin/sh
 *   name:password:uid:gid:gecos (full name):home:shell
 *
 * read by libc/pwd.c. The answer lives in a static buffer that the next
 * call overwrites, as POSIX allows.
 */
#ifndef _PWD_H
#define _PWD_H
#include <sys/types.h>
#include <stdio.h>

struct passwd {
	char *pw_name;
	char *pw_passwd;        /* "x": the real one would be in /etc/shadow */
	uid_t pw_uid;
	gid_t pw_gid;
	char *pw_gecos;         /* the user's full name */
	char *pw_dir;           /* home directory */
	char *pw_shell;         /* login shell */
};

struct passwd *getpwnam(const char *name);
struct passwd *getpwuid(uid_t uid);
/* Walking the file: getpwent gives the next user, NULL at the end;
   setpwent starts over, endpwent closes it. */
struct passwd *getpwent(void);
void setpwent(void);
void endpwent(void);
struct passwd *fgetpwent(FILE *f);      /* the next user from any file */

#endif
