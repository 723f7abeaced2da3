/*
 * touch: set a file's access and modification times to now (or to
 * another file's, -r), creating it empty if it does not exist.
 *
 *   touch [-c] [-a | -m] [-r REFERENCE] FILE...
 *
 * -c: create nothing; -a: only the access time; -m: only the
 * modification time. The times are set with utimensat(2); a time left
 * as UTIME_OMIT is not changed. (make decides what to rebuild by these
 * times, which is what touch is mostly for.)
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: touch [-c] [-a | -m] [-r reference] file...\n");
	exit(1);
}

int main(int argc, char **argv)
{
	struct timespec times[2] = {    /* access, modification */
		{ .tv_nsec = UTIME_NOW }, { .tv_nsec = UTIME_NOW },
	};
	int no_create = 0, access_only = 0, modify_only = 0, status = 0, c;
	struct stat ref;

	while ((c = getopt(argc, argv, "camr:")) != -1) {
		switch (c) {
		case 'c': no_create = 1; break;
		case 'a': access_only = 1; break;
		case 'm': modify_only = 1; break;
		case 'r':
			if (stat(optarg, &ref) < 0)
				err(1, "%s", optarg);
			times[0].tv_sec = ref.st_atime;
			times[0].tv_nsec = 0;
			times[1].tv_sec = ref.st_mtime;
			times[1].tv_nsec = 0;
			break;
		default: usage();
		}
	}
	if (optind == argc) {
		warnx("missing file operand");
		usage();
	}
	if (modify_only && !access_only)
		times[0].tv_nsec = UTIME_OMIT;
	if (access_only && !modify_only)
		times[1].tv_nsec = UTIME_OMIT;
	for (int i = optind; i < argc; i++) {
		/* A new file's times are now anyway; open() makes it. */
		if (!no_create) {
			int fd = open(argv[i], O_WRONLY | O_CREAT | O_NONBLOCK, 0666);

			if (fd >= 0)
				close(fd);
		}
		if (utimensat(AT_FDCWD, argv[i], times, 0) < 0 &&
		    !(no_create && errno == ENOENT)) {
			warn("%s", argv[i]);
			status = 1;
		}
	}
	return status;
}
