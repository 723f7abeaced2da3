/*
 * Drawing the screen with ANSI (VT100) escape sequences, the language
 * terminals and terminal emulators speak:
 *
 *   ESC [ H        cursor to the top left      ESC [ row ; col H   to there
 *   ESC [ K        erase to the end of the line
 *   ESC [ 2 J      erase the whole screen
 *   ESC [ 7 m      reverse video on            ESC [ m     attributes off
 *   ESC [ ? 25 l   hide the cursor             ESC [ ? 25 h    show it
 *
 * Each frame is the whole screen, top to bottom, built in stdout's buffer
 * (main makes it big and fully buffered) and sent with one fflush, so the
 * terminal never shows half a frame and the cursor does not flicker:
 *
 *   +----------------------------------------+
 *   |int main(void)                          |  rows lines of text, from
 *   |{                                       |  line `top`, column `left`
 *   |~                                       |  ~ past the end of the file
 *   |#hello.c - 3 lines (modified)   2/3, 1 #|  the status line, reversed
 *   |saved 31 bytes                          |  the message line
 *   +----------------------------------------+
 */
#include "edit.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define TAB_STOP 8

/* The screen column where byte x of line l is drawn: a tab reaches the
   next multiple of TAB_STOP. */
int screen_column(const struct line *l, int x)
{
	int col = 0;

	for (int i = 0; i < x; i++)
		col = l->chars[i] == '\t' ? (col / TAB_STOP + 1) * TAB_STOP
					  : col + 1;
	return col;
}

/* Move the window so that the cursor is inside it. */
static void scroll(struct editor *e)
{
	int col = screen_column(&e->buf.lines[e->cy], e->cx);

	if (e->cy < e->top)
		e->top = e->cy;
	if (e->cy >= e->top + e->rows)
		e->top = e->cy - e->rows + 1;
	if (col < e->left)
		e->left = col;
	if (col >= e->left + e->cols)
		e->left = col - e->cols + 1;
}

/* The part of line l between columns left and left + cols; a control
   character shows as '?'. */
static void draw_line(const struct line *l, int left, int cols)
{
	int col = 0;

	for (int i = 0; i < l->len && col < left + cols; i++) {
		char c = l->chars[i];
		int width = c == '\t' ? TAB_STOP - col % TAB_STOP : 1;

		for (int k = 0; k < width; k++, col++)
			if (col >= left && col < left + cols)
				putchar(c == '\t' ? ' ' :
					(unsigned char)c < ' ' || c == 127 ? '?' : c);
	}
}

static void draw_status(struct editor *e)
{
	char left[128], right[32];
	int n, r;

	n = snprintf(left, sizeof(left), "%s - %d line%s%s", e->path,
		     e->buf.nlines, e->buf.nlines == 1 ? "" : "s",
		     e->buf.modified ? " (modified)" : "");
	r = snprintf(right, sizeof(right), "%d/%d, %d", e->cy + 1,
		     e->buf.nlines, screen_column(&e->buf.lines[e->cy],
						  e->cx) + 1);
	if (n > e->cols)
		n = e->cols;
	/* the position at the right end, if it fits beside the name */
	printf("\033[7m%.*s%*s", n, left, e->cols - n,
	       n + r < e->cols ? right : "");
	printf("\033[m\r\n");
}

void screen_draw(struct editor *e)
{
	scroll(e);
	printf("\033[?25l\033[H");
	for (int y = 0; y < e->rows; y++) {
		int row = e->top + y;

		if (row < e->buf.nlines)
			draw_line(&e->buf.lines[row], e->left, e->cols);
		else
			putchar('~');
		printf("\033[K\r\n");
	}
	draw_status(e);
	printf("%.*s\033[K", e->cols, e->message);
	printf("\033[%d;%dH\033[?25h", e->cy - e->top + 1,
	       screen_column(&e->buf.lines[e->cy], e->cx) - e->left + 1);
	fflush(stdout);
}

/* A blank screen, cursor at the top: for leaving, and before ^Z stops
   us. Straight to write(2), since a signal handler calls it. */
void screen_clear(void)
{
	static const char clear[] = "\033[2J\033[H";

	write(STDOUT_FILENO, clear, sizeof(clear) - 1);
}
