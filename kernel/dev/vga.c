/*
 * The VGA text screen: 80x25 cells at physical 0xB8000, each a character
 * byte and a colour byte. We keep our own cursor, scroll when it falls off
 * the bottom, and move the blinking hardware cursor to match.
 */
#include "dev/dev.h"
#include "arch/arch.h"
#include "mm/mm.h"
#include "lib/lib.h"

#define COLS 80
#define ROWS 25
#define ATTR 0x07               /* light grey on black */
#define CRTC_INDEX 0x3D4
#define CRTC_DATA  0x3D5

static uint16_t *const screen = (uint16_t *)__va(0xB8000);
static int row, col;

static void move_cursor(void)
{
	uint16_t pos = (uint16_t)(row * COLS + col);

	outb(CRTC_INDEX, 14);
	outb(CRTC_DATA, pos >> 8);
	outb(CRTC_INDEX, 15);
	outb(CRTC_DATA, pos & 0xFF);
}

static void clear_row(int r)
{
	for (int c = 0; c < COLS; c++)
		screen[r * COLS + c] = (ATTR << 8) | ' ';
}

static void scroll(void)
{
	memmove(screen, screen + COLS, (ROWS - 1) * COLS * 2);
	clear_row(ROWS - 1);
	row = ROWS - 1;
}

void vga_init(void)
{
	for (int r = 0; r < ROWS; r++)
		clear_row(r);
	row = col = 0;
	move_cursor();
}

void vga_putc(char c)
{
	switch (c) {
	case '\n':
		col = 0;
		row++;
		break;
	case '\r':
		col = 0;
		break;
	case '\b':
		if (col > 0)
			col--;
		break;
	case '\t':
		col = (col + 8) & ~7;
		break;
	default:
		screen[row * COLS + col] = (ATTR << 8) | (uint8_t)c;
		col++;
	}
	if (col >= COLS) {
		col = 0;
		row++;
	}
	if (row >= ROWS)
		scroll();
	move_cursor();
}
