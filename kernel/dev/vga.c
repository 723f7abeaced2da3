/*
 * The VGA text screen: 80x25 cells at physical 0xB8000, each a character
 * byte and a colour byte, and a blinking hardware cursor that the CRT
 * controller draws where its registers say. What goes into the cells is
 * the terminal emulator's business (vt.c), which is handed the screen's
 * memory as its grid; after each write this file moves the hardware
 * cursor to where the emulator left its cursor, and shows or hides it.
 */
#include "dev/dev.h"
#include "dev/vt.h"
#include "arch/arch.h"
#include "mm/mm.h"

#define COLS 80
#define ROWS 25
#define CRTC_INDEX 0x3D4        /* a register's number goes here, */
#define CRTC_DATA  0x3D5        /* then its value here */
#define CRTC_CURSOR_START 0x0A  /* the cursor's top scan line, */
#define CRTC_CURSOR_END   0x0B  /* its bottom one (of the 16 of a cell) */
#define CRTC_CURSOR_HIGH  0x0E  /* the cursor's cell, row * COLS + col */
#define CRTC_CURSOR_LOW   0x0F
#define CURSOR_OFF 0x20         /* in CURSOR_START: no cursor at all */
#define UNDERLINE_START 14      /* an underline: scan lines 14 and 15 */
#define UNDERLINE_END   15

static uint16_t *const screen = (uint16_t *)__va(0xB8000);
static struct vt vt;

static void crtc_write(uint8_t reg, uint8_t val)
{
	outb(CRTC_INDEX, reg);
	outb(CRTC_DATA, val);
}

static void update_cursor(void)
{
	uint16_t pos = (uint16_t)(vt.cur.y * COLS + vt.cur.x);

	crtc_write(CRTC_CURSOR_START, vt.cursor_visible ? UNDERLINE_START
				      : UNDERLINE_START | CURSOR_OFF);
	crtc_write(CRTC_CURSOR_HIGH, pos >> 8);
	crtc_write(CRTC_CURSOR_LOW, pos & 0xFF);
}

/* The cursor's shape is set here, whatever the BIOS or GRUB left. */
void vga_init(void)
{
	vt_init(&vt, screen, ROWS, COLS);
	crtc_write(CRTC_CURSOR_END, UNDERLINE_END);
	update_cursor();
}

void vga_write(const char *buf, size_t n)
{
	vt_write(&vt, buf, n);
	update_cursor();
}
