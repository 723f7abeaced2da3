/*
 * A terminal emulator (kernel/dev/vt.c): what a VT100, and every
 * terminal emulator since, does with the bytes a program writes. Most
 * are characters to show; a few are controls (\r, \n, \b, \t); ESC
 * starts an escape sequence that moves the cursor, erases or changes
 * colours. The result is a grid of cells, row by row:
 *
 *   cells[y * cols + x] = character | colour << 8
 *
 * the PC's text-mode format, so that the grid can be the VGA screen's
 * own memory (kernel/dev/vga.c) or, in the host tests, an array. This
 * file knows nothing of the hardware: vga.c shows the cursor where
 * struct vt says it is.
 */
#ifndef _DEV_VT_H
#define _DEV_VT_H

#include "include/types.h"

#define VT_MAX_PARAMS 16        /* ESC [ 1;2;...;16 m: more are dropped */
#define VT_MAX_PARAM  9999      /* ESC [ 99999 A is ESC [ 9999 A */

/* Where the parser is in an escape sequence (vt.c draws the machine). */
enum vt_state {
	VT_GROUND,              /* not in a sequence: text and controls */
	VT_ESCAPE,              /* after ESC */
	VT_ESCAPE_INTERMEDIATE, /* after ESC ( and its like: one more byte */
	VT_CSI_ENTRY,           /* just after ESC [: a private marker? */
	VT_CSI,                 /* after ESC [: parameters, then a letter */
	VT_STRING,              /* after ESC ]: swallowed up to BEL or ESC */
};

/* The cursor: where the next character goes and how it looks. ESC 7
   saves all of it, ESC 8 brings it back. Colours are ANSI's numbers
   (0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan,
   7 white). */
struct vt_cursor {
	int x, y;               /* column and row, from 0 */
	uint8_t fg, bg;
	bool bold, reverse;
};

struct vt {
	uint16_t *cells;
	int rows, cols;
	struct vt_cursor cur, saved;
	/* The last column has been written: the next character goes to the
	   start of the next line first (a VT100's "pending wrap"). Without
	   it, a line that fills the width, then "\r\n", would leave an
	   empty line. */
	bool wrap_next;
	bool cursor_visible;    /* ESC [ ? 25 h / l */

	enum vt_state state;
	int params[VT_MAX_PARAMS];
	int nparam;             /* the parameter being read: 0, 1, ... */
	char private;           /* ESC [ ? ...: '?', else 0 */
	bool ignore;            /* a sequence we do not know: swallow it */
};

/* A blank screen, the cursor at the top left: power on, and ESC c. */
void vt_init(struct vt *vt, uint16_t *cells, int rows, int cols);
/* Show what a program wrote. A sequence may be split across calls. */
void vt_write(struct vt *vt, const char *buf, size_t n);

#endif
