/*
 * Included first into the pwd/grp test: the host's pwd.h and grp.h are
 * read before libc's, and libc's readers are renamed our_*.
 */
#define _DEFAULT_SOURCE
#include <pwd.h>
#include <grp.h>
#include <stdio.h>
#define fgetpwent our_fgetpwent
#define getpwent our_getpwent
#define setpwent our_setpwent
#define endpwent our_endpwent
#define getpwnam our_getpwnam
#define getpwuid our_getpwuid
#define fgetgrent our_fgetgrent
#define getgrent our_getgrent
#define setgrent our_setgrent
#define endgrent our_endgrent
#define getgrnam our_getgrnam
#define getgrgid our_getgrgid
struct passwd *our_fgetpwent(FILE *f);
struct passwd *our_getpwent(void);
void our_setpwent(void);
void our_endpwent(void);
struct passwd *our_getpwnam(const char *name);
struct passwd *our_getpwuid(uid_t uid);
struct group *our_fgetgrent(FILE *f);
struct group *our_getgrent(void);
void our_setgrent(void);
void our_endgrent(void);
struct group *our_getgrnam(const char *name);
struct group *our_getgrgid(gid_t gid);
