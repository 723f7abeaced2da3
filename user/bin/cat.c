/*
 * cat: copy files (or standard input, or "-") to standard output, a
 * buffer at a time with read(2) and write(2).
 *
 *   cat [-n] [FILE...]        -n: number the lines, "     1\tline"
 *
 * A FILE that cannot be read is reported; the others are still copied
 * and the status is 1.
 */
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int number_lines;
static unsigned long line_number;
static int at_line_start = 1;   /* across files, as cat -n numbers them */

static void usage(void)
{
	fprintf(stderr, "usage: cat [-n] [file ...]\n");
	exit(1);
}

static void write_all(const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(STDOUT_FILENO, buf, len);

		if (n < 0)
			err(1, "write error");
		buf += n;
		len -= n;
	}
}

/* -n: a number before the first byte of each line. */
static void write_numbered(const char *buf, size_t len)
{
	char number[32];

	while (len > 0) {
		const char *nl = memchr(buf, '\n', len);
		size_t n = nl ? (size_t)(nl - buf) + 1 : len;

		if (at_line_start) {
			snprintf(number, sizeof(number), "%6lu\t", ++line_number);
			write_all(number, strlen(number));
		}
		write_all(buf, n);
		at_line_start = nl != NULL;
		buf += n;
		len -= n;
	}
}

static int copy(int fd, const char *name)
{
	char buf[8192];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		if (number_lines)
			write_numbered(buf, n);
		else
			write_all(buf, n);
	}
	if (n < 0) {
		warn("%s", name);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0, c;

	while ((c = getopt(argc, argv, "n")) != -1) {
		if (c != 'n')
			usage();
		number_lines = 1;
	}
	if (optind == argc)
		return copy(STDIN_FILENO, "standard input");
	for (int i = optind; i < argc; i++) {
		int fd;

		if (strcmp(argv[i], "-") == 0) {
			status |= copy(STDIN_FILENO, "standard input");
			continue;
		}
		fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			warn("%s", argv[i]);
			status = 1;
			continue;
		}
		status |= copy(fd, argv[i]);
		close(fd);
	}
	return status;
}
