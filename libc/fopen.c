/*
 * Opening and closing FILEs. fopen's mode string names one line of C's
 * table of open(2) flags; the FILE gets its buffer at its first read or
 * write (stdio.c). Every open FILE is on one list, so that exit() can
 * flush them all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include "stdio_file.h"

static FILE std_files[3] = {
	{ .fd = 0, .mode = BUF_AUTO, .size = BUFSIZ, .ungot = EOF,
	  .next = &std_files[1] },
	{ .fd = 1, .mode = BUF_AUTO, .size = BUFSIZ, .ungot = EOF,
	  .next = &std_files[2] },
	{ .fd = 2, .mode = _IONBF, .ungot = EOF },      /* errors show at once */
};
FILE *stdin = &std_files[0], *stdout = &std_files[1], *stderr = &std_files[2];
FILE *__stdio_files = &std_files[0];

/* C's table: r, w, a, each optionally with + (and b, which means nothing
   on Unix), into open(2) flags. After the first letter, C11's x (the
   file must be new) and glibc's e (close on exec) add a flag each; other
   letters are ignored, as glibc ignores them. */
static int mode_flags(const char *mode)
{
	static const char *const letters = "rwa";
	static const int flags[2][3] = {
		{ O_RDONLY, O_WRONLY | O_CREAT | O_TRUNC, O_WRONLY | O_CREAT | O_APPEND },
		{ O_RDWR,   O_RDWR | O_CREAT | O_TRUNC,   O_RDWR | O_CREAT | O_APPEND },
	};
	const char *which = mode[0] ? strchr(letters, mode[0]) : NULL;
	int f;

	if (!which) {
		errno = EINVAL;
		return -1;
	}
	f = flags[strchr(mode, '+') != NULL][which - letters];
	if (strchr(mode, 'x'))
		f |= O_EXCL;
	if (strchr(mode, 'e'))
		f |= O_CLOEXEC;
	return f;
}

FILE *fdopen(int fd, const char *mode)
{
	FILE *f;

	if (mode_flags(mode) < 0)
		return NULL;
	f = calloc(1, sizeof(*f));
	if (!f)
		return NULL;
	f->fd = fd;
	f->mode = BUF_AUTO;
	f->size = BUFSIZ;
	f->ungot = EOF;
	f->next = __stdio_files;
	__stdio_files = f;
	return f;
}

FILE *fopen(const char *path, const char *mode)
{
	int flags = mode_flags(mode), fd;
	FILE *f;

	if (flags < 0)
		return NULL;
	fd = open(path, flags, 0666);
	if (fd < 0)
		return NULL;
	f = fdopen(fd, mode);
	if (!f)
		close(fd);
	return f;
}

/* freopen with a path: the new file takes the old descriptor's number,
   so fileno() (and what exec'd children inherit) stays the same. */
static int reopen_path(FILE *f, const char *path, int flags)
{
	int fd;

	close(f->fd);
	fd = open(path, flags, 0666);
	if (fd >= 0 && fd != f->fd) {
		if (dup2(fd, f->fd) < 0) {
			close(fd);
			return -1;
		}
		close(fd);
	}
	return fd < 0 ? -1 : 0;
}

/* freopen with no path: the same open file, in another mode. Only what
   fcntl(F_SETFL) can change changes (appending); the descriptor must
   already allow the reading or writing the new mode asks for. */
static int reopen_mode(FILE *f, int flags)
{
	int now = fcntl(f->fd, F_GETFL), want = flags & O_ACCMODE;

	if (now < 0)
		return -1;
	if (want != (now & O_ACCMODE) && (now & O_ACCMODE) != O_RDWR) {
		errno = EBADF;
		return -1;
	}
	return fcntl(f->fd, F_SETFL, (now & ~O_APPEND) | (flags & O_APPEND));
}

/* The same FILE on another file (how a program sends its stdout to a
   file), or in another mode. On failure the FILE is closed. */
FILE *freopen(const char *path, const char *mode, FILE *f)
{
	int flags = mode_flags(mode);

	fflush(f);
	if (flags < 0 || (path ? reopen_path(f, path, flags) :
			  reopen_mode(f, flags)) < 0) {
		int err = errno;

		fclose(f);
		errno = err;
		return NULL;
	}
	if (f->flags & F_OWNBUF) {      /* buffering decided afresh */
		free(f->buf);
		f->buf = NULL;
		f->mode = BUF_AUTO;
	}
	f->flags = 0;
	return f;
}

int fclose(FILE *f)
{
	int r = fflush(f);
	FILE **link;

	if (close(f->fd) < 0)
		r = EOF;
	for (link = &__stdio_files; *link; link = &(*link)->next) {
		if (*link == f) {
			*link = f->next;
			break;
		}
	}
	if (f->flags & F_OWNBUF)
		free(f->buf);
	if (f < std_files || f >= std_files + 3)
		free(f);
	return r;
}

/* A scratch file nobody else can open: its name is gone at once, so the
   disk space comes back when the FILE is closed, however we end. */
FILE *tmpfile(void)
{
	static unsigned counter;
	char name[48];
	int fd;

	do {
		snprintf(name, sizeof(name), "/tmp/tmpfile.%d.%u", getpid(),
			 counter++);
		fd = open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
	} while (fd < 0 && errno == EEXIST);
	if (fd < 0)
		return NULL;
	unlink(name);
	return fdopen(fd, "w+");
}

/* C's remove: a file or an empty folder. */
int remove(const char *path)
{
	if (unlink(path) == 0)
		return 0;
	if (errno != EISDIR && errno != EPERM)
		return -1;
	return rmdir(path);
}
