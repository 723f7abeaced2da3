/*
 * ls: list files. A directory is read with opendir/readdir (getdents64
 * underneath), each name is looked at with lstat(2), and the names are
 * sorted before they are printed.
 *
 *   ls [-1aAdFhilR] [file ...]
 *
 * -l: long listing, "drwxr-xr-x 2 root root 1024 Dec  1 23:20 name";
 * -a: names starting with '.' too; -A: those but "." and ".."; -i: inode
 * numbers; -d: directories themselves, not their contents; -R: the
 * directories below as well; -F: a mark after each name saying its type
 * (/ directory, * executable, @ link, | fifo, = socket); -h: sizes like
 * 1.5K; -1: one name per line, what ls does anyway when its output is
 * not a terminal. On a terminal, names go in columns.
 */
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "filemode.h"
#include "human.h"
#include "path.h"

#define SCREEN_WIDTH 80
#define SIX_MONTHS (365 * 24 * 3600 / 2)

static int all, almost_all, directory_itself, classify, human, inodes,
	long_format, recursive, one_per_line;
static int status;              /* 0, 1 (a problem inside), 2 (an operand) */

struct file {
	char *name;             /* as shown */
	char *path;             /* as opened: dir/name */
	struct stat st;
	char *target;           /* -l: where a symbolic link points, or NULL */
};

struct list {
	struct file *files;
	int count, size;
};

static void usage(void)
{
	fprintf(stderr, "usage: ls [-1aAdFhilR] [file ...]\n");
	exit(2);
}

/* A link's target is read now, while its directory is still open, as
   GNU ls does: /proc/self/fd/3, ls's own opendir(), is gone once ls
   closes the directory. */
static char *link_target(const char *path)
{
	char target[PATH_MAX];
	ssize_t len = readlink(path, target, sizeof(target) - 1);

	if (len < 0) {
		warn("cannot read symbolic link '%s'", path);
		status = status ? status : 1;
		return NULL;
	}
	target[len] = '\0';
	return strdup(target);
}

static void add_file(struct list *list, const char *name, char *path,
		     const struct stat *st)
{
	struct file *f;

	if (list->count == list->size) {
		list->size = list->size ? 2 * list->size : 32;
		list->files = realloc(list->files, list->size * sizeof(struct file));
		if (!list->files)
			err(2, "out of memory");
	}
	f = &list->files[list->count++];
	f->name = strdup(name);
	f->path = path;
	f->st = *st;
	f->target = long_format && S_ISLNK(st->st_mode) ? link_target(path)
							 : NULL;
}

static void free_list(struct list *list)
{
	for (int i = 0; i < list->count; i++) {
		free(list->files[i].name);
		free(list->files[i].path);
		free(list->files[i].target);
	}
	free(list->files);
}

/* Sorted by name, byte by byte, as ls sorts in the C locale. */
static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct file *)a)->name, ((const struct file *)b)->name);
}

/* -F's mark: what kind of file this is. */
static const char *type_mark(mode_t mode)
{
	if (S_ISDIR(mode))
		return "/";
	if (S_ISLNK(mode))
		return "@";
	if (S_ISFIFO(mode))
		return "|";
	if (S_ISSOCK(mode))
		return "=";
	if (S_ISREG(mode) && (mode & (S_IXUSR | S_IXGRP | S_IXOTH)))
		return "*";
	return "";
}

/* Owner and group names come from /etc/passwd and /etc/group; a file's
   neighbours mostly share them, so the last answer is kept. An id with
   no name shows as its number. */
struct name_cache {
	char name[32];
	unsigned int id;
	const char *(*lookup)(unsigned int id);         /* NULL: no name */
};

static const char *cached_name(struct name_cache *c, unsigned int id)
{
	if (id != c->id) {
		const char *name = c->lookup(id);

		if (name)
			snprintf(c->name, sizeof(c->name), "%s", name);
		else
			snprintf(c->name, sizeof(c->name), "%u", id);
		c->id = id;
	}
	return c->name;
}

static const char *lookup_user(unsigned int uid)
{
	struct passwd *pw = getpwuid(uid);

	return pw ? pw->pw_name : NULL;
}

static const char *lookup_group(unsigned int gid)
{
	struct group *gr = getgrgid(gid);

	return gr ? gr->gr_name : NULL;
}

static struct name_cache users = { "", (unsigned int)-1, lookup_user };
static struct name_cache groups = { "", (unsigned int)-1, lookup_group };

/* A size, or a device's "major, minor". */
static void format_size(const struct stat *st, char buf[32])
{
	char human_buf[16];

	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		snprintf(buf, 32, "%u, %u", dev_major(st->st_rdev), dev_minor(st->st_rdev));
	else if (human)
		snprintf(buf, 32, "%s", human_size(st->st_size, human_buf));
	else
		snprintf(buf, 32, "%lu", (unsigned long)st->st_size);
}

/* "Dec  1 23:20" for the last six months, "Dec  1  2025" otherwise
   (and for times in the future), as ls decides. */
static void format_time(time_t t, char buf[16])
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	if (t > now - SIX_MONTHS && t <= now)
		strftime(buf, 16, "%b %e %H:%M", &tm);
	else
		strftime(buf, 16, "%b %e  %Y", &tm);
}

static int digits(unsigned long n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* Column widths of a long listing: each field as wide as its widest. */
struct widths {
	int inode, links, owner, group, size;
};

static void measure(const struct list *list, struct widths *w)
{
	char size[32];

	memset(w, 0, sizeof(*w));
	for (int i = 0; i < list->count; i++) {
		const struct stat *st = &list->files[i].st;
		int n;

		if ((n = digits(st->st_ino)) > w->inode)
			w->inode = n;
		if ((n = digits(st->st_nlink)) > w->links)
			w->links = n;
		if ((n = strlen(cached_name(&users, st->st_uid))) > w->owner)
			w->owner = n;
		if ((n = strlen(cached_name(&groups, st->st_gid))) > w->group)
			w->group = n;
		format_size(st, size);
		if ((n = strlen(size)) > w->size)
			w->size = n;
	}
}

static void print_long(const struct file *f, const struct widths *w)
{
	char mode[11], size[32], when[16];
	struct stat target_st;

	format_mode(f->st.st_mode, mode);
	format_size(&f->st, size);
	format_time(f->st.st_mtime, when);
	if (inodes)
		printf("%*lu ", w->inode, (unsigned long)f->st.st_ino);
	printf("%s %*u %-*s %-*s %*s %s %s", mode, w->links, (unsigned)f->st.st_nlink,
	       w->owner, cached_name(&users, f->st.st_uid),
	       w->group, cached_name(&groups, f->st.st_gid),
	       w->size, size, when, f->name);
	if (f->target) {
		printf(" -> %s", f->target);
		if (classify && stat(f->path, &target_st) == 0)
			fputs(type_mark(target_st.st_mode), stdout);
	} else if (classify) {
		fputs(type_mark(f->st.st_mode), stdout);
	}
	putchar('\n');
}

/* A name as the short formats show it: inode, name, mark. */
static int print_name(const struct file *f, int inode_width)
{
	const char *mark = classify ? type_mark(f->st.st_mode) : "";

	if (inodes)
		return printf("%*lu %s%s", inode_width, (unsigned long)f->st.st_ino,
			      f->name, mark);
	return printf("%s%s", f->name, mark);
}

/* How wide a name is as print_name shows it. */
static int name_width(const struct file *f, int inode_width)
{
	return strlen(f->name) + (classify && *type_mark(f->st.st_mode)) +
	       (inodes ? inode_width + 1 : 0);
}

/* The width of column c when the names fill the given number of rows
   (0: no name falls in that column). */
static int column_width(const struct list *list, int rows, int c, int inode_width)
{
	int width = 0;

	for (int i = c * rows; i < (c + 1) * rows && i < list->count; i++)
		if (name_width(&list->files[i], inode_width) > width)
			width = name_width(&list->files[i], inode_width);
	return width;
}

/* Columns on a terminal, filled top to bottom then left to right, each
   as wide as its widest name plus two spaces: as many columns as fit
   across the screen, as ls chooses. */
static void print_columns(const struct list *list, int inode_width)
{
	int rows = 0, columns, total, width[SCREEN_WIDTH / 3];

	columns = list->count < SCREEN_WIDTH / 3 ? list->count : SCREEN_WIDTH / 3;
	for (; columns > 0; columns--) {
		rows = (list->count + columns - 1) / columns;
		total = 0;
		for (int c = 0; c < columns; c++)
			total += (width[c] = column_width(list, rows, c, inode_width)) + 2;
		if (total - 2 < SCREEN_WIDTH || columns == 1)
			break;
	}
	for (int r = 0; r < rows; r++) {
		for (int c = 0, i = r; i < list->count; c++, i += rows) {
			int n = print_name(&list->files[i], inode_width);

			if (i + rows < list->count)     /* not the last column */
				printf("%*s", width[c] + 2 - n, "");
		}
		putchar('\n');
	}
}

static void print_list(struct list *list, int is_directory)
{
	struct widths w;
	unsigned long long blocks = 0;
	char buf[16];

	qsort(list->files, list->count, sizeof(struct file), by_name);
	measure(list, &w);
	if (long_format && is_directory) {
		for (int i = 0; i < list->count; i++)
			blocks += (list->files[i].st.st_blocks + 1) / 2;
		if (human)
			printf("total %s\n", human_size(blocks * 1024, buf));
		else
			printf("total %llu\n", blocks);
	}
	if (long_format) {
		for (int i = 0; i < list->count; i++)
			print_long(&list->files[i], &w);
	} else if (one_per_line) {
		for (int i = 0; i < list->count; i++) {
			print_name(&list->files[i], w.inode);
			putchar('\n');
		}
	} else {
		print_columns(list, w.inode);
	}
}

static int shown(const char *name)
{
	if (name[0] != '.' || all)
		return 1;
	return almost_all && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

/* The contents of one directory, then (-R) of each directory in it.
   heading: print "path:" first. */
static void list_directory(const char *path, int heading)
{
	struct list list = { 0 };
	struct dirent *d;
	struct stat st;
	DIR *dir = opendir(path);

	if (!dir) {
		warn("%s", path);
		status = status ? status : 1;
		return;
	}
	while ((d = readdir(dir))) {
		char *child;

		if (!shown(d->d_name))
			continue;
		child = join_path(path, d->d_name);
		if (lstat(child, &st) < 0) {
			warn("%s", child);
			status = status ? status : 1;
			free(child);
			continue;
		}
		add_file(&list, d->d_name, child, &st);
	}
	closedir(dir);
	if (heading)
		printf("%s:\n", path);
	print_list(&list, 1);
	for (int i = 0; recursive && i < list.count; i++) {
		struct file *f = &list.files[i];

		if (S_ISDIR(f->st.st_mode) && strcmp(f->name, ".") != 0 &&
		    strcmp(f->name, "..") != 0) {
			putchar('\n');
			list_directory(f->path, 1);
		}
	}
	free_list(&list);
}

/* Operands: files are listed first, together, then each directory. A
   symbolic link to a directory counts as the directory, unless -l, -d
   or -F ask about links themselves. */
static void list_operands(int count, char **names)
{
	struct list files = { 0 }, dirs = { 0 };
	struct stat st, target;

	for (int i = 0; i < count; i++) {
		if (lstat(names[i], &st) < 0) {
			warn("%s", names[i]);
			status = 2;
			continue;
		}
		if (S_ISLNK(st.st_mode) && !long_format && !directory_itself &&
		    !classify && stat(names[i], &target) == 0)
			st = target;
		if (S_ISDIR(st.st_mode) && !directory_itself)
			add_file(&dirs, names[i], strdup(names[i]), &st);
		else
			add_file(&files, names[i], strdup(names[i]), &st);
	}
	if (files.count)
		print_list(&files, 0);
	qsort(dirs.files, dirs.count, sizeof(struct file), by_name);
	for (int i = 0; i < dirs.count; i++) {
		if (i > 0 || files.count)
			putchar('\n');
		list_directory(dirs.files[i].path, count > 1 || recursive);
	}
	free_list(&files);
	free_list(&dirs);
}

int main(int argc, char **argv)
{
	static char *dot[] = { ".", NULL };
	int c;

	one_per_line = !isatty(STDOUT_FILENO);
	while ((c = getopt(argc, argv, "1aAdFhilR")) != -1) {
		switch (c) {
		case '1': one_per_line = 1; break;
		case 'a': all = 1; break;
		case 'A': almost_all = 1; break;
		case 'd': directory_itself = 1; break;
		case 'F': classify = 1; break;
		case 'h': human = 1; break;
		case 'i': inodes = 1; break;
		case 'l': long_format = 1; break;
		case 'R': recursive = 1; break;
		default: usage();
		}
	}
	if (optind == argc)
		list_operands(1, dot);
	else
		list_operands(argc - optind, argv + optind);
	return status;
}
