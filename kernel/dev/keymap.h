/*
 * The PS/2 keyboard's scancodes turned into the bytes a terminal sends
 * (kernel/dev/keymap.c): a letter as itself (with Shift, Ctrl and Caps
 * Lock), Enter as CR and Backspace as DEL as Linux's console sends
 * them, and the arrows and the other grey keys as escape sequences. No
 * hardware here: keyboard.c reads the port and hands each byte over;
 * the host tests call keymap_translate() themselves.
 */
#ifndef _DEV_KEYMAP_H
#define _DEV_KEYMAP_H

#include "include/types.h"

#define KEYMAP_MAX 4            /* the most a key types: ESC [ 5 ~ */

/* What the keyboard has said so far. */
struct keyboard_state {
	bool shift, ctrl, caps;
	bool extended;          /* 0xE0 came: the next code is a grey key's */
	int skip;               /* bytes of Pause's sequence still to come */
};

/* One byte from the keyboard: what it types goes to out, and the count
   is returned (often 0: a release, a Shift, a prefix). */
size_t keymap_translate(struct keyboard_state *kb, uint8_t scancode,
			char out[KEYMAP_MAX]);

#endif
