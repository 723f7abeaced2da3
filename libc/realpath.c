/*
 * realpath: the absolute path of a file with no "." or "..", no
 * repeated '/' and no symbolic link. A relative path starts from
 * getcwd(). Each component is checked with lstat(): a missing one gives
 * ENOENT, a file that is not a directory before a '/' gives ENOTDIR.
 *
 * A component that is a symbolic link is replaced by its text, which is
 * then walked like the rest of the path: from "/" if the text is
 * absolute, else from the link's folder. Because the path built so far
 * never holds a link, ".." can simply drop its last component. More
 * than SYMLOOP_MAX links is ELOOP, as the kernel says for a cycle.
 */
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <errno.h>
#include <unistd.h>
#include <sys/stat.h>

/*
 * In rest, put the text of the link at buf in place of the component
 * that ends at rest + used. -1 if it will not fit.
 */
static int splice_link(const char *buf, char *rest, size_t used)
{
	char target[PATH_MAX];
	ssize_t tlen = readlink(buf, target, sizeof(target));
	size_t left = strlen(rest + used);

	if (tlen < 0)
		return -1;
	if ((size_t)tlen + left >= PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memmove(rest + tlen, rest + used, left + 1);
	memcpy(rest, target, tlen);
	return 0;
}

char *realpath(const char *path, char *resolved)
{
	char buf[PATH_MAX];     /* the resolved path so far */
	char rest[PATH_MAX];    /* what is left to walk */
	size_t len = 0;         /* buf[0..len) is the path so far, "" for / */
	const char *p = rest;
	int links = 0;
	struct stat st;

	if (!path || !*path) {
		errno = path ? ENOENT : EINVAL;
		return NULL;
	}
	if (strlen(path) >= sizeof(rest)) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	strcpy(rest, path);
	if (*path != '/') {
		if (!getcwd(buf, sizeof(buf)))
			return NULL;
		len = strcmp(buf, "/") == 0 ? 0 : strlen(buf);
	}
	while (*p) {
		size_t n = strcspn(p, "/"), before = len;

		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* "//" or "/./": nothing to add */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (len > 0 && buf[--len] != '/')
				;
		} else {
			if (len + 1 + n >= PATH_MAX) {
				errno = ENAMETOOLONG;
				return NULL;
			}
			buf[len++] = '/';
			memcpy(buf + len, p, n);
			len += n;
			buf[len] = '\0';
			if (lstat(buf, &st) < 0)
				return NULL;
			if (S_ISLNK(st.st_mode)) {
				if (++links > SYMLOOP_MAX) {
					errno = ELOOP;
					return NULL;
				}
				if (splice_link(buf, rest, p - rest + n) < 0)
					return NULL;
				len = rest[0] == '/' ? 0 : before;
				p = rest;
				continue;
			}
			if (p[n] == '/' && !S_ISDIR(st.st_mode)) {
				errno = ENOTDIR;
				return NULL;
			}
		}
		p += n + (p[n] == '/');
	}
	if (len == 0)
		buf[len++] = '/';
	buf[len] = '\0';
	if (!resolved)
		return strdup(buf);
	return strcpy(resolved, buf);
}
