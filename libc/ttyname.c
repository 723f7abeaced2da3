/*
 * ttyname: the name of the terminal an fd is open on, found the classic
 * Unix way. A device file holds only a device number (st_rdev), so the
 * name is whichever file in /dev has the same number and is also a
 * character device: we read /dev and stat each entry until one matches.
 */
#include <unistd.h>
#include <dirent.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <sys/stat.h>

int ttyname_r(int fd, char *buf, size_t size)
{
	struct stat tty, st;
	struct dirent *e;
	char path[TTY_NAME_MAX + NAME_MAX];
	DIR *dev;
	int err = ENODEV;               /* a terminal with no name in /dev */

	if (fstat(fd, &tty) < 0)
		return errno;
	if (!isatty(fd))
		return ENOTTY;
	dev = opendir("/dev");
	if (!dev)
		return errno;
	while ((e = readdir(dev))) {
		strcpy(path, "/dev/");
		strlcpy(path + 5, e->d_name, sizeof(path) - 5);
		if (stat(path, &st) < 0 || !S_ISCHR(st.st_mode) ||
		    st.st_rdev != tty.st_rdev)
			continue;
		err = strlcpy(buf, path, size) < size ? 0 : ERANGE;
		break;
	}
	closedir(dev);
	return err;
}

/* The same, in a buffer the next call overwrites; errno on failure. */
char *ttyname(int fd)
{
	static char name[TTY_NAME_MAX];
	int err = ttyname_r(fd, name, sizeof(name));

	if (err) {
		errno = err;
		return NULL;
	}
	return name;
}
