/* The terminal emulator (kernel/dev/vt.c) on an array of cells: bytes
   in, then a look at the characters, their colours and the cursor. */
#include <string.h>
#include "check.h"
#include "dev/vt.h"

#define ROWS 25
#define COLS 80
#define PLAIN 0x07              /* light grey on black */
#define REVERSED 0x70           /* black on light grey */

static uint16_t cells[ROWS * COLS];
static struct vt vt;

static void fresh(void)
{
	memset(cells, 0xAB, sizeof(cells));     /* vt_init must blank them */
	vt_init(&vt, cells, ROWS, COLS);
}

static void out(const char *s)
{
	vt_write(&vt, s, strlen(s));
}

static char ch(int y, int x)
{
	return (char)(cells[y * COLS + x] & 0xFF);
}

static int colour(int y, int x)
{
	return cells[y * COLS + x] >> 8;
}

/* Row y's characters, without its trailing blanks. */
static const char *row(int y)
{
	static char text[COLS + 1];
	int n = COLS;

	for (int x = 0; x < COLS; x++)
		text[x] = ch(y, x);
	while (n > 0 && text[n - 1] == ' ')
		n--;
	text[n] = '\0';
	return text;
}

static bool at(int y, int x)
{
	return vt.cur.y == y && vt.cur.x == x;
}

static bool blank_rows(int from, int to)
{
	for (int y = from; y < to; y++)
		for (int x = 0; x < COLS; x++)
			if (cells[y * COLS + x] != (PLAIN << 8 | ' '))
				return false;
	return true;
}

/* The whole screen filled with a letter per row: 'a' on row 0 ... */
static void fill(void)
{
	for (int y = 0; y < ROWS; y++)
		for (int x = 0; x < COLS; x++)
			cells[y * COLS + x] = PLAIN << 8 | ('a' + y % 26);
}

static void test_text_and_controls(void)
{
	CASE("vt: a blank screen, the cursor top left and shown") {
		fresh();
		CHECK(blank_rows(0, ROWS));
		CHECK(at(0, 0));
		CHECK(vt.cursor_visible);
	}
	CASE("vt: text, then \\r\\n starts the next line") {
		fresh();
		out("hello\r\nworld");
		CHECK(strcmp(row(0), "hello") == 0);
		CHECK(strcmp(row(1), "world") == 0);
		CHECK(colour(0, 0) == PLAIN);
		CHECK(at(1, 5));
	}
	CASE("vt: \\n alone goes down in the same column, \\r goes back") {
		fresh();
		out("ab\ncd\rX");
		CHECK(strcmp(row(0), "ab") == 0);
		CHECK(strcmp(row(1), "X cd") == 0);
		CHECK(at(1, 1));
	}
	CASE("vt: \\b goes left and stops at the margin") {
		fresh();
		out("abc\b\bX\b\b\b\bY");
		CHECK(strcmp(row(0), "YXc") == 0);
		CHECK(at(0, 1));
	}
	CASE("vt: \\t goes to the next multiple of 8, at most the last column") {
		fresh();
		out("a\tb\t\tc");
		CHECK(strcmp(row(0), "a       b               c") == 0);
		out("\r\t\t\t\t\t\t\t\t\t\t\t");
		CHECK(at(0, COLS - 1));
	}
	CASE("vt: \\a and other control characters show nothing") {
		fresh();
		out("a\a\001\002\016\017\177b");
		CHECK(strcmp(row(0), "ab") == 0);
		CHECK(at(0, 2));
	}
	CASE("vt: bytes from 0x80 up are characters (the PC's glyphs)") {
		fresh();
		out("\xc4\xb3");
		CHECK((uint8_t)ch(0, 0) == 0xc4 && (uint8_t)ch(0, 1) == 0xb3);
	}
}

static void test_wrap_and_scroll(void)
{
	char line[COLS + 1];

	memset(line, 'x', COLS);
	line[COLS] = '\0';
	CASE("vt: a full line, then \\r\\n, takes one line (pending wrap)") {
		fresh();
		out(line);
		CHECK(at(0, COLS - 1));
		CHECK(vt.wrap_next);
		out("\r\nnext");
		CHECK(strcmp(row(1), "next") == 0);
		CHECK(blank_rows(2, ROWS));
	}
	CASE("vt: the 81st character goes to the start of the next line") {
		fresh();
		out(line);
		out("yz");
		CHECK(ch(0, COLS - 1) == 'x');
		CHECK(strcmp(row(1), "yz") == 0);
		CHECK(at(1, 2));
	}
	CASE("vt: a cursor move ends a pending wrap") {
		fresh();
		out(line);
		out("\033[D!");
		CHECK(ch(0, COLS - 2) == '!');
		CHECK(blank_rows(1, ROWS));
	}
	CASE("vt: ESC [ K after a full line erases its last cell (as xterm)") {
		fresh();
		out(line);
		out("\033[K\r\n");
		CHECK(ch(0, COLS - 2) == 'x' && ch(0, COLS - 1) == ' ');
		CHECK(at(1, 0));
	}
	CASE("vt: \\n on the last line scrolls: the top line goes") {
		fresh();
		fill();
		out("\033[25;1H\n");
		CHECK(ch(0, 0) == 'b' && ch(0, COLS - 1) == 'b');
		CHECK(ch(ROWS - 2, 0) == 'y');
		CHECK(blank_rows(ROWS - 1, ROWS));
		CHECK(at(ROWS - 1, 0));
	}
	CASE("vt: wrapping past the bottom right scrolls too") {
		fresh();
		out("\033[25;80HAB");
		CHECK(ch(ROWS - 2, COLS - 1) == 'A');
		CHECK(strcmp(row(ROWS - 1), "B") == 0);
	}
	CASE("vt: the new line scrolled in takes the current background") {
		fresh();
		out("\033[25;1H\033[44m\n");
		CHECK(colour(ROWS - 1, 0) == 0x17);
		CHECK(colour(ROWS - 2, 0) == PLAIN);
	}
}

static void test_cursor(void)
{
	CASE("vt: ESC [ n A B C D move n, 1 without a number or with 0") {
		fresh();
		out("\033[10;10H\033[3A");
		CHECK(at(6, 9));
		out("\033[B");
		CHECK(at(7, 9));
		out("\033[0C");
		CHECK(at(7, 10));
		out("\033[5D\033[2B");
		CHECK(at(9, 5));
	}
	CASE("vt: cursor moves stop at the edges") {
		fresh();
		out("\033[5;5H\033[100A");
		CHECK(at(0, 4));
		out("\033[100D");
		CHECK(at(0, 0));
		out("\033[100B");
		CHECK(at(ROWS - 1, 0));
		out("\033[100C");
		CHECK(at(ROWS - 1, COLS - 1));
	}
	CASE("vt: ESC [ row ; col H counts from 1; left out or 0 is 1") {
		fresh();
		out("\033[3;7H");
		CHECK(at(2, 6));
		out("\033[H");
		CHECK(at(0, 0));
		out("\033[5H");
		CHECK(at(4, 0));
		out("\033[;9H");
		CHECK(at(0, 8));
		out("\033[0;0H");
		CHECK(at(0, 0));
	}
	CASE("vt: ESC [ row ; col f is H") {
		fresh();
		out("\033[12;40fX");
		CHECK(ch(11, 39) == 'X');
	}
	CASE("vt: ESC [ H past the screen stops at its edge") {
		fresh();
		out("\033[30;100HZ");
		CHECK(ch(ROWS - 1, COLS - 1) == 'Z');
	}
	CASE("vt: ESC [ ? 25 l hides the cursor, h shows it") {
		fresh();
		out("\033[?25l");
		CHECK(!vt.cursor_visible);
		out("\033[?25h");
		CHECK(vt.cursor_visible);
		out("\033[?7;25l");
		CHECK(!vt.cursor_visible);
	}
	CASE("vt: ESC 7 and ESC [ s save the place and colours; 8 and u restore") {
		fresh();
		out("\033[5;6H\033[31;1m\0337\033[H\033[m\0338x");
		CHECK(ch(4, 5) == 'x' && colour(4, 5) == 0x0C);
		out("\033[2;3H\033[s\033[20;20H\033[uy");
		CHECK(ch(1, 2) == 'y');
	}
}

static void test_erase(void)
{
	CASE("vt: ESC [ J and ESC [ 0 J erase from the cursor to the end") {
		fresh();
		fill();
		out("\033[10;5H\033[J");
		CHECK(strcmp(row(9), "jjjj") == 0);
		CHECK(blank_rows(10, ROWS));
		CHECK(ch(8, 79) == 'i');
		CHECK(at(9, 4));
		fill();
		out("\033[0J");
		CHECK(strcmp(row(9), "jjjj") == 0);
	}
	CASE("vt: ESC [ 1 J erases from the start to the cursor, itself too") {
		fresh();
		fill();
		out("\033[10;5H\033[1J");
		CHECK(blank_rows(0, 9));
		CHECK(ch(9, 4) == ' ' && ch(9, 5) == 'j');
		CHECK(ch(10, 0) == 'k');
	}
	CASE("vt: ESC [ 2 J and 3 J erase everything; the cursor stays") {
		fresh();
		fill();
		out("\033[10;5H\033[2J");
		CHECK(blank_rows(0, ROWS));
		CHECK(at(9, 4));
		fill();
		out("\033[3J");
		CHECK(blank_rows(0, ROWS));
	}
	CASE("vt: ESC [ K erases from the cursor to the end of the line") {
		fresh();
		fill();
		out("\033[3;10H\033[K");
		CHECK(strcmp(row(2), "ccccccccc") == 0);
		CHECK(ch(3, 0) == 'd' && ch(1, 79) == 'b');
		CHECK(at(2, 9));
	}
	CASE("vt: ESC [ 1 K erases from the line's start to the cursor") {
		fresh();
		fill();
		out("\033[3;10H\033[1K");
		CHECK(strncmp(row(2), "          c", 11) == 0);
		CHECK(ch(1, 79) == 'b');
	}
	CASE("vt: ESC [ 2 K erases the whole line") {
		fresh();
		fill();
		out("\033[3;10H\033[2K");
		CHECK(blank_rows(2, 3));
		CHECK(ch(1, 79) == 'b' && ch(3, 0) == 'd');
	}
	CASE("vt: erasing paints the background colour, never reverse") {
		fresh();
		out("\033[7m\033[2J");
		CHECK(colour(0, 0) == PLAIN);
		out("\033[27;41;33;1m\033[K");
		CHECK(colour(0, 0) == 0x46);
	}
}

static void test_colours(void)
{
	CASE("vt: ESC [ 7 m reverses, ESC [ m and ESC [ 0 m end it") {
		fresh();
		out("\033[7mA\033[mB\033[7mC\033[0mD\033[7mE\033[27mF");
		CHECK(colour(0, 0) == REVERSED && colour(0, 1) == PLAIN);
		CHECK(colour(0, 2) == REVERSED && colour(0, 3) == PLAIN);
		CHECK(colour(0, 4) == REVERSED && colour(0, 5) == PLAIN);
	}
	CASE("vt: the eight foregrounds, in the PC's colour numbers") {
		static const int pc[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };
		char seq[16];

		fresh();
		for (int i = 0; i < 8; i++) {
			snprintf(seq, sizeof(seq), "\033[3%dm*", i);
			out(seq);
			CHECK(colour(0, i) == pc[i]);
		}
	}
	CASE("vt: the eight backgrounds") {
		static const int pc[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };
		char seq[16];

		fresh();
		for (int i = 0; i < 8; i++) {
			snprintf(seq, sizeof(seq), "\033[4%dm*", i);
			out(seq);
			CHECK(colour(0, i) == (pc[i] << 4 | 7));
		}
	}
	CASE("vt: bold is bright; 22 ends it") {
		fresh();
		out("\033[1mA\033[32mB\033[22mC");
		CHECK(colour(0, 0) == 0x0F);
		CHECK(colour(0, 1) == 0x0A);
		CHECK(colour(0, 2) == 0x02);
	}
	CASE("vt: 39 and 49 bring back the default colours, one at a time") {
		fresh();
		out("\033[31;42mA\033[39mB\033[49mC\033[31;42;0mD");
		CHECK(colour(0, 0) == 0x24);
		CHECK(colour(0, 1) == 0x27);
		CHECK(colour(0, 2) == PLAIN);
		CHECK(colour(0, 3) == PLAIN);
	}
	CASE("vt: reverse swaps the colours, then bold brightens the front") {
		fresh();
		out("\033[34;43;7mA\033[1mB");
		CHECK(colour(0, 0) == 0x16);
		CHECK(colour(0, 1) == 0x1E);
	}
	CASE("vt: 38 and 48 (256 colours, RGB) take their numbers along") {
		fresh();
		out("\033[38;2;31;42;0mA\033[48;5;45mB");
		CHECK(colour(0, 0) == PLAIN && colour(0, 1) == PLAIN);
	}
}

static void test_robustness(void)
{
	CASE("vt: huge numbers are capped: ESC [ 999999999 H is the corner") {
		fresh();
		out("\033[999999999;999999999HX");
		CHECK(ch(ROWS - 1, COLS - 1) == 'X');
		out("\033[99999999999999999999999999999999A");
		CHECK(at(0, COLS - 1));
		CHECK(vt.params[0] == VT_MAX_PARAM);
	}
	CASE("vt: more numbers than fit are dropped, the rest still count") {
		fresh();
		out("\033[7;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;31mA");
		CHECK(colour(0, 0) == 0x78);    /* 7 and 1; the 31 dropped */
		out("\033[m\033[5;5H\033[;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;5;6HB");
		CHECK(ch(0, 0) == 'B' && colour(0, 0) == PLAIN);
	}
	CASE("vt: unknown sequences are swallowed, none of their bytes shown") {
		fresh();
		out("a\033[5nb\033[>cc\033[?1049hd\033[1 qe\033[2:3mf"
		    "\033]0;a title\ag\033]2;title\033\\h\033(Bi\033#8j"
		    "\033Zk\033Pq#0\033\\l\033[=5Lm\033[?1hn\033[12xo");
		CHECK(strcmp(row(0), "abcdefghijklmno") == 0);
		CHECK(colour(0, 5) == PLAIN);
		CHECK(vt.state == VT_GROUND);
	}
	CASE("vt: ESC in a sequence starts a new one; CAN and SUB end it") {
		fresh();
		out("\033[12\033[31mA\033[5\030B\033[3\032C");
		CHECK(strcmp(row(0), "ABC") == 0);
		CHECK(colour(0, 0) == 0x04 && colour(0, 1) == 0x04);
	}
	CASE("vt: a control character inside a sequence acts") {
		fresh();
		out("abcde\033[2\rCX");
		CHECK(strcmp(row(0), "abXde") == 0);
	}
	CASE("vt: ESC c resets: blank, home, default colours, cursor shown") {
		fresh();
		out("text\033[31;7m\033[?25l\033[5;5H\0337\033c");
		CHECK(blank_rows(0, ROWS));
		CHECK(at(0, 0) && vt.cursor_visible);
		out("\0338A");
		CHECK(ch(0, 0) == 'A' && colour(0, 0) == PLAIN);
	}
}

/* What the programs in /bin send, as they send it. */
static void test_programs(void)
{
	CASE("vt: clear's ESC [ H ESC [ 2 J ESC [ 3 J blanks the screen") {
		fresh();
		fill();
		out("\033[10;10H\033[H\033[2J\033[3J");
		CHECK(blank_rows(0, ROWS));
		CHECK(at(0, 0));
	}
	CASE("vt: more's reversed prompt, then \\r ESC [ K wipes it") {
		fresh();
		out("\033[25;1H\033[7m--More--(23%)\033[m");
		CHECK(strcmp(row(24), "--More--(23%)") == 0);
		CHECK(colour(24, 0) == REVERSED && colour(24, 13) == PLAIN);
		out("\r\033[K");
		CHECK(blank_rows(24, 25) && at(24, 0));
	}
	CASE("vt: edit's frame fills the 25 rows exactly, nothing scrolls") {
		char frame[4096], wide[COLS + 1];
		int n = 0;

		memset(wide, 'w', COLS);
		wide[COLS] = '\0';
		fresh();
		n += sprintf(frame + n, "\033[?25l\033[H");
		n += sprintf(frame + n, "first\033[K\r\n%s\033[K\r\n", wide);
		for (int y = 2; y < ROWS - 2; y++)
			n += sprintf(frame + n, "~\033[K\r\n");
		n += sprintf(frame + n, "\033[7m%-*s\033[m\r\n", COLS, "f - 2 lines");
		n += sprintf(frame + n, "a message\033[K\033[2;4H\033[?25h");
		out(frame);
		CHECK(strcmp(row(0), "first") == 0);
		CHECK(ch(1, 0) == 'w' && ch(1, COLS - 2) == 'w');
		CHECK(strcmp(row(2), "~") == 0 && strcmp(row(22), "~") == 0);
		CHECK(strcmp(row(23), "f - 2 lines") == 0);
		CHECK(colour(23, 0) == REVERSED && colour(23, COLS - 1) == REVERSED);
		CHECK(strcmp(row(24), "a message") == 0 && colour(24, 0) == PLAIN);
		CHECK(at(1, 3) && vt.cursor_visible);
	}
}

/* Everything at once, fed whole, and split in two at every byte: the
   same screen, so that a write() that ends inside a sequence is fine. */
static const char mixed[] =
	"plain\r\n\033[1;31mbold red\033[m\033[7m rev \033[27m\tTab\r\n"
	"\033[10;20Hthere\033[3Aup\033[2Bdn\033[5Clt\033[3Drt\0337"
	"\033[?25l\033]0;title\a\033(B\033[K\033[2;1H\033[1K\033[44m\033[J"
	"\0338\033[32;4";           /* ... and one that is still open */

static bool same(const uint16_t *a, const struct vt *va, const uint16_t *b,
		 const struct vt *vb)
{
	return memcmp(a, b, sizeof(cells)) == 0 && va->cur.x == vb->cur.x &&
	       va->cur.y == vb->cur.y && va->cursor_visible == vb->cursor_visible &&
	       va->state == vb->state && va->wrap_next == vb->wrap_next;
}

static void test_split(void)
{
	static uint16_t whole[ROWS * COLS];
	struct vt ref;
	size_t n = sizeof(mixed) - 1;

	CASE("vt: a stream split at any byte draws the same screen") {
		vt_init(&ref, whole, ROWS, COLS);
		vt_write(&ref, mixed, n);
		vt_write(&ref, "4mZ", 3);
		for (size_t k = 0; k <= n; k++) {
			fresh();
			vt_write(&vt, mixed, k);
			vt_write(&vt, mixed + k, n - k);
			vt_write(&vt, "4mZ", 3);
			CHECK(same(whole, &ref, cells, &vt));
		}
		CHECK(whole[ref.cur.y * COLS + ref.cur.x - 1] == (0x12 << 8 | 'Z'));
	}
	CASE("vt: the same stream a byte at a time draws the same screen") {
		fresh();
		for (size_t k = 0; k < n; k++)
			vt_write(&vt, mixed + k, 1);
		vt_write(&vt, "4mZ", 3);
		CHECK(same(whole, &ref, cells, &vt));
	}
}

int main(void)
{
	test_text_and_controls();
	test_wrap_and_scroll();
	test_cursor();
	test_erase();
	test_colours();
	test_robustness();
	test_programs();
	test_split();
	return 0;
}
