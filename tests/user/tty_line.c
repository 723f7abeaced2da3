/*
 * The terminal, driven from outside: tests/guest_tty.py boots this as
 * process 1 and types over the serial line when a "ready:" line says so.
 *
 *   1. settings: isatty, TCGETS defaults, window size, process group,
 *      no lseek, O_NONBLOCK, VMIN=0/VTIME timeouts        (ok/FAIL lines)
 *   2. "ready: lines"  canonical mode: prints "got: <line>" per line read
 *      ("[no NL]" after a line ended by ^D), "got EOF" when read returns 0
 *   3. "ready: keys"   non-canonical, no echo, VMIN=1: "key: <hex>" per
 *      byte until 'q'; then "ready: min3": a poll() and one read with
 *      VMIN=3, both done at the third byte; then
 *      "ready: gap": VMIN=5 VTIME=5, ended by half a second of silence
 *   4. "ready: switch" a child's read began in canonical mode; the parent
 *      has since switched to VMIN=1: one typed byte must end that read
 *   5. "ready: ^C"     a child reads the terminal; ^C must kill it
 *   6. "ready: poll"   (after 2) canonical mode: poll() on stdin with a
 *      timeout, then "poll: <n> <revents>", "fionread: <bytes waiting>"
 *      and "poll read: <line>"; a part of a line is not readable, the
 *      whole line is
 */
#include "check.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

static struct termios saved;

static int set_raw(int vmin, int vtime, int echo)
{
	struct termios t = saved;

	t.c_lflag &= ~ICANON;
	if (!echo)
		t.c_lflag &= ~ECHO;
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	return ioctl(0, TCSETS, &t);
}

static void settings(void)
{
	struct termios t;
	struct winsize ws;
	pid_t pgrp = 0, other = 42;
	int fd, n, err;
	off_t off;
	char c;

	n = isatty(0);
	err = errno;
	expect("isatty(0) on the console", n, "errno %d", err);
	fd = open("/dev/null", O_RDWR);
	errno = 0;
	n = fd >= 0 ? isatty(fd) : -1;
	err = errno;
	expect("isatty(/dev/null) is false with ENOTTY", n == 0 && err == ENOTTY,
	       "fd %d isatty %d errno %d", fd, n, err);
	close(fd);

	n = ioctl(0, TCGETS, &t);
	expect("TCGETS: ICANON, ECHO, ISIG, ICRNL, OPOST|ONLCR set",
	       n == 0 && (t.c_lflag & (ICANON | ECHO | ISIG)) ==
	       (ICANON | ECHO | ISIG) && (t.c_iflag & ICRNL) &&
	       (t.c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR),
	       "ioctl %d lflag %o iflag %o oflag %o", n, t.c_lflag,
	       t.c_iflag, t.c_oflag);
	expect("TCGETS: ^C ^\\ DEL ^U ^D ^Z ^W, VMIN 1 VTIME 0 as Linux",
	       t.c_cc[VINTR] == 3 && t.c_cc[VQUIT] == 034 &&
	       t.c_cc[VERASE] == 0177 && t.c_cc[VKILL] == 025 &&
	       t.c_cc[VEOF] == 4 && t.c_cc[VSUSP] == 032 &&
	       t.c_cc[VWERASE] == 027 && t.c_cc[VMIN] == 1 && t.c_cc[VTIME] == 0,
	       "c_cc differs");
	saved = t;

	n = ioctl(1, TIOCGWINSZ, &ws);
	expect("TIOCGWINSZ: 80 columns, 25 rows",
	       n == 0 && ws.ws_col == 80 && ws.ws_row == 25,
	       "ioctl %d, %dx%d", n, ws.ws_col, ws.ws_row);
	n = ioctl(0, TIOCGPGRP, &pgrp);
	expect("TIOCGPGRP: process 1's group is in front", n == 0 && pgrp == 1,
	       "ioctl %d pgrp %d", n, pgrp);
	n = ioctl(0, TIOCSPGRP, &other);
	err = errno;
	expect("TIOCSPGRP to group 42, which does not exist, is ESRCH",
	       n < 0 && err == ESRCH, "ioctl %d errno %d", n, err);
	n = ioctl(0, 0x54ff, 0);
	err = errno;
	expect("an unknown ioctl on the tty is ENOTTY", n < 0 && err == ENOTTY,
	       "errno %d", err);

	errno = 0;
	off = lseek(0, 0, SEEK_SET);
	err = errno;
	expect("lseek on a tty is ESPIPE", off < 0 && err == ESPIPE,
	       "errno %d", err);

	fd = open("/dev/tty", O_RDWR | O_NONBLOCK);
	n = read(fd, &c, 1);
	err = errno;
	expect("/dev/tty opens; O_NONBLOCK read with nothing typed is EAGAIN",
	       fd >= 0 && isatty(fd) && n < 0 && err == EAGAIN,
	       "fd %d read %d errno %d", fd, n, err);
	close(fd);

	set_raw(0, 0, 0);
	n = read(0, &c, 1);
	expect("VMIN=0 VTIME=0: read returns 0 at once", n == 0, "read %d", n);
	set_raw(0, 5, 0);
	long long t0 = now_ns();
	n = read(0, &c, 1);
	long long ms = (now_ns() - t0) / 1000000;
	expect("VMIN=0 VTIME=5: read times out with 0 bytes after 0.5 s",
	       n == 0 && ms >= 400 && ms < 2000, "read %d after %lld ms", n, ms);
	ioctl(0, TCSETS, &saved);
}

static void lines(void)
{
	char buf[256];
	int n;

	printf("ready: lines\n");
	while ((n = read(0, buf, sizeof(buf) - 1)) > 0) {
		int nl = buf[n - 1] == '\n';

		buf[n - nl] = '\0';
		printf("got: %s%s\n", buf, nl ? "" : " [no NL]");
	}
	if (n == 0)
		printf("got EOF\n");
	else
		printf("got error %d\n", errno);
}

static void polled(void)
{
	struct pollfd pfd = { 0, POLLIN | POLLOUT, 0 };
	char buf[256];
	int n;

	n = poll(&pfd, 1, 0);
	expect("poll: stdin with nothing typed is writable, not readable",
	       n == 1 && pfd.revents == POLLOUT, "poll gave %d, revents %#x",
	       n, pfd.revents);
	pfd.events = POLLIN;
	printf("ready: poll\n");
	n = poll(&pfd, 1, 60000);
	printf("poll: %d %#x\n", n, pfd.revents);
	ioctl(0, FIONREAD, &n);
	printf("fionread: %d\n", n);
	n = read(0, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	printf("poll read: %s", buf);
}

static void keys(void)
{
	char buf[16];
	int n;

	set_raw(1, 0, 0);
	printf("ready: keys\n");
	do {
		n = read(0, buf, 1);
		printf("key: %02x (%d)\n", n == 1 ? (unsigned char)buf[0] : 0, n);
	} while (n == 1 && buf[0] != 'q');
	set_raw(3, 0, 0);
	printf("ready: min3\n");
	n = poll(&(struct pollfd){ 0, POLLIN, 0 }, 1, -1);
	printf("min3 poll: %d\n", n);
	n = read(0, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	printf("min3: %d %s\n", n, buf);
	set_raw(5, 5, 0);
	printf("ready: gap\n");
	n = read(0, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	printf("gap: %d %s\n", n, buf);
	ioctl(0, TCSETS, &saved);
}

/* Started in canonical mode, this read must follow the switch to
   non-canonical VMIN=1 that the parent makes while it sleeps. */
static void read_across_switch(void)
{
	char buf[16];
	int n = read(0, buf, sizeof(buf) - 1);

	buf[n > 0 ? n : 0] = '\0';
	printf("switch: %d %s\n", n, buf);
}

static void mode_switch(void)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		read_across_switch();
		fflush(stdout);
		_exit(0);
	}
	sleep_ms(300);                  /* let the child get into read() */
	set_raw(1, 0, 0);
	printf("ready: switch\n");
	fflush(stdout);
	waitpid(pid, NULL, 0);
	ioctl(0, TCSETS, &saved);
}

static void read_forever(void)
{
	char buf[16];

	printf("ready: ^C\n");
	fflush(stdout);
	while (read(0, buf, sizeof(buf)) >= 0)
		;
	printf("read failed: errno %d\n", errno);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	settings();
	lines();
	polled();
	keys();
	mode_switch();
	int status = run_child(read_forever);
	expect("^C kills the foreground process reading the tty (SIGINT)",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGINT,
	       "child %s", describe(status));
	return check_done();
}
