/*
 * Paths, as the utilities that walk trees (ls -R, rm -r, cp -r, du,
 * find) and those that copy or move into a directory (cp, mv, ln) build
 * them.
 */
#ifndef PATH_H
#define PATH_H
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

/* cp, mv and ln take SOURCE DEST or SOURCE... DIR: is the last of the n
   operands a directory to put the others in? More than two operands
   and it must be. */
static inline int into_directory(int n, char **operands)
{
	struct stat st;
	int is_dir = stat(operands[n - 1], &st) == 0 && S_ISDIR(st.st_mode);

	if (n > 2 && !is_dir)
		errx(1, "target '%s' is not a directory", operands[n - 1]);
	return is_dir;
}

#endif
