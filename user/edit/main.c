/*
 * edit FILE: a screen editor (see edit.h for its parts). The loop every
 * screen editor runs: draw the screen, wait for a key, do what it says.
 */
#include "edit.h"
#include <err.h>
#include <stdio.h>
#include <unistd.h>

/* The window's size: all but the two bottom lines show text. */
static void fit_window(struct editor *e)
{
	int rows, cols;

	terminal_size(&rows, &cols);
	e->rows = rows - 2;
	e->cols = cols;
}

int main(int argc, char **argv)
{
	struct editor e = { .path = argv[1] };

	if (argc != 2) {
		fprintf(stderr, "usage: edit FILE\n");
		return 1;
	}
	if (buffer_load(&e.buf, e.path) < 0)
		err(1, "%s", e.path);
	/* a frame is sent in one write: see screen.c */
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	terminal_raw();
	fit_window(&e);
	set_message(&e, "^S save, ^Q quit, ^K delete a line; arrows or "
		    "^P ^N ^B ^F move");
	for (;;) {
		int key;

		if (terminal_changed())
			fit_window(&e);
		screen_draw(&e);
		key = key_read();
		if (key != KEY_NONE && !key_do(&e, key))
			break;
	}
	screen_clear();
	return 0;
}
