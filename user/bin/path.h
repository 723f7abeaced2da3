/*
 * Paths, as the utilities that walk trees (ls -R, rm -r, chmod -R, cp -r,
 * du, find) and those that copy or move into a directory (cp, mv, ln) build
 * them; and the question rm -i and mv -i ask about one.
 */
#ifndef PATH_H
#define PATH_H
#include <dirent.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* "dir/name", in new memory; one '/' even if dir ends with one. */
static inline char *join_path(const char *dir, const char *name)
{
	size_t len = strlen(dir);
	char *path = malloc(len + strlen(name) + 2);

	if (!path)
		err(1, "out of memory");
	sprintf(path, "%s%s%s", dir, len && dir[len - 1] == '/' ? "" : "/", name);
	return path;
}

/* One step of every tree walk (rm -r, chmod -R, cp -r, du, find,
   grep -r): call visit(dir/name, arg) for each entry of dir but "." and
   "..", in the order readdir gives them. Returns the visits' results
   or-ed, or -1 with errno set if dir cannot be opened. */
static inline int for_each_entry(const char *dir,
				 int (*visit)(const char *path, void *arg),
				 void *arg)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int status = 0;

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		char *path;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		path = join_path(dir, e->d_name);
		status |= visit(path, arg);
		free(path);
	}
	closedir(d);
	return status;
}

/* "cp a/b/ dir" puts it at dir/b: the last component of file, without
   the trailing slashes, under dir. */
static inline char *path_in_dir(const char *dir, const char *file)
{
	int len = strlen(file), dir_len = strlen(dir);
	const char *start;
	char *path;

	while (len > 1 && file[len - 1] == '/')
		len--;
	start = file + len;
	while (start > file && start[-1] != '/')
		start--;
	len -= start - file;
	path = malloc(dir_len + len + 2);
	if (!path)
		err(1, "out of memory");
	sprintf(path, "%s%s%.*s", dir, dir_len && dir[dir_len - 1] == '/' ? "" : "/",
		len, start);
	return path;
}

/* -i (rm, mv): ask "QUESTION 'path'? " on standard error; true if the
   answer, a line from standard input, starts with y. */
static inline int confirm(const char *question, const char *path)
{
	char answer[16];

	fprintf(stderr, "%s '%s'? ", question, path);
	return fgets(answer, sizeof(answer), stdin) && (answer[0] == 'y' || answer[0] == 'Y');
}

/* cp, mv and ln take SOURCE DEST or SOURCE... DIR: act(SOURCE, DEST),
   or act(SOURCE, DIR/SOURCE's last component) for each SOURCE when the
   last operand is a directory (with more than two operands it must be).
   Fewer than two operands: a warning, then the program's usage(),
   which exits.
   Returns the results or-ed. */
static inline int to_target(int n, char **operand,
			    int (*act)(const char *from, const char *to),
			    void (*usage)(void))
{
	struct stat st;
	int status = 0;

	if (n < 2) {
		if (n == 0)
			warnx("missing file operand");
		else
			warnx("missing destination file operand after '%s'", operand[0]);
		usage();
	}
	if (stat(operand[n - 1], &st) < 0 || !S_ISDIR(st.st_mode)) {
		if (n > 2)
			errx(1, "target '%s' is not a directory", operand[n - 1]);
		return act(operand[0], operand[1]);
	}
	for (int i = 0; i < n - 1; i++) {
		char *to = path_in_dir(operand[n - 1], operand[i]);

		status |= act(operand[i], to);
		free(to);
	}
	return status;
}

#endif
