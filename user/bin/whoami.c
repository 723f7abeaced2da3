/*
 * whoami: the name of the user we run as: the effective uid, looked up
 * in /etc/passwd (getpwuid).
 */
#include <err.h>
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	uid_t uid = geteuid();
	struct passwd *pw = getpwuid(uid);

	if (argc > 1) {
		warnx("extra operand '%s'", argv[1]);
		fprintf(stderr, "usage: whoami\n");
		return 1;
	}
	if (!pw)
		errx(1, "cannot find name for user ID %u", (unsigned)uid);
	puts(pw->pw_name);
	return 0;
}
