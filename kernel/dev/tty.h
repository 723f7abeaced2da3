/*
 * A terminal (tty): a keyboard and a screen joined by the line discipline,
 * which decides what a typed character means before any program sees it.
 *
 *   interrupt --> tty_receive() --> line[] (the line being edited, in
 *                      |                    canonical mode)
 *                      |   Enter / ^D            |
 *                      v                         v
 *                 echo to the screen        read_q --> read()
 *                                           (whole lines when canonical)
 *
 * One struct per terminal. Sprout has one, the console (console_tty in
 * kernel/dev/console.c); a second (a serial line of its own, a pty) would
 * be another struct tty_struct with its own write function.
 */
#ifndef _DEV_TTY_H
#define _DEV_TTY_H

#include "include/types.h"
#include "sched/sched.h"
#include <sprout/termios.h>

/* Linux's sizes (N_TTY_BUF_SIZE): a line of up to 4095 characters and
   its end, so a long command line pasted at the shell arrives whole. */
#define TTY_LINE_MAX  4096      /* longest line being edited (MAX_CANON) */
#define TTY_BUF_SIZE  4096      /* bytes waiting for read() */
#define TTY_MAX_LINES 32        /* finished lines waiting for read() */

/* A ring of bytes. head and tail run freely (they wrap at 2^32, never at
   the size): tail - head is the number of bytes in it. */
struct tty_queue {
	char buf[TTY_BUF_SIZE];
	uint32_t head, tail;        /* head: next to read; tail: next to write */
};

struct tty_struct {
	struct termios termios;
	struct winsize winsize;
	/* Job control (tty_jobctl.c, docs/jobs.md): 0 and 0 until a
	   session leader makes this its controlling terminal. */
	pid_t session;              /* the session it controls */
	pid_t pgrp;                 /* foreground process group: gets ^C */
	/* The device: sends bytes to the screen as they are, unprocessed. */
	void (*write)(const char *buf, size_t n);

	/* Canonical mode: the line being typed, not yet readable. */
	char line[TTY_LINE_MAX];
	size_t line_len;

	/* Bytes read() may take. In canonical mode they come in whole lines:
	   line_end[] holds the read_q position where each one ends (an
	   empty line is ^D at the start of a line: end of file). */
	struct tty_queue read_q;
	uint32_t line_end[TTY_MAX_LINES];
	uint32_t lines_head, lines_tail;   /* free-running, like the queue's */

	struct wait_queue read_wait;       /* readers sleep here */
};

/* Boot: set up the console's tty (called by console_init()). */
void tty_init(void);
/* Give a tty its default settings (Linux's) and its device. */
void tty_setup(struct tty_struct *tty, void (*write)(const char *, size_t));

/* The line discipline (kernel/dev/tty.c). */
void tty_receive(struct tty_struct *tty, char c);       /* from interrupts */
void tty_output(struct tty_struct *tty, const char *buf, size_t n);
void tty_set_termios(struct tty_struct *tty, const struct termios *t);
void tty_flush_input(struct tty_struct *tty);
bool tty_readable(struct tty_struct *tty);
size_t tty_input_count(struct tty_struct *tty);
size_t tty_take(struct tty_struct *tty, char *buf, size_t n, bool *line_done);

/* ^C, ^\ and ^Z: signal the foreground process group (kernel/dev/tty_io.c). */
void tty_signal(struct tty_struct *tty, int sig);

/* tty_ioctl.c: the terminal's ioctls (tty_io.c's file operations use it). */
struct file;
int tty_ioctl(struct file *f, uint32_t cmd, uint32_t arg);

/* tty_jobctl.c: the controlling terminal and job control. */
void tty_open_ctty(struct tty_struct *tty, int flags);  /* from open() */
int tty_check_change(struct tty_struct *tty, int sig);  /* SIGTTIN/SIGTTOU */
void disassociate_ctty(void);   /* a session leader lets go of its tty */
int tiocsctty(struct tty_struct *tty);
int tiocnotty(struct tty_struct *tty);
int tiocgpgrp(struct tty_struct *tty, pid_t *uarg);
int tiocspgrp(struct tty_struct *tty, const pid_t *uarg);
int tiocgsid(struct tty_struct *tty, pid_t *uarg);

extern struct tty_struct console_tty;

#endif
