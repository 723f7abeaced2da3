/*
 * cd and pwd, and $PWD: the current folder as the user walked to it.
 *
 * The kernel knows the current folder only as an inode; getcwd() finds
 * a name for it by walking up "..", which follows the real tree. After
 * "cd /tmp/link" (link -> /var/data), getcwd() says /var/data. The shell
 * keeps the path as typed instead (POSIX's "logical" path, what cd and
 * pwd do by default, -L): /tmp/link, and "cd .." goes back to /tmp by
 * taking the last name away, not by following "..".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "sh.h"

/* Is path the folder we are in? (Else $PWD is stale: getcwd it is.) */
static int is_cwd(const char *path)
{
	struct stat a, b;

	return path && path[0] == '/' && stat(path, &a) == 0 &&
	       stat(".", &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* dir seen from the folder pwd, with "." and ".." done by name. */
static char *logical_path(const char *pwd, const char *dir)
{
	char *path = xmalloc(strlen(pwd) + strlen(dir) + 3);
	size_t len = 0;

	if (dir[0] != '/') {
		strcpy(path, pwd);
		len = strlen(path);
	}
	while (*dir) {
		size_t n = strcspn(dir, "/");
		if (n == 2 && !strncmp(dir, "..", 2)) {
			while (len > 0 && path[--len] != '/')
				;               /* drop the last name */
		} else if (n && !(n == 1 && *dir == '.')) {
			if (len == 0 || path[len - 1] != '/')
				path[len++] = '/';
			memcpy(path + len, dir, n);
			len += n;
		}
		dir += n + (dir[n] == '/');
	}
	if (len == 0)
		path[len++] = '/';
	path[len] = 0;
	return path;
}

/* The current folder: $PWD if it still is, else getcwd(). */
char *current_dir(void)
{
	char cwd[1024];

	if (is_cwd(getvar("PWD")))
		return xstrdup(getvar("PWD"));
	return xstrdup(getcwd(cwd, sizeof(cwd)) ? cwd : ".");
}

int b_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : getvar("HOME");
	int dash = dir && !strcmp(dir, "-");

	if (dash)
		dir = getvar("OLDPWD");
	if (!dir) {
		sh_error("cd: %s not set", dash ? "OLDPWD" : "HOME");
		return 1;
	}
	char *old = current_dir();
	char *path = logical_path(old, dir);
	if (chdir(path) < 0 && chdir(dir) < 0) {
		sh_error("cd: %s: %s", dir, strerror(errno));
		free(old), free(path);
		return 1;
	}
	setvar("OLDPWD", old, 0);
	free(old);
	if (!is_cwd(path)) {            /* "cd sub/.." through a link */
		free(path);
		path = current_dir();
	}
	setvar("PWD", path, 0);
	if (dash)
		printf("%s\n", path);
	free(path);
	return 0;
}

int b_pwd(int argc, char **argv)
{
	char *dir = current_dir();

	(void)argc, (void)argv;
	printf("%s\n", dir);
	free(dir);
	return 0;
}
