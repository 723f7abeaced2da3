/*
 * realpath: the absolute path of a file with no "." or ".." and no
 * repeated '/'. A relative path starts from getcwd(). Each component is
 * checked with stat(): a missing one gives ENOENT, a file that is not a
 * directory before a '/' gives ENOTDIR. Sprout has no symbolic links
 * yet, so there are none to follow; ".." simply drops the last
 * component (with links, it would have to be resolved first).
 */
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

char *realpath(const char *path, char *resolved)
{
	char buf[PATH_MAX];
	size_t len = 0;         /* buf[0..len) is the path so far, "" for / */
	struct stat st;

	if (!path || !*path) {
		errno = path ? ENOENT : EINVAL;
		return NULL;
	}
	if (*path != '/') {
		if (!getcwd(buf, sizeof(buf)))
			return NULL;
		len = strcmp(buf, "/") == 0 ? 0 : strlen(buf);
	}
	while (*path) {
		size_t n = strcspn(path, "/");

		if (n == 0 || (n == 1 && path[0] == '.')) {
			/* "//" or "/./": nothing to add */
		} else if (n == 2 && path[0] == '.' && path[1] == '.') {
			while (len > 0 && buf[--len] != '/')
				;
		} else {
			if (len + 1 + n >= PATH_MAX) {
				errno = ENAMETOOLONG;
				return NULL;
			}
			buf[len++] = '/';
			memcpy(buf + len, path, n);
			len += n;
			buf[len] = '\0';
			if (stat(buf, &st) < 0)
				return NULL;
			if (path[n] == '/' && !S_ISDIR(st.st_mode)) {
				errno = ENOTDIR;
				return NULL;
			}
		}
		path += n + (path[n] == '/');
	}
	if (len == 0)
		buf[len++] = '/';
	buf[len] = '\0';
	if (!resolved)
		return strdup(buf);
	return strcpy(resolved, buf);
}
