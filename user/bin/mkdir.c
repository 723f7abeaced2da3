/*
 * mkdir: make directories, with mkdir(2).
 *
 *   mkdir [-p] [-m MODE] DIR...
 *
 * -p: make the missing parents too, and say nothing if DIR exists
 * already. -m: DIR's permissions are MODE (octal, e.g. 700) exactly.
 * Without -m a new directory gets 0777 less the umask (755 under the
 * usual umask 022), and so do the parents, with u+wx added so that the
 * next one can be made in them. mkdir(2) itself takes the umask off;
 * here it is taken off by hand, and cleared, so that MODE is exact.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static mode_t parent_mode;      /* -p's parents */

static void usage(void)
{
	fprintf(stderr, "usage: mkdir [-p] [-m mode] dir...\n");
	exit(1);
}

/* One directory; EEXIST is fine with -p if it is a directory. */
static int make_one(const char *path, mode_t mode, int parents)
{
	struct stat st;

	if (mkdir(path, mode) == 0)
		return 0;
	if (parents && errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	warn("%s", path);
	return -1;
}

/* -p: each prefix of the path that ends before a '/', then the path. */
static int make_parents(char *path, mode_t mode)
{
	for (char *slash = path + 1; (slash = strchr(slash, '/')); slash++) {
		*slash = '\0';
		if (make_one(path, parent_mode, 1) < 0)
			return -1;
		*slash = '/';
		while (slash[1] == '/')
			slash++;
	}
	return make_one(path, mode, 1);
}

int main(int argc, char **argv)
{
	mode_t mask = umask(0), mode = 0777 & ~mask;
	int parents = 0, status = 0, c;
	char *end;

	while ((c = getopt(argc, argv, "pm:")) != -1) {
		switch (c) {
		case 'p':
			parents = 1;
			break;
		case 'm':
			mode = strtoul(optarg, &end, 8);
			if (!*optarg || *end || mode > 07777)
				errx(1, "invalid mode '%s'", optarg);
			break;
		default:
			usage();
		}
	}
	if (optind == argc) {
		warnx("missing operand");
		usage();
	}
	parent_mode = (0777 & ~mask) | S_IWUSR | S_IXUSR;
	for (int i = optind; i < argc; i++)
		if ((parents ? make_parents(argv[i], mode) : make_one(argv[i], mode, 0)) < 0)
			status = 1;
	return status;
}
