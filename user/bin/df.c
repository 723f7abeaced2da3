/*
 * df: how full the file systems are: statvfs(2) asks the file system
 * itself (its superblock's counts of blocks and free blocks); the list
 * of what is mounted where comes from /proc/mounts.
 *
 *   df [-h] [-a] [FILE...]
 *
 *   Filesystem     1K-blocks  Used Available Use% Mounted on
 *   /dev/hda           63461  4035     59426   7% /
 *
 * With FILEs, the file systems that hold them, whatever they are (df
 * /proc shows proc's row, as GNU df does). -h: sizes like 62M. -a: also
 * those without blocks of their own (proc). Use% is used / (used +
 * available), rounded up: blocks kept for root count in neither.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include "human.h"

#define COLUMNS 6

static int human, show_all;

struct row {
	char *cell[COLUMNS];
};

static struct row *rows;
static int nrows;

static void usage(void)
{
	fprintf(stderr, "usage: df [-ah] [file ...]\n");
	exit(1);
}

static char *number(unsigned long long kib)
{
	char buf[32];

	if (human)
		human_size(kib * 1024, buf);
	else
		snprintf(buf, sizeof(buf), "%llu", kib);
	return strdup(buf);
}

/* A directory mounted on twice shows the later mount, which hides the
   earlier one. */
static void add_row(char *a, char *b, char *c, char *d, char *e, char *f)
{
	int r;

	for (r = 0; r < nrows && strcmp(rows[r].cell[COLUMNS - 1], f) != 0; r++)
		;
	if (r == nrows) {
		rows = realloc(rows, (nrows + 1) * sizeof(*rows));
		if (!rows)
			err(1, "out of memory");
		nrows++;
	}
	rows[r] = (struct row){ { a, b, c, d, e, f } };
}

/* named: asked for on the command line, so shown even without blocks. */
static int add_filesystem(const char *device, const char *dir, int named)
{
	unsigned long long total, used, avail;
	struct statvfs fs;
	char buf[8];

	if (statvfs(dir, &fs) < 0) {
		warn("%s", dir);
		return 1;
	}
	if (!fs.f_blocks && !show_all && !named)
		return 0;
	total = (unsigned long long)fs.f_blocks * fs.f_frsize / 1024;
	used = (unsigned long long)(fs.f_blocks - fs.f_bfree) * fs.f_frsize / 1024;
	avail = (unsigned long long)fs.f_bavail * fs.f_frsize / 1024;
	if (used + avail)
		snprintf(buf, sizeof(buf), "%llu%%",
			 (used * 100 + used + avail - 1) / (used + avail));
	else
		snprintf(buf, sizeof(buf), "-");
	add_row(strdup(device), number(total), number(used), number(avail),
		strdup(buf), strdup(dir));
	return 0;
}

/* Columns as wide as their widest cell (and at least GNU's widths: 14
   for the device, 5 for each number); the first and last to the left,
   the numbers to the right. */
static void print_rows(void)
{
	int width[COLUMNS] = { 14, 5, 5, 5 };

	for (int r = 0; r < nrows; r++)
		for (int c = 0; c < COLUMNS; c++)
			if ((int)strlen(rows[r].cell[c]) > width[c])
				width[c] = strlen(rows[r].cell[c]);
	for (int r = 0; r < nrows; r++) {
		printf("%-*s", width[0], rows[r].cell[0]);
		for (int c = 1; c < COLUMNS - 1; c++)
			printf(" %*s", width[c], rows[r].cell[c]);
		printf(" %s\n", rows[r].cell[COLUMNS - 1]);
	}
}

/* The mount whose directory holds path: the same device (st_dev). */
static int matches(const char *dir, const char *path)
{
	struct stat a, b;

	return stat(dir, &a) == 0 && stat(path, &b) == 0 && a.st_dev == b.st_dev;
}

int main(int argc, char **argv)
{
	char device[256], dir[256];
	int status = 0, c;
	FILE *mounts;

	while ((c = getopt(argc, argv, "ah")) != -1) {
		if (c == 'a')
			show_all = 1;
		else if (c == 'h')
			human = 1;
		else
			usage();
	}
	add_row("Filesystem", human ? "Size" : "1K-blocks", "Used",
		human ? "Avail" : "Available", "Use%", "Mounted on");
	for (int i = optind; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) < 0) {
			warn("%s", argv[i]);
			status = 1;
		}
	}
	mounts = fopen("/proc/mounts", "r");
	if (!mounts)
		err(1, "/proc/mounts");
	/* "/dev/hda / ext2 rw 0 0": device, directory, type, options ... */
	while (fscanf(mounts, "%255s %255s %*[^\n]", device, dir) == 2) {
		int wanted = optind == argc;

		for (int i = optind; i < argc && !wanted; i++)
			wanted = matches(dir, argv[i]);
		if (wanted)
			status |= add_filesystem(device, dir, optind < argc);
	}
	fclose(mounts);
	print_rows();
	return status;
}
