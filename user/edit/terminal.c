/*
 * The terminal in raw mode. Normally the terminal's line discipline
 * edits a line before the program sees it (canonical mode), echoes what
 * is typed and turns ^C and ^Z into signals. An editor wants every key
 * as it is pressed and draws the screen itself, so it switches all of
 * that off (cfmakeraw: no ICANON, ECHO, ISIG, IXON, ICRNL, OPOST) and
 * must switch it back on however it ends: on exit (atexit) and before
 * it stops for ^Z. When it is continued (SIGCONT) or the window changes
 * size (SIGWINCH) it must redraw: the handlers only note that, and
 * main's loop, woken from read() by the signal (EINTR), does it.
 */
#include "edit.h"
#include <err.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved;    /* the settings we found, to restore */
static struct termios raw;      /* ours */
static int saved_ok;
static volatile sig_atomic_t changed;

void terminal_restore(void)
{
	if (saved_ok)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
}

static void set_raw(void)
{
	raw = saved;
	cfmakeraw(&raw);
	raw.c_cc[VMIN] = 1;     /* read() returns as soon as a key is in */
	raw.c_cc[VTIME] = 0;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw);
}

/*
 * One byte typed: read()'s result (1, or -1 with EINTR when a signal
 * came). With wait 0, as for the bytes after an ESC, it waits at most a
 * tenth of a second (VMIN 0, VTIME 1) and returns 0 if nothing came: a
 * lone ESC key, rather than the start of an arrow's sequence.
 */
int terminal_getc(char *c, int wait)
{
	struct termios t = raw;
	int n;

	if (!wait) {
		t.c_cc[VMIN] = 0;
		t.c_cc[VTIME] = 1;
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
	}
	n = read(STDIN_FILENO, c, 1);
	if (!wait)
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	return n;
}

/*
 * ^Z, typed (a key in raw mode, keys.c raises SIGTSTP) or sent: give the
 * terminal back as we found it, then stop for real with the default
 * action, which needs SIGTSTP unblocked inside its own handler. We go on
 * after raise() once continued: raw mode again, and a redraw.
 */
static void on_tstp(int sig)
{
	sigset_t set;

	(void)sig;
	screen_clear();         /* write(2) only: we are in a handler */
	terminal_restore();
	signal(SIGTSTP, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGTSTP);
	signal(SIGTSTP, on_tstp);
	set_raw();
	changed = 1;
}

static void on_change(int sig)
{
	(void)sig;
	changed = 1;
}

/* Whether the screen must be drawn anew (a SIGCONT or SIGWINCH came). */
int terminal_changed(void)
{
	int was = changed;

	changed = 0;
	return was;
}

void terminal_raw(void)
{
	if (tcgetattr(STDIN_FILENO, &saved) < 0)
		err(1, "standard input is not a terminal");
	saved_ok = 1;
	atexit(terminal_restore);
	signal(SIGTSTP, on_tstp);
	signal(SIGCONT, on_change);
	signal(SIGWINCH, on_change);
	set_raw();
}

/* The window's size from the terminal (TIOCGWINSZ), else 80x24. */
void terminal_size(int *rows, int *cols)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 2 &&
	    ws.ws_col > 0) {
		*rows = ws.ws_row;
		*cols = ws.ws_col;
	} else {
		*rows = 24;
		*cols = 80;
	}
}
