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
#define CRTC_CURSOR_START 0x0A  /* bit 5 switches the cursor off */
#define CRTC_CURSOR_HIGH  0x0E  /* the cursor's cell, row * COLS + col */
#define CRTC_CURSOR_LOW   0x0F
#define CURSOR_OFF 0x20

static uint16_t *const screen = (uint16_t *)__va(0xB8000);
static struct vt vt;
static bool cursor_hidden;

static void crtc_write(uint8_t reg, uint8_t val)
{
	outb(CRTC_INDEX, reg);
	outb(CRTC_DATA, val);
}

static uint8_t crtc_read(uint8_t reg)
{
	outb(CRTC_INDEX, reg);
	return inb(CRTC_DATA);
}

static void update_cursor(void)
{
	uint16_t pos = (uint16_t)(vt.cur.y * COLS + vt.cur.x);

	if (cursor_hidden == vt.cursor_visible) {
		uint8_t start = crtc_read(CRTC_CURSOR_START);

		cursor_hidden = !vt.cursor_visible;
		crtc_write(CRTC_CURSOR_START, cursor_hidden ? start | CURSOR_OFF
							   : start & ~CURSOR_OFF);
	}
	crtc_write(CRTC_CURSOR_HIGH, pos >> 8);
	crtc_write(CRTC_CURSOR_LOW, pos & 0xFF);
}

void vga_init(void)
{
	vt_init(&vt, screen, ROWS, COLS);
	cursor_hidden = true;   /* maybe, by the BIOS or GRUB: switch it on */
	update_cursor();
}

void vga_write(const char *buf, size_t n)
{
	vt_write(&vt, buf, n);
	update_cursor();
}
