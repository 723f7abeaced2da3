/*
 * du: disk usage: the blocks each file holds (stat's st_blocks, in
 * 512-byte units, shown here in 1K blocks), added up for each directory
 * over everything below it.
 *
 *   du [-a] [-s] [-h] [FILE...]
 *
 * -a: a line for every file, not only directories; -s: only one line,
 * the total, for each FILE; -h: sizes like 1.5K. A file with several
 * hard links is counted once; symbolic links are not followed.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "human.h"
#include "path.h"

static int all, summarize, human, status;

/* Inodes with more than one link already counted: their device and
   inode numbers. */
static struct seen {
	dev_t dev;
	ino_t ino;
} *seen;
static int seen_count, seen_size;

static void usage(void)
{
	fprintf(stderr, "usage: du [-ash] [file ...]\n");
	exit(1);
}

static int counted_before(const struct stat *st)
{
	for (int i = 0; i < seen_count; i++)
		if (seen[i].dev == st->st_dev && seen[i].ino == st->st_ino)
			return 1;
	if (seen_count == seen_size) {
		seen_size = seen_size ? 2 * seen_size : 16;
		seen = realloc(seen, seen_size * sizeof(*seen));
		if (!seen)
			err(1, "out of memory");
	}
	seen[seen_count].dev = st->st_dev;
	seen[seen_count].ino = st->st_ino;
	seen_count++;
	return 0;
}

static void print_size(unsigned long long kib, const char *path)
{
	char buf[16];

	if (human)
		printf("%s\t%s\n", human_size(kib * 1024, buf), path);
	else
		printf("%llu\t%s\n", kib, path);
}

/* What a directory's entries add up to, as the walk goes. */
struct below {
	unsigned long long kib;
	int depth;                      /* the entries' */
};

static unsigned long long usage_of(const char *path, int depth);

static int add_entry(const char *path, void *below)
{
	struct below *b = below;

	b->kib += usage_of(path, b->depth);
	return 0;
}

/* The 1K blocks under path; depth 0 is a command-line operand. */
static unsigned long long usage_of(const char *path, int depth)
{
	struct below below = { 0, depth + 1 };
	unsigned long long kib;
	struct stat st;

	if (lstat(path, &st) < 0) {
		warn("%s", path);
		status = 1;
		return 0;
	}
	if (st.st_nlink > 1 && !S_ISDIR(st.st_mode) && counted_before(&st))
		return 0;
	kib = (st.st_blocks + 1) / 2;
	if (S_ISDIR(st.st_mode) && for_each_entry(path, add_entry, &below) < 0) {
		warn("%s", path);
		status = 1;
	}
	kib += below.kib;
	if (depth == 0 || (!summarize && (all || S_ISDIR(st.st_mode))))
		print_size(kib, path);
	return kib;
}

int main(int argc, char **argv)
{
	int c;

	while ((c = getopt(argc, argv, "ash")) != -1) {
		switch (c) {
		case 'a': all = 1; break;
		case 's': summarize = 1; break;
		case 'h': human = 1; break;
		default: usage();
		}
	}
	if (all && summarize) {
		warnx("cannot both summarize and show all entries");
		usage();
	}
	if (optind == argc)
		usage_of(".", 0);
	for (int i = optind; i < argc; i++)
		usage_of(argv[i], 0);
	return status;
}
