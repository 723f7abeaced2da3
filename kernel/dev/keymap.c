/*
 * Scancode set 1, the PC keyboard's as the controller hands it to us:
 * one byte per key press (the "make" code) and the same byte plus 0x80
 * when the key is let go (the "break" code). The keys the first PC
 * keyboard did not have (the grey arrows, Home, Delete, right Ctrl ...)
 * send 0xE0 first, then a code; Pause sends E1 1D 45 E1 9D C5.
 *
 * Shift, Ctrl and Caps Lock type nothing: they are remembered and
 * change what the next keys type. Ctrl and a letter is the letter's
 * code & 0x1F: ^C is 3, which the tty's line discipline, not this file,
 * turns into SIGINT (^\ and ^Z too).
 *
 * The keys without a character send what xterm's do, what programs
 * read (user/edit/keys.c) and what the serial line's far end sends:
 *
 *   key                      bytes            scancode after 0xE0
 *   Up Down Right Left       ESC [ A B C D    48 50 4D 4B
 *   Home  End                ESC [ H  ESC [ F 47 4F
 *   Insert  Delete           ESC [ 2 ~  3 ~   52 53
 *   Page Up  Page Down       ESC [ 5 ~  6 ~   49 51
 *
 * The keypad sends the same codes without 0xE0 and is read as those
 * keys: Num Lock off, as Linux's console starts. Its Enter and / (with
 * 0xE0) are Enter and /; other 0xE0 keys (Windows, media) type nothing.
 */
#include "dev/keymap.h"
#include "lib/lib.h"

#define RELEASED    0x80
#define SC_EXTENDED 0xE0
#define SC_PAUSE    0xE1        /* then 1D 45, E1 again, then 9D C5 */
#define SC_LSHIFT   0x2A        /* (after 0xE0: not a key, but a "fake
				   Shift" some keys send around themselves) */
#define SC_RSHIFT   0x36
#define SC_CTRL     0x1D        /* left Ctrl, or right Ctrl after 0xE0 */
#define SC_CAPS     0x3A
#define SC_ENTER    0x1C
#define SC_SLASH    0x35

/* US layout, indexed by scancode: without and with Shift. Backspace is
   DEL and Enter CR, as on Linux's console. */
static const char plain[0x3A] =
	"\0\x1b" "1234567890-=\x7f"
	"\tqwertyuiop[]\r"
	"\0asdfghjkl;'`"
	"\0\\zxcvbnm,./\0*\0 ";
static const char shifted[0x3A] =
	"\0\x1b" "!@#$%^&*()_+\x7f"
	"\tQWERTYUIOP{}\r"
	"\0ASDFGHJKL:\"~"
	"\0|ZXCVBNM<>?\0*\0 ";

/* The keys that type an escape sequence, by scancode. */
static const char *const sequences[0x54] = {
	[0x47] = "\033[H",      /* Home */
	[0x48] = "\033[A",      /* Up */
	[0x49] = "\033[5~",     /* Page Up */
	[0x4B] = "\033[D",      /* Left */
	[0x4D] = "\033[C",      /* Right */
	[0x4F] = "\033[F",      /* End */
	[0x50] = "\033[B",      /* Down */
	[0x51] = "\033[6~",     /* Page Down */
	[0x52] = "\033[2~",     /* Insert */
	[0x53] = "\033[3~",     /* Delete */
};

/* A key with a character: the character, as Shift, Caps Lock and Ctrl
   make it; 0 for none. */
static char character(const struct keyboard_state *kb, uint8_t key)
{
	char c;

	if (key >= sizeof(plain))
		return 0;
	c = kb->shift ? shifted[key] : plain[key];
	if (kb->caps && c >= 'a' && c <= 'z')
		c -= 'a' - 'A';
	else if (kb->caps && c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (kb->ctrl && c >= '@' && c <= '~')
		c &= 0x1F;      /* ^C is 3, ^D is 4, ... */
	return c;
}

size_t keymap_translate(struct keyboard_state *kb, uint8_t scancode,
			char out[KEYMAP_MAX])
{
	uint8_t key = scancode & ~RELEASED;
	bool up = scancode & RELEASED;
	bool extended = kb->extended;
	const char *seq;

	kb->extended = false;
	if (kb->skip) {
		kb->skip--;
		return 0;
	}
	if (scancode == SC_EXTENDED) {
		kb->extended = true;
		return 0;
	}
	if (scancode == SC_PAUSE) {     /* Pause types nothing */
		kb->skip = 2;
		return 0;
	}
	if (key == SC_LSHIFT || key == SC_RSHIFT) {
		if (!extended)
			kb->shift = !up;
	} else if (key == SC_CTRL) {
		kb->ctrl = !up;
	} else if (key == SC_CAPS) {
		if (!up)
			kb->caps = !kb->caps;
	} else if (!up && key < ARRAY_SIZE(sequences) && (seq = sequences[key])) {
		memcpy(out, seq, strlen(seq));
		return strlen(seq);
	} else if (!up && (!extended || key == SC_ENTER || key == SC_SLASH)) {
		out[0] = character(kb, key);
		return out[0] != 0;
	}
	return 0;
}
