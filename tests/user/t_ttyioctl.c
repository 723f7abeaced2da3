/*
 * The terminal ioctls as Linux programs use them (kernel/dev/tty_ioctl.c,
 * docs/tty.md): TCGETS and the three TCSETS, TIOCGWINSZ and TIOCSWINSZ
 * with SIGWINCH to the foreground group, FIONREAD and TIOCOUTQ, TCSBRK
 * (tcdrain), TIOCNOTTY by a process that is not the session leader, and
 * every pointer argument's EFAULT. Run as process 1, whose controlling
 * terminal is the console; the line discipline and job control have
 * their own tests (tty_line.c, tty_jobs.c).
 */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

#define BAD ((void *)0x1000)            /* user space, never mapped */

static volatile sig_atomic_t winches;

static void on_winch(int sig)
{
	(void)sig;
	winches++;
}

static void bad_pointers(void)
{
	static const struct { unsigned long cmd; const char *name; } cmds[] = {
		{ TCGETS, "TCGETS" }, { TCSETS, "TCSETS" },
		{ TCSETSW, "TCSETSW" }, { TCSETSF, "TCSETSF" },
		{ TIOCGWINSZ, "TIOCGWINSZ" }, { TIOCSWINSZ, "TIOCSWINSZ" },
		{ FIONREAD, "FIONREAD" }, { TIOCOUTQ, "TIOCOUTQ" },
		{ TIOCGPGRP, "TIOCGPGRP" }, { TIOCSPGRP, "TIOCSPGRP" },
		{ TIOCGSID, "TIOCGSID" },
	};
	const char *wrong = NULL;
	int err = 0;

	for (unsigned i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!wrong && !failed(ioctl(0, cmds[i].cmd, BAD), EFAULT)) {
			wrong = cmds[i].name;
			err = errno;
		}
	expect("every pointer argument of the 11 ioctls: EFAULT", !wrong,
	       "%s: errno %d", wrong, err);
}

/* The fields the kernel keeps (glibc's struct termios is larger: its
   tail is the C library's, not TCGETS's). */
static int same_settings(const struct termios *a, const struct termios *b)
{
	return a->c_iflag == b->c_iflag && a->c_oflag == b->c_oflag &&
	       a->c_cflag == b->c_cflag && a->c_lflag == b->c_lflag &&
	       memcmp(a->c_cc, b->c_cc, VEOL2 + 1) == 0;
}

static void settings(void)
{
	struct termios saved, t, got;

	ioctl(0, TCGETS, &saved);
	t = saved;
	t.c_cc[VMIN] = 3;
	t.c_cc[VTIME] = 7;
	t.c_lflag &= ~ECHO;
	memset(&got, 0, sizeof(got));
	expect("TCSETSW then TCGETS: the settings come back",
	       ioctl(0, TCSETSW, &t) == 0 && ioctl(0, TCGETS, &got) == 0 &&
	       got.c_cc[VMIN] == 3 && got.c_cc[VTIME] == 7 &&
	       !(got.c_lflag & ECHO), "VMIN %d VTIME %d lflag %o",
	       got.c_cc[VMIN], got.c_cc[VTIME], got.c_lflag);
	t.c_cc[VMIN] = 1;
	expect("TCSETSF (flushing unread input) sets them too",
	       ioctl(0, TCSETSF, &t) == 0 && tcgetattr(0, &got) == 0 &&
	       got.c_cc[VMIN] == 1, "VMIN %d", got.c_cc[VMIN]);
	expect("tcsetattr(TCSANOW) restores; tcgetattr agrees with TCGETS",
	       tcsetattr(0, TCSANOW, &saved) == 0 && tcgetattr(0, &got) == 0 &&
	       same_settings(&got, &saved), "errno %d", errno);
	expect("tcsetattr with a bad `when` is EINVAL",
	       failed(tcsetattr(0, 3, &saved), EINVAL), "errno %d", errno);
}

static void counts(void)
{
	int n = -1, out = -1;

	expect("FIONREAD: nothing typed, 0 bytes to read",
	       ioctl(0, FIONREAD, &n) == 0 && n == 0, "%d", n);
	expect("TIOCOUTQ: 0 bytes waiting to go out (written at once)",
	       ioctl(1, TIOCOUTQ, &out) == 0 && out == 0, "%d", out);
	expect("tcdrain (TCSBRK 1) returns at once, 0", tcdrain(1) == 0,
	       "errno %d", errno);
	expect("tcsendbreak (TCSBRK 0) succeeds", tcsendbreak(1, 0) == 0,
	       "errno %d", errno);
}

/* A child that waits for SIGWINCH (up to a second), its exit status
   saying whether one came. In its own group if alone. */
static pid_t winch_child(int alone, int ready[2])
{
	pid_t pid = fork();

	if (pid == 0) {
		winches = 0;
		if (alone)
			setpgid(0, 0);
		write(ready[1], "r", 1);
		for (int i = 0; i < 100 && !winches; i++)
			sleep_ms(10);
		_exit(winches ? 1 : 0);
	}
	return pid;
}

static int winched(pid_t pid)
{
	int status = 0;

	waitpid(pid, &status, 0);
	return WIFEXITED(status) && WEXITSTATUS(status) == 1;
}

static void window(void)
{
	struct winsize saved, big = { 40, 100, 800, 640 }, got;
	int ready[2];
	pid_t same, other;
	char c;

	install_handler(SIGWINCH, on_winch, 0);
	ioctl(1, TIOCGWINSZ, &saved);
	pipe(ready);
	same = winch_child(0, ready);
	other = winch_child(1, ready);
	read(ready[0], &c, 1);
	read(ready[0], &c, 1);
	winches = 0;
	expect("TIOCSWINSZ 100x40 succeeds", ioctl(1, TIOCSWINSZ, &big) == 0,
	       "errno %d", errno);
	expect("TIOCGWINSZ reads back all four fields",
	       ioctl(0, TIOCGWINSZ, &got) == 0 && got.ws_col == 100 &&
	       got.ws_row == 40 && got.ws_xpixel == 800 && got.ws_ypixel == 640,
	       "%dx%d %dx%d", got.ws_col, got.ws_row, got.ws_xpixel,
	       got.ws_ypixel);
	expect("the foreground group gets SIGWINCH: the caller",
	       winches == 1, "%d signals", (int)winches);
	expect("and a child in its group", winched(same), "no SIGWINCH");
	expect("but not a child in another group", !winched(other),
	       "it got SIGWINCH");
	winches = 0;
	ioctl(1, TIOCSWINSZ, &big);
	expect("the same size again: no SIGWINCH", winches == 0,
	       "%d signals", (int)winches);
	ioctl(1, TIOCSWINSZ, &saved);
	close(ready[0]);
	close(ready[1]);
}

/* A background process may set the size (Linux does not stop it): the
   foreground group hears of it. */
static void background_resize(void)
{
	struct winsize saved, small = { 20, 60, 0, 0 };
	int status = 0;
	pid_t pid;

	ioctl(1, TIOCGWINSZ, &saved);
	winches = 0;
	pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		_exit(ioctl(1, TIOCSWINSZ, &small) == 0 ? 0 : 1);
	}
	waitpid(pid, &status, WUNTRACED);
	expect("TIOCSWINSZ from a background group succeeds, not stopped",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s",
	       describe(status));
	expect("and SIGWINCH goes to the foreground group", winches == 1,
	       "%d signals", (int)winches);
	ioctl(1, TIOCSWINSZ, &saved);
}

/* TIOCNOTTY by a process that does not lead the session: it alone
   loses the terminal (TIOCGPGRP then ENOTTY); the leader keeps it. */
static void notty(void)
{
	pid_t fg = tcgetpgrp(0), pid = fork();
	int status = 0;

	if (pid == 0) {
		pid_t pg;

		if (ioctl(0, TIOCNOTTY) != 0)
			_exit(1);
		_exit(failed(ioctl(0, TIOCGPGRP, &pg), ENOTTY) ? 0 : 2);
	}
	waitpid(pid, &status, 0);
	expect("TIOCNOTTY in a child: it no longer has the terminal",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s",
	       describe(status));
	expect("the session leader still has it, in front", tcgetpgrp(0) == fg,
	       "tcgetpgrp %d, was %d", tcgetpgrp(0), fg);
	expect("TIOCSCTTY on the terminal the leader holds: 0",
	       ioctl(0, TIOCSCTTY, 0) == 0, "errno %d", errno);
}

static void not_a_tty(void)
{
	int fd = open("/dev/null", O_RDWR), p[2];
	struct winsize ws;
	struct termios t;

	pipe(p);
	expect("TCGETS on /dev/null is ENOTTY",
	       failed(ioctl(fd, TCGETS, &t), ENOTTY), "errno %d", errno);
	expect("TIOCGWINSZ on a pipe is ENOTTY",
	       failed(ioctl(p[0], TIOCGWINSZ, &ws), ENOTTY), "errno %d", errno);
	close(fd);
	close(p[0]);
	close(p[1]);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	if (!isatty(0) || tcgetpgrp(0) != getpgrp()) {
		skip("terminal ioctls", "stdin is not our foreground terminal");
		return check_done();
	}
	bad_pointers();
	settings();
	counts();
	window();
	background_resize();
	notty();
	not_a_tty();
	return check_done();
}
