/*
 * tail: the last lines (or bytes) of files.
 *
 *   tail [-f] [-n [+]lines | -c [+]bytes | -lines] [file...]
 *
 * Ten lines unless told otherwise; "+N" counts from the start instead
 * (tail -n +2 is everything from line 2 on). With several files each is
 * introduced by "==> name <==". tail reads a whole file into memory and
 * looks backwards from its end.
 *
 * -f follows the files as they grow: once a second tail reads what has
 * been added since and prints it (polling, the simplest way; Linux's
 * tail can ask the kernel to say when a file changes, with inotify).
 */
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long count = 10;
static int from_start;          /* +N */
static int bytes;               /* -c */

static void usage(void)
{
	fprintf(stderr, "usage: tail [-f] [-n [+]lines | -c [+]bytes] [file...]\n");
	exit(1);
}

static void number(const char *s, const char *what)
{
	char *end;

	from_start = (*s == '+');
	count = strtol(s + (*s == '+' || *s == '-'), &end, 10);
	if (!*s || *end || count < 0)
		errx(1, "invalid number of %s: '%s'", what, s);
}

/* All of fd, in a buffer that grows; *len is its length. */
static char *slurp(int fd, size_t *len)
{
	size_t cap = 4096;
	char *buf = malloc(cap);
	ssize_t got;

	*len = 0;
	while (buf && (got = read(fd, buf + *len, cap - *len)) > 0) {
		*len += got;
		if (*len == cap)
			buf = realloc(buf, cap *= 2);
	}
	if (!buf)
		err(1, "out of memory");
	return got < 0 ? (free(buf), NULL) : buf;
}

/* Where the output starts in buf[0..len). */
static size_t start_of_tail(const char *buf, size_t len)
{
	size_t i;
	long n = count;

	if (bytes && from_start) {      /* +0 and +1 both mean "from the start" */
		size_t skip = count > 1 ? count - 1 : 0;

		return skip < len ? skip : len;
	}
	if (bytes)
		return (size_t)count < len ? len - count : 0;
	if (count == 0 && !from_start)
		return len;
	if (from_start) {               /* just after the (count-1)th newline */
		for (i = 0; i < len && n > 1; i++)
			n -= buf[i] == '\n';
		return i;
	}
	/* back from the end: the last line need not end in a newline */
	i = len;
	if (i > 0 && buf[i - 1] == '\n')
		i--;
	for (; i > 0; i--)
		if (buf[i - 1] == '\n' && --n == 0)
			break;
	return n > 0 ? 0 : i;
}

/* Copy from fd to stdout what has come since the last look. */
static int more(int fd)
{
	char buf[4096];
	ssize_t got;
	int any = 0;

	while ((got = read(fd, buf, sizeof(buf))) > 0) {
		fwrite(buf, 1, got, stdout);
		any = 1;
	}
	fflush(stdout);
	return any;
}

/* -f: look at each file once a second, forever; a header first when
   the output turns to another file. */
static void follow(int *fds, char **names, int n, int last)
{
	for (;;) {
		sleep(1);
		for (int i = 0; i < n; i++) {
			if (fds[i] < 0)
				continue;
			if (n > 1 && i != last) {
				char c;

				if (read(fds[i], &c, 1) != 1)
					continue;
				printf("\n==> %s <==\n%c", names[i], c);
				last = i;
			}
			more(fds[i]);
		}
	}
}

int main(int argc, char **argv)
{
	int c, status = 0, follow_ = 0, *fds;
	char *dash[] = { "-" };

	if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') {
		number(argv[1] + 1, "lines");   /* the obsolete -N */
		argv[1] = argv[0];
		argc--;
		argv++;
	}
	while ((c = getopt(argc, argv, "fn:c:")) != -1) {
		switch (c) {
		case 'f': follow_ = 1; break;
		case 'n': number(optarg, "lines"); bytes = 0; break;
		case 'c': number(optarg, "bytes"); bytes = 1; break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		argc = 1;
		argv = dash;
		follow_ = 0;            /* as GNU: a pipe is not followed */
	}
	fds = malloc(argc * sizeof(*fds));
	for (int i = 0; fds && i < argc; i++) {
		int std = !strcmp(argv[i], "-");
		size_t len, start;
		char *buf;

		fds[i] = std ? 0 : open(argv[i], O_RDONLY);
		buf = fds[i] < 0 ? NULL : slurp(fds[i], &len);
		if (!buf) {
			warn("%s", argv[i]);
			status = 1;
			if (fds[i] > 0)
				close(fds[i]);
			fds[i] = -1;
			continue;
		}
		if (argc > 1)
			printf("%s==> %s <==\n", i ? "\n" : "",
			       std ? "standard input" : argv[i]);
		start = start_of_tail(buf, len);
		fwrite(buf + start, 1, len - start, stdout);
		free(buf);
	}
	fflush(stdout);
	if (follow_)
		follow(fds, argv, argc, argc - 1);
	return status;
}
