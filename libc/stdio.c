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
#include <errno.h>
#include "stdio_file.h"
#include "exit_hook.h"

static void flush_all(void)
{
	fflush(NULL);
}

/* The first read or write fixes the buffering: setvbuf may change it
   only before this. From then on exit() must flush. */
static void setup(FILE *f)
{
	__stdio_exit = flush_all;
	if (f->buf)
		return;
	if (f->mode == BUF_AUTO)
		f->mode = isatty(f->fd) ? _IOLBF : _IOFBF;
	if (f->mode != _IONBF) {
		f->buf = malloc(f->size);
		if (f->buf) {
			f->flags |= F_OWNBUF;
			return;
		}
		f->mode = _IONBF;       /* no memory: slow, but it works */
	}
	f->buf = &f->one;
	f->size = 1;
}

int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	if (f->buf || (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)) {
		errno = EINVAL;
		return -1;
	}
	f->mode = mode;
	if (buf && size && mode != _IONBF) {
		f->buf = (unsigned char *)buf;
		f->size = size;
	} else if (size) {
		f->size = size;         /* allocated at the first read or write */
	} else if (!f->size) {
		f->size = BUFSIZ;       /* stderr, made buffered */
	}
	return 0;
}

void setbuf(FILE *f, char *buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

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

/* Forget input read ahead (and a byte given back), moving the file
   offset back to where the program has read up to. */
static void drop_input(FILE *f)
{
	off_t ahead = f->rlen - f->rpos + (f->ungot != EOF);

	if (ahead)
		lseek(f->fd, -ahead, SEEK_CUR);
	f->rpos = f->rlen = 0;
	f->ungot = EOF;
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
		return LOCKED(f, flush_one(f));
	for (f = __stdio_files; f; f = f->next)
		if (f->wlen && LOCKED(f, flush_one(f)))
			r = EOF;
	return r;
}

/* Copy n bytes into f's buffer, sending it on whenever it fills. Returns
   the bytes taken: fewer than n only if a write(2) failed. */
static size_t buffer_bytes(FILE *f, const unsigned char *p, size_t n)
{
	size_t done = 0;

	while (done < n) {
		size_t room = f->size - f->wlen;
		size_t k = n - done < room ? n - done : room;

		memcpy(f->buf + f->wlen, p + done, k);
		f->wlen += k;
		done += k;
		if (f->wlen == f->size && flush_one(f))
			break;
	}
	return done;
}

/* What a line buffered FILE sends at once: up to and including the
   last newline (none if there is none); the rest waits in the buffer. */
static size_t through_last_newline(const unsigned char *p, size_t n)
{
	while (n && p[n - 1] != '\n')
		n--;
	return n;
}

static size_t write_unlocked(const void *buf, size_t size, size_t n,
			     FILE *f)
{
	const unsigned char *p = buf;
	size_t total = size * n, line = 0, done;

	if (!total)
		return 0;                       /* C: nothing asked, 0 written */
	setup(f);
	drop_input(f);
	if (f->mode == _IONBF || total >= f->size)      /* no use copying */
		return flush_one(f) || write_all(f, p, total) ? 0 : n;
	if (f->mode == _IOLBF)
		line = through_last_newline(p, total);
	done = buffer_bytes(f, p, line);
	if (done < line)
		return done / size;
	if (line && flush_one(f))
		return 0;
	done += buffer_bytes(f, p + line, total - line);
	return done / size;
}

size_t fwrite(const void *buf, size_t size, size_t n, FILE *f)
{
	return LOCKED(f, write_unlocked(buf, size, n, f));
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

static int puts_unlocked(const char *s)
{
	return fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF ? EOF : 0;
}

int puts(const char *s)
{
	return LOCKED(stdout, puts_unlocked(s));
}

/* Before reading: pending output goes out first. And before a line
   buffered or unbuffered FILE (stdin at a terminal) waits for input,
   every line buffered FILE (stdout at a terminal) is flushed, as C asks
   and glibc does: a prompt printed without a newline shows before the
   program waits for the answer. */
static int start_reading(FILE *f)
{
	setup(f);
	if (f->wlen && flush_one(f))
		return EOF;
	if (f->mode != _IOFBF)
		for (FILE *o = __stdio_files; o; o = o->next)
			if (o->mode == _IOLBF && o->wlen)
				LOCKED(o, flush_one(o));
	return 0;
}

/* Refill an empty input buffer; return the next byte or EOF. */
static int refill(FILE *f)
{
	ssize_t n;

	if (start_reading(f))
		return EOF;
	n = read(f->fd, f->buf, f->size);
	if (n <= 0) {
		f->flags |= n == 0 ? F_EOF : F_ERR;
		return EOF;
	}
	f->rpos = 1;
	f->rlen = n;
	return f->buf[0];
}

static int getc_unlocked(FILE *f)
{
	int c = f->ungot;

	if (c != EOF) {
		f->ungot = EOF;
		return c;
	}
	if (f->rpos < f->rlen)
		return f->buf[f->rpos++];
	if (f->flags & F_EOF)                   /* C: it stays until clearerr() */
		return EOF;
	return refill(f);
}

int fgetc(FILE *f)
{
	return LOCKED(f, getc_unlocked(f));
}

/* Give back one byte: the next read returns it. It has a place of its
   own, so this works whatever the buffer holds (or if it is unbuffered). */
static int ungetc_unlocked(int c, FILE *f)
{
	if (c == EOF || f->ungot != EOF)
		return EOF;
	f->ungot = (unsigned char)c;
	f->flags &= ~F_EOF;
	return f->ungot;
}

int ungetc(int c, FILE *f)
{
	return LOCKED(f, ungetc_unlocked(c, f));
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

static char *gets_unlocked(char *s, int size, FILE *f)
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

char *fgets(char *s, int size, FILE *f)
{
	return LOCKED(f, gets_unlocked(s, size, f));
}

/* Read up to and including delim into *line, growing it with realloc
   as the line demands. Returns the length, or -1 at end of file. */
static ssize_t getdelim_unlocked(char **line, size_t *cap, int delim,
				 FILE *f)
{
	size_t n = 0;
	int c;

	if (!line || !cap) {
		errno = EINVAL;
		return -1;
	}
	if (!*line)
		*cap = 0;
	do {
		c = fgetc(f);
		if (c == EOF)
			break;
		if (n + 2 > *cap) {             /* room for c and the NUL */
			size_t bigger = *cap ? 2 * *cap : 128;
			char *p = realloc(*line, bigger);

			if (!p) {
				f->flags |= F_ERR;
				return -1;
			}
			*line = p;
			*cap = bigger;
		}
		(*line)[n++] = c;
	} while (c != delim);
	if (n == 0)
		return -1;
	(*line)[n] = '\0';
	return n;
}

ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f)
{
	return LOCKED(f, getdelim_unlocked(line, cap, delim, f));
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
	return getdelim(line, cap, '\n', f);
}

/* What the buffer holds is taken first; a large remainder is then read
   straight into the caller's memory, without copying through buf. */
static size_t read_unlocked(void *buf, size_t size, size_t n, FILE *f)
{
	unsigned char *p = buf;
	size_t total = size * n, got = 0;
	int c;

	if (!total || start_reading(f))
		return 0;
	while (got < total && (f->ungot != EOF || f->rpos < f->rlen ||
			       total - got < f->size)) {
		if ((c = fgetc(f)) == EOF)
			return got / size;
		p[got++] = c;
	}
	while (got < total && !(f->flags & F_EOF)) {
		ssize_t r = read(f->fd, p + got, total - got);

		if (r <= 0) {
			f->flags |= r == 0 ? F_EOF : F_ERR;
			break;
		}
		got += r;
	}
	return got / size;
}

size_t fread(void *buf, size_t size, size_t n, FILE *f)
{
	return LOCKED(f, read_unlocked(buf, size, n, f));
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

void perror(const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, strerror(errno));
	else
		fprintf(stderr, "%s\n", strerror(errno));
}
