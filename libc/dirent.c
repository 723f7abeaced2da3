/*
 * Directories are read with getdents64(2), which fills a buffer with
 * variable-length records (struct linux_dirent64). A DIR holds one such
 * buffer; readdir() walks it and asks for more when it is used up.
 */
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

struct DIR {
	int fd;
	int pos, len;               /* next record, end of the records */
	struct dirent entry;        /* what readdir() returns */
	char buf[2048];
};

DIR *opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY);
	DIR *d;

	if (fd < 0)
		return NULL;
	d = calloc(1, sizeof(*d));
	if (!d) {
		close(fd);
		return NULL;
	}
	d->fd = fd;
	return d;
}

struct dirent *readdir(DIR *d)
{
	struct linux_dirent64 *rec;

	if (d->pos >= d->len) {
		d->len = getdents64(d->fd, d->buf, sizeof(d->buf));
		d->pos = 0;
		if (d->len <= 0)
			return NULL;    /* the end (0), or an error in errno */
	}
	rec = (struct linux_dirent64 *)(d->buf + d->pos);
	d->pos += rec->d_reclen;
	d->entry.d_ino = rec->d_ino;
	d->entry.d_off = rec->d_off;
	d->entry.d_reclen = sizeof(d->entry);
	d->entry.d_type = rec->d_type;
	strlcpy(d->entry.d_name, rec->d_name, sizeof(d->entry.d_name));
	return &d->entry;
}

int closedir(DIR *d)
{
	int r = close(d->fd);

	free(d);
	return r;
}
