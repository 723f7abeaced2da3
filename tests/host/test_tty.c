/* The line discipline (kernel/dev/tty.c): typed characters in, what the
   screen shows and what read() would get out. */
#include <string.h>
#include "check.h"
#include "dev/tty.h"
#include <sprout/signal.h>

static struct tty_struct tty;
static char screen[2 * TTY_LINE_MAX];   /* everything the tty wrote */
static size_t screen_len;
static int last_sig, last_pgrp, wakeups, states_shown;

static void capture(const char *buf, size_t n)
{
	memcpy(screen + screen_len, buf, n);
	screen_len += n;
	screen[screen_len] = '\0';
}

/* What tty.c calls outside itself. */
void tty_signal(struct tty_struct *t, int sig)
{
	last_sig = sig;
	last_pgrp = t->pgrp;
}

/* wake_up() is inline: it calls this only when someone waits, so
   fresh() puts a pretend reader on the tty's queue. */
void __wake_up(struct wait_queue *wq)
{
	wakeups++;
}

void show_state(void)
{
	states_shown++;
}

static void fresh(void)
{
	static struct wait_queue_entry reader;

	tty_setup(&tty, capture);
	tty.read_wait.head = &reader;   /* someone is asleep in read() */
	tty.pgrp = 7;
	screen_len = 0;
	screen[0] = '\0';
	last_sig = last_pgrp = wakeups = states_shown = 0;
}

static void type(const char *s)
{
	while (*s)
		tty_receive(&tty, *s++);
}

/* One read(): up to n bytes, as a NUL-terminated string. */
static char got[2 * TTY_LINE_MAX];
static bool done;
static size_t take(size_t n)
{
	size_t k = tty_take(&tty, got, n, &done);
	got[k] = '\0';
	return k;
}

static void set_lflag(tcflag_t on, tcflag_t off)
{
	struct termios t = tty.termios;
	t.c_lflag = (t.c_lflag | on) & ~off;
	tty_set_termios(&tty, &t);
}

int main(void)
{
	CASE("tty: defaults are canonical, echo, signals, CR to NL, NL to CR NL") {
		fresh();
		CHECK(tty.termios.c_lflag & ICANON);
		CHECK(tty.termios.c_lflag & ECHO);
		CHECK(tty.termios.c_lflag & ISIG);
		CHECK(tty.termios.c_iflag & ICRNL);
		CHECK((tty.termios.c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR));
		CHECK(tty.termios.c_cc[VINTR] == 3 && tty.termios.c_cc[VERASE] == 0x7f);
		CHECK(tty.termios.c_cc[VEOF] == 4 && tty.termios.c_cc[VMIN] == 1);
		CHECK(sizeof(struct termios) == 36);    /* Linux i386's TCGETS */
	}
	CASE("tty: a line is readable only once Enter ends it, echoed CR NL") {
		fresh();
		type("abc");
		CHECK(!tty_readable(&tty));
		CHECK(take(100) == 0 && !done);
		CHECK(strcmp(screen, "abc") == 0);
		type("\r");                     /* a serial terminal's Enter */
		CHECK(tty_readable(&tty));
		CHECK(wakeups == 1);
		CHECK(take(100) == 4 && done && strcmp(got, "abc\n") == 0);
		CHECK(strcmp(screen, "abc\r\n") == 0);
		CHECK(!tty_readable(&tty));
	}
	CASE("tty: DEL and BS erase one character, on screen too") {
		fresh();
		type("abc\x7f" "d\r");
		take(100);
		CHECK(strcmp(got, "abd\n") == 0);
		CHECK(strcmp(screen, "abc\b \bd\r\n") == 0);
		type("xy\b\bz\r");
		take(100);
		CHECK(strcmp(got, "z\n") == 0);
		type("\x7f\x7fq\r");            /* erasing an empty line: nothing */
		take(100);
		CHECK(strcmp(got, "q\n") == 0);
	}
	CASE("tty: ^U kills the line, ^W a word") {
		fresh();
		type("xyz\x15ok\r");
		take(100);
		CHECK(strcmp(got, "ok\n") == 0);
		CHECK(strcmp(screen, "xyz\b \b\b \b\b \bok\r\n") == 0);
		type("hello world\x17\x17" "bye\r");
		take(100);
		CHECK(strcmp(got, "bye\n") == 0);
		type("one two  \x17" "2\r");    /* blanks, then the word */
		take(100);
		CHECK(strcmp(got, "one 2\n") == 0);
	}
	CASE("tty: without ECHOE, ERASE echoes itself (^?)") {
		fresh();
		set_lflag(0, ECHOE);
		type("ab\x7f\r");
		take(100);
		CHECK(strcmp(got, "a\n") == 0);
		CHECK(strcmp(screen, "ab^?\r\n") == 0);
	}
	CASE("tty: ^D at the start of a line is end of file, elsewhere ends the line") {
		fresh();
		type("\x04");
		CHECK(tty_readable(&tty));
		CHECK(take(100) == 0 && done);  /* read() returns 0 */
		type("ab\x04");
		CHECK(take(100) == 2 && done && strcmp(got, "ab") == 0);
		CHECK(strcmp(screen, "ab") == 0);  /* ^D is not echoed */
	}
	CASE("tty: each read gets at most one line; a long line takes several") {
		fresh();
		type("one\rtwo\r");
		take(100);
		CHECK(strcmp(got, "one\n") == 0);
		take(100);
		CHECK(strcmp(got, "two\n") == 0);
		type("abcdef\r");
		CHECK(take(4) == 4 && !done && strcmp(got, "abcd") == 0);
		CHECK(take(4) == 3 && done && strcmp(got, "ef\n") == 0);
	}
	CASE("tty: ^C, ^\\ and ^Z signal the foreground group, echo, flush") {
		fresh();
		type("ab\rcd\x03");
		CHECK(last_sig == SIGINT && last_pgrp == 7);
		CHECK(!tty_readable(&tty) && tty.line_len == 0);
		CHECK(strcmp(screen, "ab\r\ncd^C") == 0);
		type("\x1c");
		CHECK(last_sig == SIGQUIT);
		type("\x1a");
		CHECK(last_sig == SIGTSTP);
		type("x\r");                    /* typing goes on afterwards */
		take(100);
		CHECK(strcmp(got, "x\n") == 0);
	}
	CASE("tty: NOFLSH keeps the input; without ISIG ^C is data") {
		fresh();
		set_lflag(NOFLSH, 0);
		type("ab\x03\r");
		CHECK(last_sig == SIGINT);
		take(100);
		CHECK(strcmp(got, "ab\n") == 0);
		last_sig = 0;
		set_lflag(0, ISIG);
		type("\x03\r");
		take(100);
		CHECK(last_sig == 0 && strcmp(got, "\x03\n") == 0);
	}
	CASE("tty: ^P shows the task table in either mode; without ISIG it is data") {
		fresh();
		type("ab\x10" "c\r");
		take(100);
		CHECK(states_shown == 1 && strcmp(got, "abc\n") == 0);
		CHECK(strcmp(screen, "abc\r\n") == 0);    /* not echoed */
		set_lflag(0, ICANON);
		type("\x10q");
		CHECK(states_shown == 2 && take(100) == 1 && strcmp(got, "q") == 0);
		set_lflag(0, ISIG);
		type("\x10");
		CHECK(states_shown == 2 && take(100) == 1 && strcmp(got, "\x10") == 0);
	}
	CASE("tty: non-canonical bytes are readable at once, no editing") {
		fresh();
		set_lflag(0, ICANON | ECHO);
		type("a");
		CHECK(tty_readable(&tty) && wakeups >= 1);
		type("\x7f\r");
		CHECK(take(100) == 3 && memcmp(got, "a\x7f\n", 3) == 0);
		CHECK(screen_len == 0);         /* ECHO off */
		type("xyz");
		CHECK(take(2) == 2 && strcmp(got, "xy") == 0);
		CHECK(take(2) == 1 && strcmp(got, "z") == 0);
	}
	CASE("tty: switching modes keeps what was typed") {
		fresh();
		type("ab");
		set_lflag(0, ICANON);           /* the half line becomes readable */
		CHECK(take(100) == 2 && strcmp(got, "ab") == 0);
		type("cd");
		set_lflag(ICANON, 0);           /* unread bytes: one finished line */
		CHECK(tty_readable(&tty));
		CHECK(take(100) == 2 && done && strcmp(got, "cd") == 0);
	}
	CASE("tty: ECHOCTL shows ^X and erases both cells") {
		fresh();
		type("\x01\x7f\r");
		CHECK(strcmp(screen, "^A\b \b\b \b\r\n") == 0);
	}
	CASE("tty: ECHONL echoes NL even without ECHO") {
		fresh();
		set_lflag(ECHONL, ECHO);
		type("secret\r");
		CHECK(strcmp(screen, "\r\n") == 0);
	}
	CASE("tty: output turns NL into CR NL only with OPOST and ONLCR") {
		fresh();
		tty_output(&tty, "a\nb\n", 4);
		CHECK(strcmp(screen, "a\r\nb\r\n") == 0);
		screen_len = 0;
		tty.termios.c_oflag &= ~OPOST;
		tty_output(&tty, "a\nb", 3);
		CHECK(screen_len == 3 && memcmp(screen, "a\nb", 3) == 0);
	}
	CASE("tty: a full line keeps room for its end; a full queue drops lines") {
		fresh();
		for (int i = 0; i < TTY_LINE_MAX + 100; i++)
			tty_receive(&tty, 'x');
		type("\r");
		CHECK(take(2 * TTY_LINE_MAX) == TTY_LINE_MAX && done);
		CHECK(got[TTY_LINE_MAX - 2] == 'x' && got[TTY_LINE_MAX - 1] == '\n');
		for (int i = 0; i < 100; i++)   /* nobody reads: only 32 lines fit */
			type("l\r");
		CHECK(tty_input_count(&tty) == 2 * TTY_MAX_LINES);
		tty_flush_input(&tty);
		CHECK(!tty_readable(&tty) && tty_input_count(&tty) == 0);
	}
	CASE("tty: FIONREAD counts finished lines in canonical mode, all bytes raw") {
		fresh();
		type("ab\rcd");
		CHECK(tty_input_count(&tty) == 3);
		set_lflag(0, ICANON);
		CHECK(tty_input_count(&tty) == 5);
	}
	return 0;
}
