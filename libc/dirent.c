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
#include <errno.h>

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

/* Back to the first entry: the directory's offset to 0, and the records
   read ahead forgotten. */
void rewinddir(DIR *d)
{
	lseek(d->fd, 0, SEEK_SET);
	d->pos = d->len = 0;
}

int dirfd(DIR *d)
{
	return d->fd;
}

int alphasort(const struct dirent **a, const struct dirent **b)
{
	return strcoll((*a)->d_name, (*b)->d_name);
}

static void free_list(struct dirent **list, int n)
{
	while (n > 0)
		free(list[--n]);
	free(list);
}

/* Keep one entry: a copy of it at the end of *list, grown as needed. */
static int keep(struct dirent ***list, int n, int *cap, const struct dirent *e)
{
	struct dirent *copy;

	if (n == *cap) {
		int bigger = *cap ? 2 * *cap : 16;
		struct dirent **p = realloc(*list, bigger * sizeof(*p));

		if (!p)
			return -1;
		*list = p;
		*cap = bigger;
	}
	copy = malloc(sizeof(*copy));
	if (!copy)
		return -1;
	(*list)[n] = memcpy(copy, e, sizeof(*copy));
	return 0;
}

int scandir(const char *path, struct dirent ***out,
	    int (*filter)(const struct dirent *),
	    int (*cmp)(const struct dirent **, const struct dirent **))
{
	DIR *d = opendir(path);
	struct dirent **list = NULL, *e;
	int n = 0, cap = 0, err;

	if (!d)
		return -1;
	for (;;) {
		errno = 0;              /* readdir's NULL: the end, or errno */
		e = readdir(d);
		if (!e) {
			err = errno;
			break;
		}
		if (filter && !filter(e))
			continue;
		if (keep(&list, n, &cap, e) < 0) {
			err = ENOMEM;
			break;
		}
		n++;
	}
	closedir(d);
	if (err) {
		free_list(list, n);
		errno = err;
		return -1;
	}
	if (cmp)
		qsort(list, n, sizeof(*list),
		      (int (*)(const void *, const void *))cmp);
	*out = list;
	return n;
}
