/*
 * The terminal emulator: bytes in, changes to a grid of cells out (see
 * vt.h for the grid). Programs do not draw on the screen; they write
 * bytes, and escape sequences in them, that the terminal interprets.
 * This is the VT100's language as xterm and Linux's console speak it,
 * the part that edit, more, clear and the shell use (docs/tty.md).
 *
 * A byte at a time, through a state machine. A control character
 * (below 0x20) acts wherever it comes, even inside a sequence: ESC
 * starts a new one, CAN (^X) and SUB (^Z) abandon it, the others do
 * what they do (\r \n \b \t) and the sequence goes on.
 *
 *                     ESC, from any state
 *   +--------+ -------------------------------> +--------+
 *   | GROUND |                                  | ESCAPE |
 *   +--------+ <------------------------------- +--------+
 *    text: cells                 7 8 c: do it;   |  |  |
 *    \r \n \b \t: move         others: dropped   |  |  |
 *     ^  ^  ^                                    |  |  |
 *     |  |  |  +---------------------+ ( # ...   |  |  |
 *     |  |  +--| ESCAPE_INTERMEDIATE | <---------+  |  |
 *     |  | the +---------------------+ 0x20-0x2F    |  |
 *     |  | next byte                                |  |
 *     |  |     +--------+ ] P X ^ _ (a title...)    |  |
 *     |  +-----| STRING | <-------------------------+  |
 *     |   BEL  +--------+ swallows all                 |
 *     |                                                |
 *     |        +-----------+ [                         |
 *     |        | CSI_ENTRY | <--------------------------+
 *     |        +-----------+ ? < = >: private (ESC [ ? 25 l)
 *     |              | any other byte: as in CSI
 *     |              v
 *     |        +-----------+ 0-9 ;
 *     +--------|    CSI    | ---+  the numbers, into params[]
 *  a final     +-----------+ <--+
 *  byte @..~: do it
 *
 * What a sequence we do not know does: nothing. It is read to its end
 * and dropped, so that it never shows as stray characters. Numbers are
 * capped (VT_MAX_PARAM) and so are their count (VT_MAX_PARAMS): ESC [
 * 999999999 H is the bottom right corner, nothing worse.
 *
 *   ESC [ n A / B / C / D   cursor up, down, right, left n (1), not off
 *                           the screen
 *   ESC [ row ; col H / f   cursor to row, col (from 1; 1 if left out)
 *   ESC [ n J               erase: 0 cursor to end of screen, 1 start to
 *                           cursor, 2 (and 3) the whole screen
 *   ESC [ n K               the same within the cursor's line
 *   ESC [ n ; ... m         colours (SGR): 0 all off, 1 bold (bright),
 *                           22 not bold, 7 reverse, 27 not reverse,
 *                           30-37 foreground, 40-47 background,
 *                           39 / 49 the default fore-/background
 *   ESC [ ? 25 h / l        show / hide the cursor
 *   ESC [ s, ESC 7          save the cursor (place and colours)
 *   ESC [ u, ESC 8          back to the saved cursor
 *   ESC c                   reset: a blank screen, everything default
 */
#include "dev/vt.h"
#include "lib/lib.h"

#define ESC 0x1b
#define CAN 0x18
#define SUB 0x1a
#define DEL 0x7f
#define TAB_STOP 8
#define DEFAULT_FG 7            /* white (light grey) */
#define DEFAULT_BG 0            /* on black */

/* ANSI's colour numbers as the PC numbers them: its colour bits are
   blue 1, green 2, red 4 (ANSI's are red 1, green 2, blue 4). */
static const uint8_t pc_colour[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };

/* A character as the cursor's colours draw it: the background in the
   colour byte's high half, the foreground in its low half, whose bit 3
   makes it bright (bold). Reverse swaps the two colours. */
static uint16_t cell(const struct vt_cursor *c, uint8_t ch)
{
	uint8_t fg = pc_colour[c->fg], bg = pc_colour[c->bg];

	if (c->reverse) {
		uint8_t t = fg;
		fg = bg;
		bg = t;
	}
	if (c->bold)
		fg |= 8;
	return (uint16_t)((bg << 4 | fg) << 8 | ch);
}

/* Cells [from, to), counted row by row, become blanks. A blank has the
   current colours but neither bold nor reverse (as on Linux's
   console): after ESC [ 44 m, erasing paints blue. */
static void erase(struct vt *vt, int from, int to)
{
	struct vt_cursor colours = { .fg = vt->cur.fg, .bg = vt->cur.bg };
	uint16_t blank = cell(&colours, ' ');

	for (int i = from; i < to; i++)
		vt->cells[i] = blank;
}

/* The cursor to (x, y), kept on the screen. Any move ends a pending
   wrap. */
static void move_to(struct vt *vt, int x, int y)
{
	vt->cur.x = x < 0 ? 0 : x >= vt->cols ? vt->cols - 1 : x;
	vt->cur.y = y < 0 ? 0 : y >= vt->rows ? vt->rows - 1 : y;
	vt->wrap_next = false;
}

/* Down a line; on the last line, everything moves up one and the top
   line is lost (no scrollback). The column stays: \r is a separate
   byte, which the tty's ONLCR adds. */
static void line_feed(struct vt *vt)
{
	int last = (vt->rows - 1) * vt->cols;

	vt->wrap_next = false;
	if (vt->cur.y < vt->rows - 1) {
		vt->cur.y++;
		return;
	}
	memmove(vt->cells, vt->cells + vt->cols, last * sizeof(vt->cells[0]));
	erase(vt, last, last + vt->cols);
}

/* A character at the cursor. In the last column the cursor stays put
   and only the next character goes on to the next line: a full-width
   line followed by \r\n takes one line, not two. */
static void put_char(struct vt *vt, uint8_t ch)
{
	if (vt->wrap_next) {
		vt->cur.x = 0;
		line_feed(vt);
	}
	vt->cells[vt->cur.y * vt->cols + vt->cur.x] = cell(&vt->cur, ch);
	if (vt->cur.x < vt->cols - 1)
		vt->cur.x++;
	else
		vt->wrap_next = true;
}

/* \a, the bell, has nothing to ring; other controls do nothing. */
static void control(struct vt *vt, uint8_t c)
{
	switch (c) {
	case '\r':
		move_to(vt, 0, vt->cur.y);
		break;
	case '\n': case '\v': case '\f':
		line_feed(vt);
		break;
	case '\b':
		move_to(vt, vt->cur.x - 1, vt->cur.y);
		break;
	case '\t':      /* to the next tab stop, or the last column */
		move_to(vt, (vt->cur.x / TAB_STOP + 1) * TAB_STOP, vt->cur.y);
		break;
	}
}

static void restore_cursor(struct vt *vt)
{
	vt->cur = vt->saved;
	vt->wrap_next = false;
}

static void reset(struct vt *vt)
{
	vt->cur = (struct vt_cursor){ .fg = DEFAULT_FG, .bg = DEFAULT_BG };
	vt->saved = vt->cur;
	vt->wrap_next = false;
	vt->cursor_visible = true;
	vt->state = VT_GROUND;
	erase(vt, 0, vt->rows * vt->cols);
}

void vt_init(struct vt *vt, uint16_t *cells, int rows, int cols)
{
	vt->cells = cells;
	vt->rows = rows;
	vt->cols = cols;
	reset(vt);
}

/* The byte after ESC. */
static void escape(struct vt *vt, uint8_t c)
{
	vt->state = VT_GROUND;
	switch (c) {
	case '[':
		vt->state = VT_CSI_ENTRY;
		memset(vt->params, 0, sizeof(vt->params));
		vt->nparam = 0;
		vt->private = 0;
		vt->ignore = false;
		break;
	case ']': case 'P': case 'X': case '^': case '_':
		vt->state = VT_STRING;  /* a window title and its like */
		break;
	case '7':
		vt->saved = vt->cur;
		break;
	case '8':
		restore_cursor(vt);
		break;
	case 'c':
		reset(vt);
		break;
	default:
		if (c < 0x30)   /* ESC ( B (a character set): one more byte */
			vt->state = VT_ESCAPE_INTERMEDIATE;
		break;
	}
}

/* ESC [ J and ESC [ K: erase part of [start, end), the screen or the
   cursor's line: 0 from the cursor on, 1 up to it, 2 all. The cursor
   stays. */
static void erase_in(struct vt *vt, int how, int start, int end)
{
	int here = vt->cur.y * vt->cols + vt->cur.x;

	if (how == 0)
		erase(vt, here, end);
	else if (how == 1)
		erase(vt, start, here + 1);
	else if (how == 2 || how == 3)  /* 3: and the scrollback, none */
		erase(vt, start, end);
	vt->wrap_next = false;
}

/* ESC [ ... m: each parameter changes the colours in turn. */
static void set_graphics(struct vt *vt, int nparams)
{
	struct vt_cursor *c = &vt->cur;

	for (int i = 0; i < nparams; i++) {
		switch (vt->params[i]) {
		case 0:
			c->fg = DEFAULT_FG;
			c->bg = DEFAULT_BG;
			c->bold = c->reverse = false;
			break;
		case 1: c->bold = true; break;
		case 22: c->bold = false; break;
		case 7: c->reverse = true; break;
		case 27: c->reverse = false; break;
		case 30 ... 37: c->fg = vt->params[i] - 30; break;
		case 39: c->fg = DEFAULT_FG; break;
		case 40 ... 47: c->bg = vt->params[i] - 40; break;
		case 49: c->bg = DEFAULT_BG; break;
		case 38: case 48:
			return; /* 256 colours, RGB: the numbers after are theirs */
		}
	}
}

/* ESC [ ? 25 h / l; no other private mode is known. */
static void set_private_mode(struct vt *vt, int nparams, bool on)
{
	for (int i = 0; i < nparams; i++)
		if (vt->params[i] == 25)
			vt->cursor_visible = on;
}

/* A whole CSI sequence has come: do it. */
static void csi_dispatch(struct vt *vt, uint8_t final)
{
	int nparams = vt->nparam < VT_MAX_PARAMS ? vt->nparam + 1 : VT_MAX_PARAMS;
	int n = vt->params[0] ? vt->params[0] : 1;      /* a count: 0 is 1 */
	int x = vt->cur.x, y = vt->cur.y, line = y * vt->cols;

	if (vt->private) {
		if (vt->private == '?' && (final == 'h' || final == 'l'))
			set_private_mode(vt, nparams, final == 'h');
		return;
	}
	switch (final) {
	case 'A': move_to(vt, x, y - n); break;
	case 'B': move_to(vt, x, y + n); break;
	case 'C': move_to(vt, x + n, y); break;
	case 'D': move_to(vt, x - n, y); break;
	case 'H': case 'f':
		move_to(vt, (vt->params[1] ? vt->params[1] : 1) - 1, n - 1);
		break;
	case 'J': erase_in(vt, vt->params[0], 0, vt->rows * vt->cols); break;
	case 'K': erase_in(vt, vt->params[0], line, line + vt->cols); break;
	case 'm': set_graphics(vt, nparams); break;
	case 's': vt->saved = vt->cur; break;
	case 'u': restore_cursor(vt); break;
	}
}

/* A byte of a CSI sequence: a digit, ';' between numbers, or the final
   byte that names the sequence. Anything else makes it one we do not
   know (intermediate bytes, a second private marker, ':'). */
static void csi(struct vt *vt, uint8_t c)
{
	if (c >= '0' && c <= '9') {
		if (vt->nparam < VT_MAX_PARAMS) {
			int *p = &vt->params[vt->nparam];

			*p = *p * 10 + (c - '0');
			if (*p > VT_MAX_PARAM)
				*p = VT_MAX_PARAM;
		}
	} else if (c == ';') {
		if (vt->nparam < VT_MAX_PARAMS)
			vt->nparam++;
	} else if (c >= 0x40 && c <= 0x7e) {
		vt->state = VT_GROUND;
		if (!vt->ignore)
			csi_dispatch(vt, c);
	} else {
		vt->ignore = true;
	}
}

static void vt_byte(struct vt *vt, uint8_t c)
{
	if (c == ESC) {
		vt->state = VT_ESCAPE;
		return;
	}
	if (c == CAN || c == SUB) {
		vt->state = VT_GROUND;
		return;
	}
	if (vt->state == VT_STRING) {
		if (c == '\a')
			vt->state = VT_GROUND;
		return;
	}
	if (c < 0x20) {
		control(vt, c);
		return;
	}
	if (c == DEL)
		return;
	switch (vt->state) {
	case VT_ESCAPE:
		escape(vt, c);
		break;
	case VT_ESCAPE_INTERMEDIATE:
		if (c >= 0x30)  /* the final byte: the sequence is over */
			vt->state = VT_GROUND;
		break;
	case VT_CSI_ENTRY:
		vt->state = VT_CSI;
		if (c >= '<' && c <= '?')
			vt->private = c;
		else
			csi(vt, c);
		break;
	case VT_CSI:
		csi(vt, c);
		break;
	default:                /* VT_GROUND (VT_STRING returned above) */
		put_char(vt, c);
		break;
	}
}

void vt_write(struct vt *vt, const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		vt_byte(vt, (uint8_t)buf[i]);
}
