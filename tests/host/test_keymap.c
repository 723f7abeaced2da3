/* The keyboard's scancodes (set 1) turned into what a terminal sends
   (kernel/dev/keymap.c): bytes in as the controller gives them, the
   typed text out. */
#include <string.h>
#include "check.h"
#include "dev/keymap.h"

#define UP(sc) ((sc) | 0x80)
#define E0 0xE0
#define LSHIFT 0x2A
#define RSHIFT 0x36
#define CTRL 0x1D
#define CAPS 0x3A

static struct keyboard_state kb;
static char typed[256];
static size_t ntyped;

/* Feed scancodes (a list ending in -1); typed[] gets what they type. */
static void keys(const int *sc)
{
	ntyped = 0;
	for (; *sc >= 0; sc++) {
		char out[KEYMAP_MAX + 4];
		size_t n = keymap_translate(&kb, (uint8_t)*sc, out);

		CHECK(n <= KEYMAP_MAX);
		memcpy(typed + ntyped, out, n);
		ntyped += n;
	}
	typed[ntyped] = '\0';
}

#define KEYS(...) keys((const int[]){ __VA_ARGS__, -1 })
#define TYPED(s) (ntyped == sizeof(s) - 1 && memcmp(typed, s, ntyped) == 0)

/* A key pressed and let go. */
#define TAP(sc) (sc), UP(sc)
#define TAP_E0(sc) E0, (sc), E0, UP(sc)

int main(void)
{
	CASE("keymap: letters and digits, a press each; releases type nothing") {
		memset(&kb, 0, sizeof(kb));
		KEYS(TAP(0x23), TAP(0x12), TAP(0x26), TAP(0x26), TAP(0x18),
		     TAP(0x39), TAP(0x02), TAP(0x0B));
		CHECK(TYPED("hello 10"));
	}
	CASE("keymap: Shift, left or right, while held") {
		memset(&kb, 0, sizeof(kb));
		KEYS(LSHIFT, TAP(0x23), UP(LSHIFT), TAP(0x23), RSHIFT, TAP(0x02),
		     TAP(0x1A), UP(RSHIFT), TAP(0x02));
		CHECK(TYPED("Hh!{1"));
	}
	CASE("keymap: Caps Lock turns letters' case until pressed again") {
		memset(&kb, 0, sizeof(kb));
		KEYS(TAP(CAPS), TAP(0x1E), TAP(0x02), LSHIFT, TAP(0x1E),
		     UP(LSHIFT), TAP(CAPS), TAP(0x1E));
		CHECK(TYPED("A1aa"));
	}
	CASE("keymap: Enter is CR, Backspace DEL, Tab and Esc themselves") {
		memset(&kb, 0, sizeof(kb));
		KEYS(TAP(0x1C), TAP(0x0E), TAP(0x0F), TAP(0x01));
		CHECK(TYPED("\r\x7f\t\x1b"));
	}
	CASE("keymap: Ctrl and a letter: ^C ^D ^Z ^\\ ^Q") {
		memset(&kb, 0, sizeof(kb));
		KEYS(CTRL, TAP(0x2E), TAP(0x20), TAP(0x2C), TAP(0x2B), TAP(0x10),
		     UP(CTRL), TAP(0x2E));
		CHECK(TYPED("\x03\x04\x1a\x1c\x11" "c"));
	}
	CASE("keymap: right Ctrl (0xE0 0x1D) is Ctrl too") {
		memset(&kb, 0, sizeof(kb));
		KEYS(E0, CTRL, TAP(0x2E), E0, UP(CTRL), TAP(0x2E));
		CHECK(TYPED("\x03" "c"));
	}
	CASE("keymap: the arrows send ESC [ A, B, C, D") {
		memset(&kb, 0, sizeof(kb));
		KEYS(TAP_E0(0x48), TAP_E0(0x50), TAP_E0(0x4D), TAP_E0(0x4B));
		CHECK(TYPED("\033[A\033[B\033[C\033[D"));
	}
	CASE("keymap: Home, End, Insert, Delete, Page Up, Page Down") {
		memset(&kb, 0, sizeof(kb));
		KEYS(TAP_E0(0x47), TAP_E0(0x4F), TAP_E0(0x52), TAP_E0(0x53),
		     TAP_E0(0x49), TAP_E0(0x51));
		CHECK(TYPED("\033[H\033[F\033[2~\033[3~\033[5~\033[6~"));
	}
	CASE("keymap: the keypad's arrows (no 0xE0) send the same") {
		memset(&kb, 0, sizeof(kb));
		KEYS(TAP(0x48), TAP(0x4B), TAP(0x53));
		CHECK(TYPED("\033[A\033[D\033[3~"));
	}
	CASE("keymap: a held arrow repeats (presses without releases)") {
		memset(&kb, 0, sizeof(kb));
		KEYS(E0, 0x4D, E0, 0x4D, E0, 0x4D, E0, UP(0x4D));
		CHECK(TYPED("\033[C\033[C\033[C"));
	}
	CASE("keymap: 0xE0 is for one code only; a letter after an arrow") {
		memset(&kb, 0, sizeof(kb));
		KEYS(TAP_E0(0x48), TAP(0x1E));
		CHECK(TYPED("\033[Aa"));
	}
	CASE("keymap: the keypad's Enter and / (0xE0) are Enter and /") {
		memset(&kb, 0, sizeof(kb));
		KEYS(TAP_E0(0x1C), TAP_E0(0x35));
		CHECK(TYPED("\r/"));
	}
	CASE("keymap: a fake Shift (0xE0 0x2A) around a grey key is no Shift") {
		memset(&kb, 0, sizeof(kb));
		KEYS(E0, LSHIFT, E0, 0x52, E0, UP(0x52), E0, UP(LSHIFT), TAP(0x1E));
		CHECK(TYPED("\033[2~a"));
		CHECK(!kb.shift);
	}
	CASE("keymap: other 0xE0 keys (Windows, media) type nothing") {
		memset(&kb, 0, sizeof(kb));
		KEYS(TAP_E0(0x5B), TAP_E0(0x20), TAP_E0(0x10));
		CHECK(ntyped == 0);
	}
	CASE("keymap: Pause (0xE1 ...) types nothing and presses no Ctrl") {
		memset(&kb, 0, sizeof(kb));
		KEYS(0xE1, 0x1D, 0x45, 0xE1, 0x9D, 0xC5, TAP(0x2E));
		CHECK(TYPED("c"));
	}
	CASE("keymap: codes past the table (F1, keypad 5) type nothing") {
		memset(&kb, 0, sizeof(kb));
		KEYS(TAP(0x3B), TAP(0x4C), TAP(0x58), 0xFA, 0x00);
		CHECK(ntyped == 0);
	}
	return 0;
}
