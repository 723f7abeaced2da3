/*
 * tee: copy standard input to standard output and to each FILE.
 *
 *   tee [-a] [FILE...]       -a: append to the FILEs, do not empty them
 *
 * A FILE that cannot be opened or written is reported and dropped; the
 * others go on being written, and the status is 1 at the end.
 */
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: tee [-a] [file ...]\n");
	exit(1);
}

/* All of buf, however many writes it takes (a pipe may take less). */
static int write_all(int fd, const char *buf, ssize_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n < 0)
			return -1;
		buf += n;
		len -= n;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int flags = O_WRONLY | O_CREAT | O_TRUNC, status = 0, c, nfd;
	int *fd;
	char **name, buf[4096];
	ssize_t len;

	while ((c = getopt(argc, argv, "a")) != -1) {
		if (c != 'a')
			usage();
		flags = O_WRONLY | O_CREAT | O_APPEND;
	}
	nfd = argc - optind + 1;
	fd = malloc(nfd * sizeof(int));
	name = argv + optind - 1;       /* name[i] goes with fd[i] */
	if (!fd)
		err(1, "out of memory");
	fd[0] = STDOUT_FILENO;
	name[0] = "standard output";
	for (int i = 1; i < nfd; i++) {
		fd[i] = open(name[i], flags, 0666);
		if (fd[i] < 0) {
			warn("%s", name[i]);
			status = 1;
		}
	}
	while ((len = read(STDIN_FILENO, buf, sizeof(buf))) > 0)
		for (int i = 0; i < nfd; i++)
			if (fd[i] >= 0 && write_all(fd[i], buf, len) < 0) {
				warn("%s", name[i]);
				fd[i] = -1;
				status = 1;
			}
	if (len < 0) {
		warn("standard input");
		status = 1;
	}
	return status;
}
