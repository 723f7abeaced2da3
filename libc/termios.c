/*
 * Terminal settings: each POSIX call is one ioctl on the terminal
 * (kernel/dev/tty_ioctl.c), or a change to a struct termios in memory.
 */
#include <termios.h>
#include <sys/ioctl.h>
#include <errno.h>

int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}

/* TCSANOW, TCSADRAIN and TCSAFLUSH are 0, 1, 2 and their ioctls
   TCSETS, TCSETSW and TCSETSF follow each other in the same order. */
int tcsetattr(int fd, int when, const struct termios *t)
{
	if (when < TCSANOW || when > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, TCSETS + when, t);
}

int tcflush(int fd, int queue)
{
	return ioctl(fd, TCFLSH, queue);
}

/* Wait until output is sent (at once: the console writes it before
   write() returns), and send a break: both TCSBRK, as in glibc. */
int tcdrain(int fd)
{
	return ioctl(fd, TCSBRK, 1);
}

int tcsendbreak(int fd, int duration)
{
	(void)duration;         /* glibc ignores it too: 0.25 s or so */
	return ioctl(fd, TCSBRK, 0);
}

/* The session the terminal belongs to: only for the caller's own
   controlling terminal. */
pid_t tcgetsid(int fd)
{
	pid_t sid;

	return ioctl(fd, TIOCGSID, &sid) < 0 ? -1 : sid;
}

/* Raw mode: bytes in and out as they are - no line editing, echo,
   signal keys, CR/NL translation or parity; reads return each byte. */
void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
			ICRNL | IXON);
	t->c_oflag &= ~OPOST;
	t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

/* The speed is a B* code in c_cflag's CBAUD bits, as on Linux, and
   the input speed is the output speed. */
speed_t cfgetospeed(const struct termios *t)
{
	return t->c_cflag & CBAUD;
}

speed_t cfgetispeed(const struct termios *t)
{
	return cfgetospeed(t);
}

int cfsetospeed(struct termios *t, speed_t speed)
{
	if (speed & ~CBAUD) {
		errno = EINVAL;
		return -1;
	}
	t->c_cflag = (t->c_cflag & ~CBAUD) | speed;
	return 0;
}

int cfsetispeed(struct termios *t, speed_t speed)
{
	return cfsetospeed(t, speed);
}
