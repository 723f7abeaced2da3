/*
 * edit: a small screen editor, in the line of kilo and the early vi.
 *
 * Three parts, one file each, joined by the struct editor below:
 *
 *   buffer.c    the text: an array of lines, each a growable string;
 *               loading, saving, and the few edits everything else is
 *               made of (insert/delete a character, split/join lines)
 *   terminal.c  the terminal: raw mode (termios), its size (TIOCGWINSZ),
 *               suspending with ^Z
 *   screen.c    drawing: the visible lines, the status line and the
 *               message line, in ANSI escape sequences, written at once
 *   keys.c      reading keys (escape sequences for the arrows) and what
 *               each key does
 *   main.c      the loop: draw, read a key, do it
 *
 *      struct editor
 *      +-------------------+        lines[0] -> "#include <stdio.h>"
 *      | buf.lines --------+------> lines[1] -> ""
 *      | buf.nlines = 3    |        lines[2] -> "int main(void)"
 *      | cy, cx  (cursor:  |
 *      |   line, column in |        The screen shows lines top ..
 *      |   the text)       |        top + rows - 1, columns left ..
 *      | top, left (first  |        left + cols - 1 of each; moving
 *      |   line and column |        the cursor off that window
 *      |   on the screen)  |        scrolls it (scroll() in screen.c).
 *      +-------------------+
 */
#ifndef EDIT_H
#define EDIT_H

#include <stddef.h>

struct line {
	char *chars;            /* not NUL-terminated */
	int len;
	int cap;
};

/* Never empty: an empty file is one empty line. */
struct buffer {
	struct line *lines;
	int nlines;
	int cap;
	int modified;           /* changed since loaded or saved */
};

struct editor {
	struct buffer buf;
	const char *path;
	int cy, cx;             /* cursor: line and byte in that line */
	int top, left;          /* the first line and column shown */
	int rows, cols;         /* text rows (the screen less two), columns */
	int quit_warned;        /* ^Q said once with unsaved changes */
	char message[80];       /* the bottom line's note */
};

/* buffer.c */
int buffer_load(struct buffer *b, const char *path);
int buffer_save(struct buffer *b, const char *path, long *bytes);
void buffer_insert_char(struct buffer *b, int y, int x, char c);
void buffer_delete_char(struct buffer *b, int y, int x);
void buffer_split_line(struct buffer *b, int y, int x);
void buffer_join_lines(struct buffer *b, int y);
void buffer_delete_line(struct buffer *b, int y);

/* terminal.c */
void terminal_raw(void);
void terminal_restore(void);
void terminal_size(int *rows, int *cols);
int terminal_getc(char *c, int wait);
int terminal_changed(void);

/* screen.c */
void screen_draw(struct editor *e);
void screen_clear(void);
int screen_column(const struct line *l, int x);

/* keys.c: keys are bytes, or these codes for the keys that send an
   escape sequence */
enum {
	KEY_NONE = -1,          /* no key: a signal came, redraw */
	KEY_UP = 1000, KEY_DOWN, KEY_RIGHT, KEY_LEFT, KEY_HOME, KEY_END,
	KEY_PAGE_UP, KEY_PAGE_DOWN, KEY_DELETE
};
#define CTRL(k) ((k) & 0x1f)    /* ^Q is 'q' & 0x1f = 17 */

int key_read(void);
int key_do(struct editor *e, int key);   /* 0: quit */
void set_message(struct editor *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
