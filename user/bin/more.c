/*
 * more [FILE...]: show files (or standard input) a screenful at a time.
 *
 * After each screenful it prints "--More--(NN%)" (NN: how far into the
 * file, when its size is known) and waits for a key:
 *
 *   space   the next screenful        Enter   one more line
 *   q       quit
 *
 * The keys come from the terminal itself, /dev/tty (else standard
 * error, if it is one), not from standard input, which may be the pipe
 * more is reading: `ls -l | more`. The terminal is put in
 * non-canonical mode without echo, so that a key counts at once and is
 * not shown; ^C still works (ISIG stays on), and the handler puts the
 * terminal back before dying. When standard output is not a terminal
 * there is nobody to page for, and more copies its input, as cat does.
 * With several files, each begins with its name between rows of colons.
 */
#include <err.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

static int tty = -1;            /* where keys come from; -1: just copy */
static struct termios saved;
static int rows = 24, cols = 80;

static void tty_restore(void)
{
	if (tty >= 0)
		tcsetattr(tty, TCSANOW, &saved);
}

/* ^C, ^\ or kill: the terminal as we found it, then die of the signal,
   so that the shell sees how we ended. */
static void on_signal(int sig)
{
	tty_restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* The terminal to read keys from, in non-canonical mode without echo;
   its size. Without one, tty stays -1. */
static void tty_open(void)
{
	struct termios t;
	struct winsize ws;

	tty = open("/dev/tty", O_RDONLY);
	if (tty < 0 && isatty(STDERR_FILENO))
		tty = STDERR_FILENO;
	if (tty < 0 || tcgetattr(tty, &saved) < 0) {
		tty = -1;
		return;
	}
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 1) {
		rows = ws.ws_row;
		cols = ws.ws_col;
	}
	signal(SIGINT, on_signal);
	signal(SIGQUIT, on_signal);
	signal(SIGTERM, on_signal);
	t = saved;
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	tcsetattr(tty, TCSANOW, &t);
}

/* The prompt, then a key: how many more lines to show (0: quit). */
static int ask(int percent)
{
	char key;

	if (percent >= 0)
		printf("\033[7m--More--(%d%%)\033[m", percent);
	else
		printf("\033[7m--More--\033[m");
	fflush(stdout);
	for (;;) {
		if (read(tty, &key, 1) != 1)
			key = 'q';
		if (key == ' ' || key == '\n' || key == '\r' || key == 'q' ||
		    key == 'Q')
			break;
	}
	printf("\r\033[K");             /* the prompt goes away */
	return key == ' ' ? rows - 1 : key == 'q' || key == 'Q' ? 0 : 1;
}

/*
 * Copy f to the screen, asking after every rows - 1 screen lines. A
 * line longer than the screen is wide takes several. size is f's size
 * if known (for the percentage), else -1. Returns -1 if told to quit.
 */
static int page(FILE *f, long size, int *left)
{
	long done = 0;
	int col = 0, c;

	while ((c = getc(f)) != EOF) {
		if (*left <= 0) {
			ungetc(c, f);
			*left = ask(size > 0 ? (int)(done * 100 / size) : -1);
			if (*left == 0)
				return -1;
			continue;
		}
		putchar(c);
		done++;
		if (c == '\n' || ++col == cols) {
			col = 0;
			--*left;
		}
	}
	return 0;
}

/* Without a terminal to page on: copy, as cat. */
static void copy(FILE *f)
{
	int c;

	while ((c = getc(f)) != EOF)
		putchar(c);
}

/* The size of a regular file, else -1 (a pipe's is unknown). */
static long file_size(FILE *f)
{
	struct stat st;

	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode))
		return st.st_size;
	return -1;
}

int main(int argc, char **argv)
{
	int status = 0, left;

	if (argc > 1 && argv[1][0] == '-' && argv[1][1]) {
		fprintf(stderr, "usage: more [FILE...]\n");
		return 1;
	}
	if (isatty(STDOUT_FILENO))
		tty_open();
	left = rows - 1;
	for (int i = 1; i < argc || i == 1; i++) {
		const char *name = i < argc ? argv[i] : "-";
		FILE *f = strcmp(name, "-") ? fopen(name, "r") : stdin;

		if (!f) {
			warn("%s", name);
			status = 1;
			continue;
		}
		if (argc > 2) {
			printf("::::::::::::::\n%s\n::::::::::::::\n", name);
			left -= 3;
		}
		if (tty < 0)
			copy(f);
		else if (page(f, file_size(f), &left) < 0)
			break;
		if (ferror(f)) {                /* a folder, an I/O error */
			warn("%s", name);
			status = 1;
		}
		if (f != stdin)
			fclose(f);
	}
	tty_restore();
	return status;
}
