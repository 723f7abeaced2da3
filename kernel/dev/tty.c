/*
 * The line discipline: what each typed character means.
 *
 * In canonical mode (ICANON, the default) the terminal edits a line for
 * the program: characters collect in tty->line and are echoed; Backspace,
 * ^W and ^U take them back; Enter (or ^D) hands the finished line to
 * read_q, and only then can read() see it. A shell therefore never sees
 * your typing mistakes. In non-canonical mode (an editor, a game) each
 * byte goes straight to read_q.
 *
 * With ISIG, ^C, ^\ and ^Z are not data at all: they become signals for
 * the programs in the foreground (tty_signal, kernel/dev/tty_io.c).
 * ^P, the status key, prints the task table on the console (show_state,
 * kernel/sched/procdump.c), as xv6's procdump does. It obeys ISIG too,
 * like BSD's ^T: it works in canonical and non-canonical mode, but a
 * raw-mode program (the editor, whose ^P moves up a line) gets the byte.
 *
 * tty_receive() runs in the keyboard's and the serial port's interrupt
 * handlers, so readers (tty_take) call in with interrupts off.
 */
#include "dev/dev.h"
#include "lib/lib.h"
#include <sprout/signal.h>

#define L_FLAG(tty, f) ((tty)->termios.c_lflag & (f))
#define I_FLAG(tty, f) ((tty)->termios.c_iflag & (f))
#define O_FLAG(tty, f) ((tty)->termios.c_oflag & (f))

/* Linux's defaults: what `stty sane` gives, minus flow control (^S/^Q),
   which Sprout does not do. */
static const struct termios default_termios = {
	.c_iflag = ICRNL,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = {
		[VINTR] = 003,  [VQUIT] = 034,  [VERASE] = 0177, [VKILL] = 025,
		[VEOF] = 004,   [VMIN] = 1,     [VSUSP] = 032,   [VWERASE] = 027,
	},
};

void tty_setup(struct tty_struct *tty, void (*write)(const char *, size_t))
{
	memset(tty, 0, sizeof(*tty));
	tty->termios = default_termios;
	tty->write = write;
}

static size_t queue_len(const struct tty_queue *q)
{
	return q->tail - q->head;
}

static bool queue_put(struct tty_queue *q, char c)
{
	if (queue_len(q) == TTY_BUF_SIZE)
		return false;
	q->buf[q->tail++ % TTY_BUF_SIZE] = c;
	return true;
}

/* Is c the special character at index i? (0, _POSIX_VDISABLE, is none.) */
static bool is_cc(struct tty_struct *tty, int i, char c)
{
	cc_t cc = tty->termios.c_cc[i];

	return cc != _POSIX_VDISABLE && (cc_t)c == cc;
}

/* Output processing (OPOST): ONLCR sends NL as CR NL, which a serial
   terminal needs to come back to the left margin. */
void tty_output(struct tty_struct *tty, const char *buf, size_t n)
{
	size_t start = 0;

	for (size_t i = 0; i < n; i++) {
		if (buf[i] == '\n' && O_FLAG(tty, OPOST) && O_FLAG(tty, ONLCR)) {
			tty->write(buf + start, i - start);
			tty->write("\r", 1);
			start = i;              /* the NL goes out with the next run */
		}
	}
	tty->write(buf + start, n - start);
}

/* Control characters other than TAB and NL echo as ^X with ECHOCTL. */
static bool echoes_as_caret(struct tty_struct *tty, char c)
{
	return L_FLAG(tty, ECHOCTL) && ((uint8_t)c < ' ' || c == 0x7f) &&
	       c != '\t' && c != '\n';
}

static void echo(struct tty_struct *tty, char c)
{
	if (!L_FLAG(tty, ECHO))
		return;
	if (echoes_as_caret(tty, c)) {
		char caret[2] = { '^', c ^ 0x40 };   /* ^C for 3, ^? for DEL */
		tty_output(tty, caret, 2);
	} else {
		tty_output(tty, &c, 1);
	}
}

/* Take the line's last character back; wipe it off the screen when
   visual: back up, overwrite with a space, back up again. (A TAB is
   wiped as one column: Sprout does not track the cursor's column.) */
static void rub_out(struct tty_struct *tty, bool visual)
{
	char c = tty->line[--tty->line_len];
	int cells = echoes_as_caret(tty, c) ? 2 : 1;

	if (visual && L_FLAG(tty, ECHO))
		while (cells--)
			tty_output(tty, "\b \b", 3);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* ERASE (and BS), WERASE (the word before the cursor, POSIX: blanks,
   then non-blanks) and KILL (the whole line). Without ECHOE (ECHOKE for
   KILL) the key itself is echoed instead of wiping the screen. */
static void erase(struct tty_struct *tty, char key)
{
	bool kill = is_cc(tty, VKILL, key);
	bool word = !kill && is_cc(tty, VWERASE, key);
	bool visual = kill ? L_FLAG(tty, ECHOKE) : L_FLAG(tty, ECHOE);

	if (tty->line_len == 0)
		return;
	if (!visual) {
		echo(tty, key);
		if (kill && L_FLAG(tty, ECHOK))
			echo(tty, '\n');
	}
	if (kill) {
		while (tty->line_len)
			rub_out(tty, visual);
	} else if (word) {
		while (tty->line_len && is_blank(tty->line[tty->line_len - 1]))
			rub_out(tty, visual);
		while (tty->line_len && !is_blank(tty->line[tty->line_len - 1]))
			rub_out(tty, visual);
	} else {
		rub_out(tty, visual);
	}
}

/* The line is finished: it moves to read_q, where read() can take it.
   An empty line ended by EOF is how read() learns of end of file. */
static void end_line(struct tty_struct *tty)
{
	struct tty_queue *q = &tty->read_q;
	bool room = tty->lines_tail - tty->lines_head < TTY_MAX_LINES &&
		    TTY_BUF_SIZE - queue_len(q) >= tty->line_len;

	if (room) {             /* else nobody reads, and the line is lost */
		for (size_t i = 0; i < tty->line_len; i++)
			queue_put(q, tty->line[i]);
		tty->line_end[tty->lines_tail++ % TTY_MAX_LINES] = q->tail;
		wake_up(&tty->read_wait);
	}
	tty->line_len = 0;
}

static void canonical_input(struct tty_struct *tty, char c)
{
	bool eol = c == '\n' || is_cc(tty, VEOL, c) || is_cc(tty, VEOL2, c);

	/* Terminals send DEL (VERASE) or BS for the Backspace key: take both. */
	if (is_cc(tty, VERASE, c) || c == '\b' || is_cc(tty, VKILL, c) ||
	    (L_FLAG(tty, IEXTEN) && is_cc(tty, VWERASE, c))) {
		erase(tty, c);
		return;
	}
	if (is_cc(tty, VEOF, c)) {      /* ends the line; not echoed, not kept */
		end_line(tty);
		return;
	}
	if (!eol && tty->line_len >= TTY_LINE_MAX - 1)
		return;                 /* full: only the end of line still fits */
	tty->line[tty->line_len++] = c;
	if (c == '\n' && !L_FLAG(tty, ECHO) && L_FLAG(tty, ECHONL))
		tty_output(tty, "\n", 1);
	else
		echo(tty, c);
	if (eol)
		end_line(tty);
}

static void raw_input(struct tty_struct *tty, char c)
{
	if (!queue_put(&tty->read_q, c))
		return;                 /* full: the byte is lost */
	echo(tty, c);
	wake_up(&tty->read_wait);
}

static int signal_key(struct tty_struct *tty, char c)
{
	if (is_cc(tty, VINTR, c))
		return SIGINT;
	if (is_cc(tty, VQUIT, c))
		return SIGQUIT;
	if (is_cc(tty, VSUSP, c))
		return SIGTSTP;
	return 0;
}

#define STATUS_KEY ('P' & 0x1f)         /* ^P */

/* One character from the keyboard or the serial line. */
void tty_receive(struct tty_struct *tty, char c)
{
	int sig;

	if (I_FLAG(tty, ISTRIP))
		c &= 0x7f;
	if (c == '\r') {
		if (I_FLAG(tty, IGNCR))
			return;
		if (I_FLAG(tty, ICRNL))
			c = '\n';               /* serial terminals send CR for Enter */
	} else if (c == '\n' && I_FLAG(tty, INLCR)) {
		c = '\r';
	}
	if (L_FLAG(tty, ISIG) && (sig = signal_key(tty, c))) {
		if (!L_FLAG(tty, NOFLSH))
			tty_flush_input(tty);   /* ^C discards the typed-ahead input */
		echo(tty, c);
		tty_signal(tty, sig);
		return;
	}
	if (L_FLAG(tty, ISIG) && c == STATUS_KEY) {
		show_state();
		return;
	}
	if (L_FLAG(tty, ICANON))
		canonical_input(tty, c);
	else
		raw_input(tty, c);
}

void tty_flush_input(struct tty_struct *tty)
{
	tty->line_len = 0;
	tty->read_q.head = tty->read_q.tail;
	tty->lines_head = tty->lines_tail;
}

/* New settings (TCSETS). Switching modes keeps what was typed: leaving
   canonical mode makes the half-typed line readable byte by byte;
   entering it turns the unread bytes into one finished line. */
void tty_set_termios(struct tty_struct *tty, const struct termios *t)
{
	bool was_canonical = L_FLAG(tty, ICANON);

	tty->termios = *t;
	if (was_canonical && !L_FLAG(tty, ICANON)) {
		for (size_t i = 0; i < tty->line_len; i++)
			queue_put(&tty->read_q, tty->line[i]);
		tty->line_len = 0;
		tty->lines_head = tty->lines_tail;
	} else if (!was_canonical && L_FLAG(tty, ICANON) &&
		   queue_len(&tty->read_q)) {
		tty->line_end[tty->lines_tail++ % TTY_MAX_LINES] = tty->read_q.tail;
	}
	wake_up(&tty->read_wait);       /* VMIN may have dropped: look again */
}

/* Can read() take something now: a finished line, or any byte? */
bool tty_readable(struct tty_struct *tty)
{
	if (L_FLAG(tty, ICANON))
		return tty->lines_tail != tty->lines_head;
	return queue_len(&tty->read_q) > 0;
}

/* FIONREAD: the bytes read() could take without waiting. */
size_t tty_input_count(struct tty_struct *tty)
{
	if (!L_FLAG(tty, ICANON))
		return queue_len(&tty->read_q);
	if (!tty_readable(tty))
		return 0;
	return tty->line_end[(tty->lines_tail - 1) % TTY_MAX_LINES] -
	       tty->read_q.head;
}

/* Move up to n bytes from read_q to buf. In canonical mode, stop at the
   end of the first finished line and set *line_done (a line of 0 bytes
   is end of file); a line longer than n is taken by several reads. */
size_t tty_take(struct tty_struct *tty, char *buf, size_t n, bool *line_done)
{
	struct tty_queue *q = &tty->read_q;
	bool canonical = L_FLAG(tty, ICANON);
	uint32_t end = q->tail;
	size_t got = 0;

	*line_done = false;
	if (canonical) {
		if (!tty_readable(tty))
			return 0;
		end = tty->line_end[tty->lines_head % TTY_MAX_LINES];
	}
	while (got < n && q->head != end)
		buf[got++] = q->buf[q->head++ % TTY_BUF_SIZE];
	if (canonical && q->head == end) {
		tty->lines_head++;
		*line_done = true;
	}
	return got;
}
