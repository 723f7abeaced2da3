/*
 * ioctl() on a terminal: the termios settings (what tcgetattr() and
 * tcsetattr() use), the window size, the count of unread bytes (and of
 * unsent ones, always 0: output is written before write() returns), and
 * the job-control ones (tty_jobctl.c): the controlling terminal, the
 * foreground process group (tcgetpgrp(), tcsetpgrp()), the session.
 * isatty() is TCGETS: it works only here, every other file answers
 * ENOTTY.
 */
#include "dev/dev.h"
#include "fs/fs.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include "arch/arch.h"
#include <sprout/errno.h>
#include <sprout/signal.h>

/* TCSETS, TCSETSW, TCSETSF. Output is written before write() returns,
   so "after output drains" (W) needs no waiting here. */
static int set_termios(struct tty_struct *tty, const void *uarg, bool flush)
{
	struct termios t;
	uint32_t flags;

	if (copy_from_user(&t, uarg, sizeof(t)))
		return -EFAULT;
	flags = irq_save();
	if (flush)
		tty_flush_input(tty);
	tty_set_termios(tty, &t);
	irq_restore(flags);
	return 0;
}

/* TCFLSH: output is never queued, so only input can be dropped. */
static int flush(struct tty_struct *tty, uint32_t queue)
{
	uint32_t flags;

	if (queue != TCIFLUSH && queue != TCOFLUSH && queue != TCIOFLUSH)
		return -EINVAL;
	flags = irq_save();
	if (queue != TCOFLUSH)
		tty_flush_input(tty);
	irq_restore(flags);
	return 0;
}

/* TIOCSWINSZ: a new size is news for the foreground job (SIGWINCH), so
   that a full-screen program can redraw. */
static int set_winsize(struct tty_struct *tty, const void *uarg)
{
	struct winsize ws;

	if (copy_from_user(&ws, uarg, sizeof(ws)))
		return -EFAULT;
	if (memcmp(&ws, &tty->winsize, sizeof(ws)) == 0)
		return 0;
	tty->winsize = ws;
	tty_signal(tty, SIGWINCH);
	return 0;
}

/* The ioctls that read a setting copy it to the user's argument. */
static int put_arg(void *uarg, const void *val, size_t n)
{
	if (copy_to_user(uarg, val, n))
		return -EFAULT;
	return 0;
}

static int count_input(struct tty_struct *tty, void *uarg)
{
	uint32_t flags = irq_save();
	int n = tty_input_count(tty);

	irq_restore(flags);
	return put_arg(uarg, &n, sizeof(n));
}

/* Settings, and the line itself, are the foreground's to change: a
   background job is stopped first (SIGTTOU). */
static bool changes_settings(uint32_t cmd)
{
	return cmd == TCSETS || cmd == TCSETSW || cmd == TCSETSF ||
	       cmd == TCFLSH || cmd == TCSBRK || cmd == TCSBRKP;
}

int tty_ioctl(struct file *f, uint32_t cmd, uint32_t arg)
{
	struct tty_struct *tty = f->private_data;
	void *uarg = (void *)arg;
	int err;

	if (changes_settings(cmd) && (err = tty_check_change(tty, SIGTTOU)))
		return err;
	switch (cmd) {
	case TCGETS:
		return put_arg(uarg, &tty->termios, sizeof(struct termios));
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return set_termios(tty, uarg, cmd == TCSETSF);
	case TCFLSH:
		return flush(tty, arg);
	case TCSBRK:            /* tcdrain(), tcsendbreak(): output is sent */
	case TCSBRKP:           /* before write() returns, and a console */
		return 0;       /* line has no break to send (Linux: 0 too) */
	case TIOCOUTQ:
		return put_arg(uarg, &(int){ 0 }, sizeof(int));
	case TIOCSCTTY:
		return tiocsctty(tty);
	case TIOCNOTTY:
		return tiocnotty(tty);
	case TIOCGPGRP:
		return tiocgpgrp(tty, uarg);
	case TIOCSPGRP:
		return tiocspgrp(tty, uarg);
	case TIOCGSID:
		return tiocgsid(tty, uarg);
	case TIOCGWINSZ:
		return put_arg(uarg, &tty->winsize, sizeof(struct winsize));
	case TIOCSWINSZ:
		return set_winsize(tty, uarg);
	case FIONREAD:
		return count_input(tty, uarg);
	default:
		return -ENOTTY;
	}
}
