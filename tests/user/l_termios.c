/*
 * <termios.h> on the console, which process 1 has as its descriptors
 * 0-2: settings round-trip through tcgetattr/tcsetattr, a bad "when" is
 * EINVAL, a pipe is no terminal, tcflush, cfmakeraw, speeds and tcgetsid. Runs
 * as process 1 (tests/guest_libc.py) and on an x86 Linux machine too.
 */
#include "check.h"
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <termios.h>

static void settings(void)
{
	struct termios saved, t, back;
	int fds[2];

	if (!isatty(0)) {
		skip("tcgetattr, tcsetattr: the console", "stdin is no terminal");
		return;
	}
	/* glibc's struct termios has padding tcgetattr leaves alone, and
	   the memcmp below compares it too. */
	memset(&saved, 0, sizeof(saved));
	memset(&back, 0, sizeof(back));
	tcgetattr(0, &saved);
	t = saved;
	t.c_lflag &= ~ECHO;
	t.c_cc[VMIN] = 7;
	expect("tcsetattr(TCSANOW) then tcgetattr: the new settings",
	       tcsetattr(0, TCSANOW, &t) == 0 && tcgetattr(0, &back) == 0 &&
	       !(back.c_lflag & ECHO) && back.c_cc[VMIN] == 7, "lflag %#o", back.c_lflag);
	expect("tcsetattr(TCSADRAIN) and (TCSAFLUSH) put them back",
	       tcsetattr(0, TCSADRAIN, &saved) == 0 &&
	       tcsetattr(0, TCSAFLUSH, &saved) == 0 && tcgetattr(0, &back) == 0 &&
	       memcmp(&back, &saved, sizeof(back)) == 0, "differ");
	errno = 0;
	expect("tcsetattr: an unknown \"when\" is EINVAL",
	       tcsetattr(0, 3, &saved) == -1 && errno == EINVAL, "errno %d", errno);
	pipe(fds);
	errno = 0;
	expect("tcgetattr on a pipe: ENOTTY",
	       tcgetattr(fds[0], &t) == -1 && errno == ENOTTY, "errno %d", errno);
	errno = 0;
	expect("tcflush: the console's input yes, a pipe ENOTTY",
	       tcflush(0, TCIFLUSH) == 0 && tcflush(fds[0], TCIFLUSH) == -1 &&
	       errno == ENOTTY, "errno %d", errno);
	close(fds[0]);
	close(fds[1]);
	expect("tcgetsid: the console is our session's terminal",
	       tcgetsid(0) == getsid(0), "tcgetsid %d, session %d",
	       tcgetsid(0), getsid(0));
}

static void in_memory(void)
{
	struct termios t;

	memset(&t, 0xff, sizeof(t));
	cfmakeraw(&t);
	expect("cfmakeraw: no echo, canonical mode, signals or CR/NL mapping; 8 bits",
	       !(t.c_lflag & (ECHO | ICANON | ISIG)) && !(t.c_iflag & ICRNL) &&
	       !(t.c_oflag & OPOST) && (t.c_cflag & CSIZE) == CS8 &&
	       !(t.c_cflag & PARENB) && t.c_cc[VMIN] == 1 && t.c_cc[VTIME] == 0,
	       "lflag %#o", t.c_lflag);
	expect("cfsetospeed stores the speed cfgetospeed and cfgetispeed read",
	       cfsetospeed(&t, B9600) == 0 && cfgetospeed(&t) == B9600 &&
	       cfgetispeed(&t) == B9600 && (t.c_cflag & CSIZE) == CS8,
	       "%#o", cfgetospeed(&t));
	errno = 0;
	expect("cfsetospeed: no such speed code is EINVAL",
	       cfsetospeed(&t, 12345) == -1 && errno == EINVAL &&
	       cfgetospeed(&t) == B9600, "errno %d", errno);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	settings();
	in_memory();
	return check_done();
}
