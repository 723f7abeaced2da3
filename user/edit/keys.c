/*
 * The keys: reading them, and what each does.
 *
 * Most keys are one byte: a letter is itself, ^Q is 'q' & 0x1f (17),
 * Enter is '\r' (raw mode does not turn it into '\n'), Backspace is DEL
 * (127). The arrows and their like send an escape sequence, ESC [ and a
 * letter or a number and '~', which key_read() turns into one KEY_ code:
 *
 *   ESC [ A  up     ESC [ B  down   ESC [ C  right   ESC [ D  left
 *   ESC [ H  home   ESC [ F  end    (ESC O x: the same, in another mode)
 *   ESC [ 1 ~ / 7 ~ home     ESC [ 4 ~ / 8 ~ end     ESC [ 3 ~ delete
 *   ESC [ 5 ~ page up        ESC [ 6 ~ page down
 *
 * The commands, emacs-like where there is no arrow key:
 *
 *   ^S save        ^Q quit (twice if there are unsaved changes)
 *   ^P ^N ^B ^F    up, down, left, right    ^A ^E  start, end of the line
 *   ^D / Delete    delete the character under the cursor
 *   ^K             delete the line          ^Z  suspend (fg brings it back)
 */
#include "edit.h"
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void set_message(struct editor *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e->message, sizeof(e->message), fmt, ap);
	va_end(ap);
}

/* The rest of an escape sequence, ESC already read. */
static int escape_sequence(void)
{
	char seq[3];

	if (terminal_getc(&seq[0], 0) != 1 || terminal_getc(&seq[1], 0) != 1)
		return '\033';
	if (seq[0] == '[' && seq[1] >= '0' && seq[1] <= '9') {
		if (terminal_getc(&seq[2], 0) != 1 || seq[2] != '~')
			return '\033';
		switch (seq[1]) {
		case '1': case '7': return KEY_HOME;
		case '4': case '8': return KEY_END;
		case '3': return KEY_DELETE;
		case '5': return KEY_PAGE_UP;
		case '6': return KEY_PAGE_DOWN;
		}
	} else if (seq[0] == '[' || seq[0] == 'O') {
		switch (seq[1]) {
		case 'A': return KEY_UP;
		case 'B': return KEY_DOWN;
		case 'C': return KEY_RIGHT;
		case 'D': return KEY_LEFT;
		case 'H': return KEY_HOME;
		case 'F': return KEY_END;
		}
	}
	return '\033';
}

/* The next key, or KEY_NONE if a signal came first. */
int key_read(void)
{
	char c;
	int n = terminal_getc(&c, 1);

	if (n < 0 && errno == EINTR)
		return KEY_NONE;
	if (n <= 0)             /* the terminal is gone: nobody to ask */
		exit(1);
	return c == '\033' ? escape_sequence() : (unsigned char)c;
}

static struct line *cursor_line(struct editor *e)
{
	return &e->buf.lines[e->cy];
}

/* Up or down by n lines (n < 0: up), staying inside the text, the
   column clipped to the new line's end. */
static void move_lines(struct editor *e, int n)
{
	e->cy += n;
	if (e->cy < 0)
		e->cy = 0;
	if (e->cy >= e->buf.nlines)
		e->cy = e->buf.nlines - 1;
	if (e->cx > cursor_line(e)->len)
		e->cx = cursor_line(e)->len;
}

/* Left or right by one; off a line's end onto the next line's start. */
static void move_left(struct editor *e)
{
	if (e->cx > 0) {
		e->cx--;
	} else if (e->cy > 0) {
		e->cy--;
		e->cx = cursor_line(e)->len;
	}
}

static void move_right(struct editor *e)
{
	if (e->cx < cursor_line(e)->len) {
		e->cx++;
	} else if (e->cy < e->buf.nlines - 1) {
		e->cy++;
		e->cx = 0;
	}
}

/* Backspace: the character before the cursor goes; at a line's start,
   the line joins the one above. */
static void backspace(struct editor *e)
{
	if (e->cx > 0) {
		buffer_delete_char(&e->buf, e->cy, --e->cx);
	} else if (e->cy > 0) {
		e->cx = e->buf.lines[e->cy - 1].len;
		buffer_join_lines(&e->buf, --e->cy);
	}
}

/* Delete: the character under the cursor goes; at a line's end, the
   next line joins this one. */
static void delete(struct editor *e)
{
	if (e->cx < cursor_line(e)->len)
		buffer_delete_char(&e->buf, e->cy, e->cx);
	else if (e->cy < e->buf.nlines - 1)
		buffer_join_lines(&e->buf, e->cy);
}

static void save(struct editor *e)
{
	long bytes;

	if (buffer_save(&e->buf, e->path, &bytes) < 0)
		set_message(e, "cannot save %s: %s", e->path, strerror(errno));
	else
		set_message(e, "wrote %ld bytes to %s", bytes, e->path);
}

/* ^Q: with unsaved changes, only a warning the first time. */
static int quit(struct editor *e)
{
	if (e->buf.modified && !e->quit_warned) {
		set_message(e, "unsaved changes: ^S saves them, ^Q again "
			    "quits without");
		e->quit_warned = 1;
		return 1;
	}
	return 0;
}

/* Do what the key says; 0 when it says quit. */
int key_do(struct editor *e, int key)
{
	if (key == CTRL('q'))
		return quit(e);
	e->quit_warned = 0;
	e->message[0] = '\0';
	switch (key) {
	case CTRL('s'): save(e); break;
	case KEY_UP: case CTRL('p'): move_lines(e, -1); break;
	case KEY_DOWN: case CTRL('n'): move_lines(e, 1); break;
	case KEY_PAGE_UP: move_lines(e, -e->rows); break;
	case KEY_PAGE_DOWN: move_lines(e, e->rows); break;
	case KEY_LEFT: case CTRL('b'): move_left(e); break;
	case KEY_RIGHT: case CTRL('f'): move_right(e); break;
	case KEY_HOME: case CTRL('a'): e->cx = 0; break;
	case KEY_END: case CTRL('e'): e->cx = cursor_line(e)->len; break;
	case '\r':
		buffer_split_line(&e->buf, e->cy++, e->cx);
		e->cx = 0;
		break;
	case 127: case CTRL('h'): backspace(e); break;
	case KEY_DELETE: case CTRL('d'): delete(e); break;
	case CTRL('k'):
		buffer_delete_line(&e->buf, e->cy);
		move_lines(e, 0);
		break;
	case CTRL('z'): raise(SIGTSTP); break;
	default:
		if (key == '\t' || (key >= ' ' && key < 256))
			buffer_insert_char(&e->buf, e->cy, e->cx++, key);
		break;
	}
	return 1;
}
