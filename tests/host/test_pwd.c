/*
 * libc's /etc/passwd and /etc/group readers (libc/pwd.c, libc/grp.c,
 * built here as our_fgetpwent and our_fgetgrent) against glibc's, on
 * files written here: the host's own /etc is never read.
 */
#undef fgetpwent
#undef fgetgrent
#include <string.h>
#include "check.h"

static const char passwd_text[] =
	"root:x:0:0:root:/root:/bin/sh\n"
	"student:x:1000:1000:A Student,,,:/home/student:/bin/sh\n"
	"too:few:fields\n"
	"nobody:x:65534:65534::/nonexistent:\n"
	"last:x:7:8:no newline:/:/bin/sh";

static const char group_text[] =
	"root:x:0:\n"
	"wheel:x:10:root,student\n"
	"bad:x\n"
	"users:x:100:student\n"
	"empty::5:";

static FILE *file_of(const char *text)
{
	FILE *f = tmpfile();

	fputs(text, f);
	rewind(f);
	return f;
}

static int same_user(const struct passwd *a, const struct passwd *b)
{
	return !strcmp(a->pw_name, b->pw_name) && !strcmp(a->pw_passwd, b->pw_passwd) &&
	       a->pw_uid == b->pw_uid && a->pw_gid == b->pw_gid &&
	       !strcmp(a->pw_gecos, b->pw_gecos) && !strcmp(a->pw_dir, b->pw_dir) &&
	       !strcmp(a->pw_shell, b->pw_shell);
}

static int same_group(const struct group *a, const struct group *b)
{
	int i;

	if (strcmp(a->gr_name, b->gr_name) || strcmp(a->gr_passwd, b->gr_passwd) ||
	    a->gr_gid != b->gr_gid)
		return 0;
	for (i = 0; a->gr_mem[i] && b->gr_mem[i]; i++)
		if (strcmp(a->gr_mem[i], b->gr_mem[i]))
			return 0;
	return !a->gr_mem[i] && !b->gr_mem[i];
}

int main(void)
{
	CASE("fgetpwent: every user as glibc reads them, bad lines skipped") {
		FILE *theirs = file_of(passwd_text), *ours = file_of(passwd_text);
		struct passwd want, *got;
		int users = 0;
		char keep[7][100];

		for (struct passwd *pw; (pw = fgetpwent(theirs)); users++) {
			want = *pw;     /* glibc's next call reuses its buffer */
			strcpy(keep[0], pw->pw_name), want.pw_name = keep[0];
			strcpy(keep[1], pw->pw_passwd), want.pw_passwd = keep[1];
			strcpy(keep[2], pw->pw_gecos), want.pw_gecos = keep[2];
			strcpy(keep[3], pw->pw_dir), want.pw_dir = keep[3];
			strcpy(keep[4], pw->pw_shell), want.pw_shell = keep[4];
			got = our_fgetpwent(ours);
			CHECK(got && same_user(&want, got));
		}
		CHECK(users == 4);
		CHECK(our_fgetpwent(ours) == NULL);
	}
	CASE("fgetgrent: every group and its members as glibc reads them") {
		FILE *theirs = file_of(group_text), *ours = file_of(group_text);
		struct group *want, *got;
		int groups = 0;

		while ((want = fgetgrent(theirs)) && (got = our_fgetgrent(ours))) {
			CHECK(same_group(want, got));
			groups++;
		}
		CHECK(groups == 4);
		CHECK(our_fgetgrent(ours) == NULL);
	}
	CASE("fgetgrent after fgetpwent: each database keeps its own line") {
		FILE *users = file_of(passwd_text), *groups = file_of(group_text);
		struct passwd *pw = our_fgetpwent(users);
		struct group *gr;

		our_fgetgrent(groups);
		gr = our_fgetgrent(groups);
		CHECK(pw && !strcmp(pw->pw_name, "root") && !strcmp(pw->pw_dir, "/root"));
		CHECK(gr && !strcmp(gr->gr_name, "wheel") && !strcmp(gr->gr_mem[1], "student"));
	}
	return 0;
}
