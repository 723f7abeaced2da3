/*
 * The text being edited: an array of lines, each its own growable array
 * of bytes without the newline. Every edit the keys make comes down to
 * the five below: a character in or out of a line, a line split in two
 * or two joined into one, a line deleted. Inserting a line moves the
 * ones after it along with memmove: simple, and cheap enough for files
 * of a few thousand lines. (Big editors keep a gap buffer or a piece
 * table instead, and move nothing.)
 */
#include "edit.h"
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Room for at least n elements of size each, growing by doubling so
   that typing a long line costs few reallocs. Out of memory ends the
   editor (err() restores the terminal through atexit). */
static void *grow(void *p, int *cap, int n, size_t size)
{
	if (n <= *cap)
		return p;
	int want = *cap ? *cap : 16;

	while (want < n)
		want *= 2;
	p = realloc(p, want * size);
	if (!p)
		err(1, "out of memory");
	*cap = want;
	return p;
}

static void line_set(struct line *l, const char *s, int len)
{
	l->chars = grow(l->chars, &l->cap, len, 1);
	memcpy(l->chars, s, len);
	l->len = len;
}

/* A new line at index y holding s[0..len). */
static void insert_line(struct buffer *b, int y, const char *s, int len)
{
	b->lines = grow(b->lines, &b->cap, b->nlines + 1, sizeof(struct line));
	memmove(&b->lines[y + 1], &b->lines[y],
		(b->nlines - y) * sizeof(struct line));
	b->lines[y] = (struct line){ NULL, 0, 0 };
	line_set(&b->lines[y], s, len);
	b->nlines++;
}

/* The file's lines; a file that does not exist yet is one empty line,
   and saving makes it. A last line without a newline is kept as one. */
int buffer_load(struct buffer *b, const char *path)
{
	char chunk[4096], *text = NULL;
	int fd, size = 0, cap = 0;
	ssize_t n = 0;

	*b = (struct buffer){ NULL, 0, 0, 0 };
	fd = open(path, O_RDONLY);
	if (fd < 0 && errno != ENOENT)
		return -1;
	while (fd >= 0 && (n = read(fd, chunk, sizeof(chunk))) > 0) {
		text = grow(text, &cap, size + n, 1);
		memcpy(text + size, chunk, n);
		size += n;
	}
	if (fd >= 0 && (n < 0 || close(fd) < 0))
		return -1;
	for (int start = 0; start < size; ) {
		char *nl = memchr(text + start, '\n', size - start);
		int end = nl ? nl - text : size;

		insert_line(b, b->nlines, text + start, end - start);
		start = end + 1;
	}
	if (b->nlines == 0)
		insert_line(b, 0, "", 0);
	free(text);
	return 0;
}

static int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, s, n);

		if (k < 0)
			return -1;
		s += k;
		n -= k;
	}
	return 0;
}

/* Every line with its newline; a buffer of one empty line is an empty
   file. *bytes tells the status line how much was written. */
int buffer_save(struct buffer *b, const char *path, long *bytes)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int empty = b->nlines == 1 && b->lines[0].len == 0;

	if (fd < 0)
		return -1;
	*bytes = 0;
	for (int y = 0; y < b->nlines && !empty; y++) {
		struct line *l = &b->lines[y];

		if (write_all(fd, l->chars, l->len) < 0 ||
		    write_all(fd, "\n", 1) < 0) {
			close(fd);
			return -1;
		}
		*bytes += l->len + 1;
	}
	if (close(fd) < 0)
		return -1;
	b->modified = 0;
	return 0;
}

void buffer_insert_char(struct buffer *b, int y, int x, char c)
{
	struct line *l = &b->lines[y];

	l->chars = grow(l->chars, &l->cap, l->len + 1, 1);
	memmove(l->chars + x + 1, l->chars + x, l->len - x);
	l->chars[x] = c;
	l->len++;
	b->modified = 1;
}

void buffer_delete_char(struct buffer *b, int y, int x)
{
	struct line *l = &b->lines[y];

	memmove(l->chars + x, l->chars + x + 1, l->len - x - 1);
	l->len--;
	b->modified = 1;
}

/* Enter: the part of line y from x on becomes line y + 1. */
void buffer_split_line(struct buffer *b, int y, int x)
{
	struct line *l = &b->lines[y];

	/* insert_line may move the array l points into, but its arguments
	   are read before: the characters themselves stay put. */
	insert_line(b, y + 1, l->chars ? l->chars + x : "", l->len - x);
	b->lines[y].len = x;
	b->modified = 1;
}

/* Line y + 1 is appended to line y (Backspace at a line's start). */
void buffer_join_lines(struct buffer *b, int y)
{
	struct line *l = &b->lines[y], *next = &b->lines[y + 1];

	l->chars = grow(l->chars, &l->cap, l->len + next->len, 1);
	memcpy(l->chars + l->len, next->chars, next->len);
	l->len += next->len;
	buffer_delete_line(b, y + 1);
}

void buffer_delete_line(struct buffer *b, int y)
{
	free(b->lines[y].chars);
	memmove(&b->lines[y], &b->lines[y + 1],
		(b->nlines - y - 1) * sizeof(struct line));
	b->nlines--;
	if (b->nlines == 0)
		insert_line(b, 0, "", 0);
	b->modified = 1;
}
