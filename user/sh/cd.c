/*
 * cd and pwd, and $PWD: the current folder as the user walked to it.
 *
 * The kernel knows the current folder only as an inode; getcwd() finds
 * a name for it by walking up "..", which follows the real tree. After
 * "cd /tmp/link" (link -> /var/data), getcwd() says /var/data. The shell
 * keeps the path as typed instead (POSIX's "logical" path, what cd and
 * pwd do by default, -L): /tmp/link, and "cd .." goes back to /tmp by
 * taking the last name away, not by following "..". -P asks for the
 * physical path instead: cd -P follows the links and pwd -P asks getcwd().
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

/* The current folder as the kernel names it, by climbing "..". */
static char *physical_dir(void)
{
	char cwd[1024];

	return xstrdup(getcwd(cwd, sizeof(cwd)) ? cwd : ".");
}

/* The current folder: $PWD if it still is, else getcwd(). */
char *current_dir(void)
{
	if (is_cwd(getvar("PWD")))
		return xstrdup(getvar("PWD"));
	return physical_dir();
}

/* The options -L and -P, the last one winning: is it -P? 0 or 1; or -1
   after saying which one is not known. *argi: the first operand. */
static int physical_option(const char *cmd, char **argv, int *argi)
{
	int physical = 0, i;

	for (i = 1; argv[i] && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *c = argv[i] + 1; *c; c++) {
			if (*c != 'L' && *c != 'P') {
				sh_error("%s: -%c: invalid option", cmd, *c);
				sh_error("%s: usage: %s [-LP]%s", cmd, cmd,
					 cmd[0] == 'c' ? " [dir]" : "");
				return -1;
			}
			physical = *c == 'P';
		}
	}
	*argi = i;
	return physical;
}

int b_cd(int argc, char **argv)
{
	int i, physical = physical_option("cd", argv, &i);
	const char *dir = i < argc ? argv[i] : getvar("HOME");
	int dash = dir && !strcmp(dir, "-");

	if (physical < 0)
		return 2;

	if (dash)
		dir = getvar("OLDPWD");
	if (!dir) {
		sh_error("cd: %s not set", dash ? "OLDPWD" : "HOME");
		return 1;
	}
	char *old = current_dir();
	char *path = physical ? xstrdup(dir) : logical_path(old, dir);
	if (chdir(path) < 0 && chdir(dir) < 0) {
		sh_error("cd: %s: %s", dir, strerror(errno));
		free(old), free(path);
		return 1;
	}
	setvar("OLDPWD", old, 0);
	free(old);
	if (physical || !is_cwd(path)) {   /* or "cd sub/.." through a link */
		free(path);
		path = physical_dir();
	}
	setvar("PWD", path, 0);
	if (dash)
		printf("%s\n", path);
	free(path);
	return 0;
}

int b_pwd(int argc, char **argv)
{
	int i, physical = physical_option("pwd", argv, &i);
	char *dir;

	(void)argc;
	if (physical < 0)
		return 2;
	dir = physical ? physical_dir() : current_dir();
	printf("%s\n", dir);
	free(dir);
	return 0;
}
