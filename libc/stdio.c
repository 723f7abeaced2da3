/*
 * Buffered I/O. Each FILE keeps a buffer in front of its file descriptor:
 * when writing, bytes wait there until it is full (or, for a line
 * buffered FILE, until a newline); when reading, read(2) fills it a
 * block at a time and getc() takes bytes from it. One buffer serves both
 * directions, so before changing direction we flush pending output or
 * give back (seek over) the input read ahead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>

#define F_EOF     1
#define F_ERR     2
#define F_LINEBUF 4             /* flush output at each newline */

struct FILE {
	int fd;
	int flags;
	unsigned char *buf;
	size_t size;                /* 0: unbuffered */
	size_t wlen;                /* output waiting in buf */
	size_t rpos, rlen;          /* input in buf: next byte, end */
	FILE *next;                 /* all open FILEs, for fflush(NULL) */
};

static unsigned char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ];
static FILE files[3] = {
	{ .fd = 0, .buf = stdin_buf, .size = BUFSIZ, .next = &files[1] },
	{ .fd = 1, .buf = stdout_buf, .size = BUFSIZ, .flags = F_LINEBUF,
	  .next = &files[2] },
	{ .fd = 2 },
};
FILE *stdin = &files[0], *stdout = &files[1], *stderr = &files[2];
static FILE *all_files = &files[0];

/* write(2) everything, however many calls it takes. */
static int write_all(FILE *f, const unsigned char *p, size_t n)
{
	while (n) {
		ssize_t w = write(f->fd, p, n);

		if (w <= 0) {
			f->flags |= F_ERR;
			return EOF;
		}
		p += w;
		n -= w;
	}
	return 0;
}

/* Forget input read ahead, moving the file offset back over it. */
static void drop_input(FILE *f)
{
	if (f->rpos < f->rlen)
		lseek(f->fd, -(off_t)(f->rlen - f->rpos), SEEK_CUR);
	f->rpos = f->rlen = 0;
}

static int flush_one(FILE *f)
{
	size_t n = f->wlen;

	drop_input(f);
	f->wlen = 0;
	return write_all(f, f->buf, n);
}

int fflush(FILE *f)
{
	int r = 0;

	if (f)
		return flush_one(f);
	for (f = all_files; f; f = f->next)
		if (f->wlen && flush_one(f))
			r = EOF;
	return r;
}

size_t fwrite(const void *buf, size_t size, size_t n, FILE *f)
{
	const unsigned char *p = buf;
	size_t total = size * n, left = total;

	if (!total)
		return 0;                       /* C: nothing asked, 0 written */
	drop_input(f);
	if (!f->size) {                         /* unbuffered */
		return write_all(f, p, total) ? 0 : n;
	}
	while (left) {
		size_t room = f->size - f->wlen;
		size_t k = left < room ? left : room;

		memcpy(f->buf + f->wlen, p, k);
		f->wlen += k;
		p += k;
		left -= k;
		if (f->wlen == f->size && flush_one(f))
			return (total - left) / (size ? size : 1);
	}
	if ((f->flags & F_LINEBUF) && memchr(buf, '\n', total) && flush_one(f))
		return 0;
	return n;
}

int fputc(int c, FILE *f)
{
	unsigned char ch = c;

	return fwrite(&ch, 1, 1, f) == 1 ? ch : EOF;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fputs(const char *s, FILE *f)
{
	size_t n = strlen(s);

	return fwrite(s, 1, n, f) == n ? 0 : EOF;
}

int puts(const char *s)
{
	return fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF ? EOF : 0;
}

/* Refill an empty input buffer; return the next byte or EOF. */
static int refill(FILE *f)
{
	unsigned char ch;
	unsigned char *dst = f->size ? f->buf : &ch;
	ssize_t n;

	if (f->wlen && flush_one(f))
		return EOF;
	if (f == stdin)
		fflush(stdout);         /* show the prompt before waiting */
	n = read(f->fd, dst, f->size ? f->size : 1);
	if (n <= 0) {
		f->flags |= n == 0 ? F_EOF : F_ERR;
		return EOF;
	}
	if (!f->size)
		return ch;
	f->rpos = 1;
	f->rlen = n;
	return f->buf[0];
}

int fgetc(FILE *f)
{
	if (f->rpos < f->rlen)
		return f->buf[f->rpos++];
	if (f->flags & F_EOF)                   /* C: it stays until clearerr() */
		return EOF;
	return refill(f);
}

/* Give back the byte just read: it goes back into the buffer, so one
   byte can always be given back after a read from a buffered FILE. */
int ungetc(int c, FILE *f)
{
	if (c == EOF || f->rpos == 0)
		return EOF;
	f->buf[--f->rpos] = c;
	f->flags &= ~F_EOF;
	return c;
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

char *fgets(char *s, int size, FILE *f)
{
	int i = 0, c = 0;

	if (size <= 0)
		return NULL;
	while (i < size - 1 && c != '\n' && (c = fgetc(f)) != EOF)
		s[i++] = c;
	if (c == EOF && (i == 0 || ferror(f)))
		return NULL;                    /* nothing read, or an error */
	s[i] = '\0';
	return s;
}

size_t fread(void *buf, size_t size, size_t n, FILE *f)
{
	unsigned char *p = buf;
	size_t total = size * n, got = 0;
	int c;

	while (got < total && (c = fgetc(f)) != EOF)
		p[got++] = c;
	return size ? got / size : 0;
}

int feof(FILE *f)
{
	return f->flags & F_EOF;
}

int ferror(FILE *f)
{
	return f->flags & F_ERR;
}

void clearerr(FILE *f)
{
	f->flags &= ~(F_EOF | F_ERR);
}

int fileno(FILE *f)
{
	return f->fd;
}

/* "r", "w", "a", each optionally with "+", into open(2) flags. */
static int mode_flags(const char *mode)
{
	int plus = strchr(mode, '+') != NULL;

	switch (mode[0]) {
	case 'r':
		return plus ? O_RDWR : O_RDONLY;
	case 'w':
		return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
	case 'a':
		return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
	}
	errno = EINVAL;
	return -1;
}

FILE *fdopen(int fd, const char *mode)
{
	FILE *f;

	if (mode_flags(mode) < 0)
		return NULL;
	f = calloc(1, sizeof(*f) + BUFSIZ);     /* the buffer follows it */
	if (!f)
		return NULL;
	f->fd = fd;
	f->buf = (unsigned char *)(f + 1);
	f->size = BUFSIZ;
	f->next = all_files;
	all_files = f;
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

int fclose(FILE *f)
{
	int r = fflush(f);
	FILE **link;

	if (close(f->fd) < 0)
		r = EOF;
	for (link = &all_files; *link; link = &(*link)->next) {
		if (*link == f) {
			*link = f->next;
			break;
		}
	}
	if (f < files || f >= files + 3)
		free(f);
	return r;
}

void perror(const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, strerror(errno));
	else
		fprintf(stderr, "%s\n", strerror(errno));
}
