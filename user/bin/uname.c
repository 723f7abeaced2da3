/*
 * uname: what system this is, from uname(2).
 *
 *   uname [-asnrvm]
 *
 * -s kernel name (the default), -n network node name, -r release, -v
 * version, -m machine; -a all of them, in that order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <err.h>

static void usage(void)
{
	fprintf(stderr, "usage: uname [-asnrvm]\n");
	exit(1);
}

int main(int argc, char **argv)
{
	enum { SYSNAME = 1, NODENAME = 2, RELEASE = 4, VERSION = 8, MACHINE = 16 };
	struct utsname u;
	unsigned int want = 0;
	const char *sep = "";
	int c;

	while ((c = getopt(argc, argv, "asnrvm")) != -1) {
		switch (c) {
		case 'a': want = ~0u; break;
		case 's': want |= SYSNAME; break;
		case 'n': want |= NODENAME; break;
		case 'r': want |= RELEASE; break;
		case 'v': want |= VERSION; break;
		case 'm': want |= MACHINE; break;
		default: usage();
		}
	}
	if (optind < argc) {
		warnx("extra operand '%s'", argv[optind]);
		usage();
	}
	if (uname(&u) < 0)
		err(1, "uname");
	if (!want)
		want = SYSNAME;
	const char *fields[] = { u.sysname, u.nodename, u.release, u.version, u.machine };
	for (int i = 0; i < 5; i++)
		if (want & (1u << i)) {
			printf("%s%s", sep, fields[i]);
			sep = " ";
		}
	putchar('\n');
	return 0;
}
