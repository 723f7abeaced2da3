/*
 * /bin/tests/shtool: stand-ins the shell-session tests (tests/sh/sh_*.t,
 * tests/guest_shell.py) need before the real utilities exist.
 *
 *   shtool nap N        sleep N seconds (a job to stop, kill, ^C)
 *   shtool mkdir DIR    mkdir -p DIR
 *   shtool mkfifo PATH  a FIFO
 */
#include <err.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int mkdir_p(char *path)
{
	for (char *p = path + 1; ; p++) {
		if (*p && *p != '/')
			continue;
		char c = *p;
		*p = 0;
		if (mkdir(path, 0777) < 0 && errno != EEXIST)
			err(1, "mkdir %s", path);
		*p = c;
		if (!c)
			return 0;
	}
}

/* Sleep n seconds, however often it is stopped and continued. */
static int nap(int n)
{
	time_t end = time(NULL) + n;

	while (time(NULL) < end)
		sleep(end - time(NULL));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "nap"))
		return nap(atoi(argv[2]));
	if (argc == 3 && !strcmp(argv[1], "mkdir"))
		return mkdir_p(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "mkfifo"))
		return mkfifo(argv[2], 0666) < 0 ? (warn("%s", argv[2]), 1) : 0;
	errx(2, "usage: shtool nap SECONDS | mkdir DIR | mkfifo PATH");
}
