/*
 * cp: copy files: open both, then read() from one and write() to the
 * other until end of file. The copy is a new inode with the same bytes;
 * its mode is the source's, less the umask.
 *
 *   cp [-r|-R] [-p] SOURCE DEST
 *   cp [-r|-R] [-p] SOURCE... DIRECTORY
 *
 * -p: the copy keeps the source's mode (chmod(2), not less the umask)
 * and its access and modify times (utimensat(2)); a directory's are set
 * after its entries are copied in, which would change its modify time.
 *
 * -r: copy directories and all below them: mkdir(2) each, then copy its
 * entries; symbolic links inside are copied as links (readlink then
 * symlink), not followed.
 */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "path.h"
#include "stattime.h"

static int recursive, preserve;
static struct stat made;        /* cp -r's top new directory */

static void usage(void)
{
	fprintf(stderr, "usage: cp [-rp] source dest\n"
		"       cp [-rp] source... directory\n");
	exit(1);
}

static int copy_path(const char *from, const char *to, int top);

static int copy_bytes(int in, int out, const char *from, const char *to)
{
	char buf[8192];
	ssize_t n;

	while ((n = read(in, buf, sizeof(buf))) > 0) {
		for (ssize_t done = 0, w; done < n; done += w) {
			w = write(out, buf + done, n - done);
			if (w < 0) {
				warn("%s", to);
				return 1;
			}
		}
	}
	if (n < 0) {
		warn("%s", from);
		return 1;
	}
	return 0;
}

static int copy_file(const char *from, const char *to, const struct stat *st)
{
	struct stat dest;
	int in, out, status;

	if (stat(to, &dest) == 0 && dest.st_dev == st->st_dev && dest.st_ino == st->st_ino) {
		warnx("'%s' and '%s' are the same file", from, to);
		return 1;
	}
	in = open(from, O_RDONLY);
	if (in < 0) {
		warn("%s", from);
		return 1;
	}
	out = open(to, O_WRONLY | O_CREAT | O_TRUNC, st->st_mode & 07777);
	if (out < 0) {
		warn("%s", to);
		close(in);
		return 1;
	}
	status = copy_bytes(in, out, from, to);
	close(in);
	if (close(out) < 0) {
		warn("%s", to);
		status = 1;
	}
	return status;
}

/* -p: to gets st's mode and times (a link: its times only). */
static int preserve_attributes(const char *to, const struct stat *st)
{
	struct timespec times[2] = {
		{ st->st_atime, NSEC(st, a) }, { st->st_mtime, NSEC(st, m) },
	};

	if ((!S_ISLNK(st->st_mode) && chmod(to, st->st_mode & 07777) < 0) ||
	    utimensat(AT_FDCWD, to, times, AT_SYMLINK_NOFOLLOW) < 0) {
		warn("preserving attributes of %s", to);
		return 1;
	}
	return 0;
}

static int copy_link(const char *from, const char *to)
{
	char target[PATH_MAX];
	ssize_t len = readlink(from, target, sizeof(target) - 1);

	if (len < 0) {
		warn("%s", from);
		return 1;
	}
	target[len] = '\0';
	if (symlink(target, to) < 0) {
		warn("%s", to);
		return 1;
	}
	return 0;
}

static int copy_entry(const char *from, void *to);

static int copy_directory(const char *from, const char *to, const struct stat *st)
{
	struct stat dest;
	int status;

	if (mkdir(to, st->st_mode & 07777) < 0 &&
	    !(errno == EEXIST && stat(to, &dest) == 0 && S_ISDIR(dest.st_mode))) {
		warn("%s", to);
		return 1;
	}
	if (!made.st_ino && stat(to, &made) < 0)
		made.st_ino = 0;
	status = for_each_entry(from, copy_entry, (void *)to);
	if (status < 0)
		warn("%s", from);
	return status != 0;
}

/* dir/name (from for_each_entry, so with a '/') to to/name. */
static int copy_entry(const char *from, void *to)
{
	char *child_to = join_path(to, strrchr(from, '/') + 1);
	int status = copy_path(from, child_to, 0);

	free(child_to);
	return status;
}

/* top: a command-line operand. Without -r those are followed if they
   are links (cp link x copies the file the link names). */
static int copy_path(const char *from, const char *to, int top)
{
	struct stat st;
	int status;

	if (top)                /* a new operand: a new top directory */
		made.st_ino = 0;
	if ((top && !recursive ? stat(from, &st) : lstat(from, &st)) < 0) {
		warn("%s", from);
		return 1;
	}
	if (S_ISDIR(st.st_mode)) {
		if (st.st_ino == made.st_ino && st.st_dev == made.st_dev) {
			/* cp -r a a/b: the copy is inside what is copied */
			warnx("cannot copy a directory into itself, '%s'", to);
			return 1;
		}
		if (!recursive) {
			warnx("-r not specified; omitting directory '%s'", from);
			return 1;
		}
		status = copy_directory(from, to, &st);
	} else if (S_ISLNK(st.st_mode)) {
		status = copy_link(from, to);
	} else {
		status = copy_file(from, to, &st);
	}
	if (preserve && status == 0)
		status = preserve_attributes(to, &st);
	return status;
}

/* An operand: SOURCE to DEST, or into DIR. */
static int copy_operand(const char *from, const char *to)
{
	return copy_path(from, to, 1);
}

int main(int argc, char **argv)
{
	int c;

	while ((c = getopt(argc, argv, "rRp")) != -1) {
		if (c == 'p')
			preserve = 1;
		else if (c == 'r' || c == 'R')
			recursive = 1;
		else
			usage();
	}
	return to_target(argc - optind, argv + optind, copy_operand, usage);
}
