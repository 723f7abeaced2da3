/*
 * id: who we are: the real user and group ids (getuid, getgid) and their
 * names from /etc/passwd and /etc/group; the effective ones too when
 * they differ (a setuid program).
 *
 *   id [-u | -g] [-n]       uid=0(root) gid=0(root) groups=0(root)
 *
 * Sprout has no supplementary groups: "groups=" is the one group.
 */
#include <err.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: id [-u | -g] [-n]\n");
	exit(1);
}

static void print_user(const char *label, uid_t uid)
{
	struct passwd *pw = getpwuid(uid);

	printf("%s%u", label, (unsigned)uid);
	if (pw)
		printf("(%s)", pw->pw_name);
}

static void print_group(const char *label, gid_t gid)
{
	struct group *gr = getgrgid(gid);

	printf("%s%u", label, (unsigned)gid);
	if (gr)
		printf("(%s)", gr->gr_name);
}

/* id -u or -g: the effective id, as a number or (-n) a name. */
static int print_one(int group, int name)
{
	unsigned int id = group ? getegid() : geteuid();
	const char *s = NULL;

	if (name) {
		struct passwd *pw = group ? NULL : getpwuid(id);
		struct group *gr = group ? getgrgid(id) : NULL;

		s = pw ? pw->pw_name : gr ? gr->gr_name : NULL;
	}
	if (s)
		puts(s);
	else
		printf("%u\n", id);
	return name && !s;
}

int main(int argc, char **argv)
{
	int user = 0, group = 0, name = 0, c;

	while ((c = getopt(argc, argv, "ugn")) != -1) {
		switch (c) {
		case 'u': user = 1; break;
		case 'g': group = 1; break;
		case 'n': name = 1; break;
		default: usage();
		}
	}
	if (optind < argc || (user && group))
		usage();
	if (user || group)
		return print_one(group, name);
	if (name)
		errx(1, "cannot print only names or real IDs in default format");
	print_user("uid=", getuid());
	print_group(" gid=", getgid());
	if (geteuid() != getuid())
		print_user(" euid=", geteuid());
	if (getegid() != getgid())
		print_group(" egid=", getegid());
	print_group(" groups=", getgid());
	putchar('\n');
	return 0;
}
