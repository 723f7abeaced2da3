/*
 * mkstemp: make and open a new file from a name ending in "XXXXXX",
 * which become six letters or digits. O_CREAT|O_EXCL makes creating the
 * file and checking it was not there one step, so two processes cannot
 * both get the same name (a separate check first would be a race).
 */
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <errno.h>
#include <unistd.h>

#define TRIES 1000              /* names to try before giving up (EEXIST) */

int mkstemp(char *template)
{
	static const char chars[] =
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static unsigned next;   /* differs per call and per process */
	size_t len = strlen(template);
	char *x = template + len - 6;

	if (len < 6 || strcmp(x, "XXXXXX") != 0) {
		errno = EINVAL;
		return -1;
	}
	for (int try = 0; try < TRIES; try++) {
		unsigned v = (unsigned)getpid() * 2654435761u + next++ * 40503u;
		int fd;

		for (int i = 0; i < 6; i++, v /= 62)
			x[i] = chars[v % 62];
		fd = open(template, O_RDWR | O_CREAT | O_EXCL, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}
