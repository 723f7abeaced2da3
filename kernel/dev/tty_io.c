/*
 * The terminal as a file: open(), read(), write() on /dev/tty,
 * /dev/console and /dev/ttyN, plus the ^C hook. Who may read and write
 * is job control's question (tty_check_change, tty_jobctl.c).
 *
 * read() is where the line discipline meets processes: the reader sleeps
 * until tty_receive() (an interrupt handler) has something for it. How
 * long it waits is the terminal's setting:
 *
 *   canonical (ICANON)   until a whole line is typed; returns that line
 *   VMIN > 0, VTIME = 0  until VMIN bytes have come
 *   VMIN = 0, VTIME > 0  until one byte comes or VTIME tenths of a second
 *                        pass (then it returns 0)
 *   VMIN > 0, VTIME > 0  until VMIN bytes, or VTIME tenths of a second of
 *                        silence after a byte
 *   VMIN = 0, VTIME = 0  not at all: returns what is there, maybe nothing
 */
#include "dev/dev.h"
#include "fs/fs.h"
#include "signal/signal.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include <sprout/errno.h>

static const struct file_operations tty_fops;

/* The console's tty, and its device files in the char-device switch. */
void tty_init(void)
{
	tty_setup(&console_tty, console_output);
	console_tty.winsize = (struct winsize){ .ws_row = 25, .ws_col = 80 };
	register_chrdev(TTY_MAJOR, &tty_fops);
	register_chrdev(TTYAUX_MAJOR, &tty_fops);
}

/* ^C, ^\ and ^Z go to every process in the foreground group: a shell
   puts each job in a group of its own and moves the one in front with
   TIOCSPGRP, so ^C stops the job, not the shell. */
void tty_signal(struct tty_struct *tty, int sig)
{
	if (tty->pgrp > 0)
		kill_pg(tty->pgrp, sig);
}

/* /dev/console (5,1) is the console, /dev/tty0 and /dev/tty1 (4,0 and
   4,1) its screen: with one terminal, all three are the console. */
static struct tty_struct *tty_lookup(dev_t dev)
{
	if (dev == MKDEV(TTYAUX_MAJOR, 1) || dev == MKDEV(TTY_MAJOR, 0) ||
	    dev == MKDEV(TTY_MAJOR, 1))
		return &console_tty;
	return NULL;
}

/* /dev/tty (5,0) is "my controlling terminal", whichever that is: ENXIO
   for a process that has none. Opening any other terminal may make it
   the caller's controlling terminal. */
static int tty_open(struct inode *inode, struct file *f)
{
	struct tty_struct *tty;

	if (inode->i_rdev == MKDEV(TTYAUX_MAJOR, 0)) {
		tty = current->tty;
	} else {
		tty = tty_lookup(inode->i_rdev);
		if (tty)
			tty_open_ctty(tty, f->f_flags);
	}
	if (!tty)
		return -ENXIO;
	f->private_data = tty;
	return 0;
}

/* VTIME's limits are deadlines on the monotonic clock, in ns (0: none);
   see ticks_until() for why not in ticks. */
static bool time_reached(uint64_t deadline)
{
	return deadline && ticks_until(deadline) == 0;
}

/* Sleep until input comes, a signal arrives (-ERESTARTSYS) or the deadline
   passes (the scheduler wakes a sleeper whose current->timeout has
   passed). The caller then looks again. */
static int wait_for_input(struct tty_struct *tty, uint64_t deadline)
{
	int ret = 0;

	prepare_to_wait(&tty->read_wait, TASK_INTERRUPTIBLE);
	current->timeout = deadline ? jiffies + ticks_until(deadline) : 0;
	if (signal_pending(current))
		ret = -ERESTARTSYS;
	else if (!tty_readable(tty) && !time_reached(deadline))
		schedule();
	current->timeout = 0;
	finish_wait(&tty->read_wait);
	return ret;
}

/* Move what the queue has, up to n bytes, to the user: through a small
   kernel buffer, because the queue is shared with the interrupt handler
   (taken with interrupts off) and touching user memory may fault a page
   in, or even wait for the OOM killer. The bytes moved, or -EFAULT. */
static ssize_t take(struct tty_struct *tty, char *ubuf, size_t n,
		    bool *line_done)
{
	char kbuf[128];
	size_t done = 0, want, got;

	do {
		uint32_t flags = irq_save();

		want = n - done < sizeof(kbuf) ? n - done : sizeof(kbuf);
		got = tty_take(tty, kbuf, want, line_done);
		irq_restore(flags);
		if (copy_to_user(ubuf + done, kbuf, got))
			return -EFAULT;
		done += got;
	} while (got == want && done < n && !*line_done);
	return done;
}

/* Non-canonical mode: has this read got what VMIN and VTIME ask for? */
static bool raw_read_done(struct tty_struct *tty, size_t done)
{
	cc_t vmin = tty->termios.c_cc[VMIN], vtime = tty->termios.c_cc[VTIME];

	if (vmin == 0)
		return done > 0 || vtime == 0;
	return done >= vmin;
}

/* The mode and the foreground group are looked at again after every
   sleep: another process may have changed them meanwhile (a shell moves
   jobs to the background; tty_set_termios wakes us for a new mode). */
static ssize_t tty_read(struct file *f, char *ubuf, size_t n)
{
	struct tty_struct *tty = f->private_data;
	uint64_t span = tty->termios.c_cc[VTIME] * 100000000ULL;  /* 1/10 s */
	uint64_t deadline = 0;
	size_t done = 0;
	int err;

	if (n == 0)
		return 0;
	if (!(tty->termios.c_lflag & ICANON) && tty->termios.c_cc[VMIN] == 0 &&
	    span)
		deadline = monotonic_ns() + span;       /* the read's own timer */
	for (;;) {
		bool line_done;
		ssize_t got;

		if ((err = tty_check_change(tty, SIGTTIN)))   /* background? */
			return done ? (ssize_t)done : err;
		got = take(tty, ubuf + done, n - done, &line_done);
		if (got < 0)
			return done ? (ssize_t)done : got;

		done += got;
		if (done == n || line_done)
			break;
		if (!(tty->termios.c_lflag & ICANON)) {
			if (raw_read_done(tty, done))
				break;
			if (got && span && tty->termios.c_cc[VMIN])
				deadline = monotonic_ns() + span; /* between bytes */
			if (time_reached(deadline))
				break;
		}
		if (f->f_flags & O_NONBLOCK)
			return done ? (ssize_t)done : -EAGAIN;
		if (wait_for_input(tty, deadline) < 0)
			return done ? (ssize_t)done : -ERESTARTSYS;
	}
	return done;
}

/* poll(): readable when a read would not wait: a whole line in canonical
   mode; otherwise VMIN bytes when only VMIN counts (VTIME 0), else one.
   Always writable: output never waits. */
static unsigned int tty_poll(struct file *f, struct poll_table *pt)
{
	struct tty_struct *tty = f->private_data;
	cc_t vmin = tty->termios.c_cc[VMIN], vtime = tty->termios.c_cc[VTIME];
	size_t need = vmin && !vtime ? vmin : 1;
	unsigned int mask = POLLOUT | POLLWRNORM;
	bool readable;

	poll_wait(f, &tty->read_wait, pt);
	if (tty->termios.c_lflag & ICANON)
		readable = tty_readable(tty);
	else
		readable = tty_input_count(tty) >= need;
	if (readable)
		mask |= POLLIN | POLLRDNORM;
	return mask;
}

/* Output goes through tty_output() (ONLCR) a chunk at a time, with
   interrupts off so that an echo cannot land inside a chunk, but on
   between chunks so that a long write does not hold up the timer. Each
   chunk is copied in first, while interrupts are on: reading the user's
   memory may fault. */
static ssize_t tty_write(struct file *f, const char *ubuf, size_t n)
{
	struct tty_struct *tty = f->private_data;
	size_t done = 0;
	int err;

	if ((tty->termios.c_lflag & TOSTOP) &&
	    (err = tty_check_change(tty, SIGTTOU)))   /* background? */
		return err;
	while (done < n) {
		char kbuf[128];
		size_t k = n - done < sizeof(kbuf) ? n - done : sizeof(kbuf);
		size_t bad = copy_from_user(kbuf, ubuf + done, k);
		uint32_t flags = irq_save();

		tty_output(tty, kbuf, k - bad);
		irq_restore(flags);
		done += k - bad;
		if (bad)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

/* No lseek: the files layer answers ESPIPE, as for a pipe. */
static const struct file_operations tty_fops = {
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.open = tty_open,
	.poll = tty_poll,
};
