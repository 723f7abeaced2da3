/*
 * wc: count lines, words and bytes.
 *
 *   wc [-lwc] [file...]
 *
 * Without options all three, in that order. A word is a run of
 * characters that are not white space. With several files a "total"
 * line follows. The columns are as wide as GNU's: as many digits as the
 * files' sizes added up need (at least 7 when one is not a regular
 * file, such as a pipe), or 1 when there is one number to print.
 */
#include <ctype.h>
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct counts {
	unsigned long lines, words, bytes;
};

static int show_lines, show_words, show_bytes;
static int width;

static void usage(void)
{
	fprintf(stderr, "usage: wc [-lwc] [file...]\n");
	exit(1);
}

/* Count what fd holds; -1 on a read error. */
static int count(int fd, struct counts *n)
{
	char buf[4096];
	ssize_t got;
	int in_word = 0;

	while ((got = read(fd, buf, sizeof(buf))) > 0) {
		n->bytes += got;
		for (ssize_t i = 0; i < got; i++) {
			int space = isspace((unsigned char)buf[i]);

			n->lines += buf[i] == '\n';
			n->words += !space && !in_word;
			in_word = !space;
		}
	}
	return got < 0 ? -1 : 0;
}

static void print(const struct counts *n, const char *name)
{
	const char *sep = "";

	if (show_lines)
		printf("%*lu", width, n->lines), sep = " ";
	if (show_words)
		printf("%s%*lu", sep, width, n->words), sep = " ";
	if (show_bytes)
		printf("%s%*lu", sep, width, n->bytes);
	if (name)
		printf(" %s", name);
	printf("\n");
}

/* GNU's column width, from what stat says of the inputs before any is
   read: the digits of their regular files' total size, at least 7 if
   one is a pipe or a terminal. One number of one input: no padding. */
static int column_width(char **files, int nfiles)
{
	unsigned long long total = 0;
	int digits = 1, least = 1;
	struct stat st;

	if (nfiles <= 1 && show_lines + show_words + show_bytes == 1)
		return 1;
	for (int i = 0; i < (nfiles ? nfiles : 1); i++) {
		int bad = (nfiles && strcmp(files[i], "-")) ? stat(files[i], &st)
							   : fstat(0, &st);

		if (bad)
			continue;
		if (S_ISREG(st.st_mode))
			total += st.st_size;
		else
			least = 7;
	}
	for (; total >= 10; total /= 10)
		digits++;
	return digits > least ? digits : least;
}

int main(int argc, char **argv)
{
	struct counts total = { 0 };
	int c, status = 0;

	while ((c = getopt(argc, argv, "lwc")) != -1) {
		switch (c) {
		case 'l': show_lines = 1; break;
		case 'w': show_words = 1; break;
		case 'c': show_bytes = 1; break;
		default: usage();
		}
	}
	if (!show_lines && !show_words && !show_bytes)
		show_lines = show_words = show_bytes = 1;
	argc -= optind;
	argv += optind;
	width = column_width(argv, argc);
	for (int i = 0; i < (argc ? argc : 1); i++) {
		const char *name = argc ? argv[i] : NULL;
		int stdin_ = !name || !strcmp(name, "-");
		int fd = stdin_ ? 0 : open(name, O_RDONLY);
		struct counts n = { 0 };

		if (fd < 0 || count(fd, &n) < 0) {
			warn("%s", name ? name : "-");
			status = 1;
		} else {
			print(&n, name);
		}
		if (fd > 0)
			close(fd);
		total.lines += n.lines;
		total.words += n.words;
		total.bytes += n.bytes;
	}
	if (argc > 1)
		print(&total, "total");
	return status;
}
