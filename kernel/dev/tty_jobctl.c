/*
 * The controlling terminal and job control (docs/jobs.md has the
 * picture).
 *
 * A terminal belongs to at most one session (tty->session) and has one
 * foreground process group (tty->pgrp), the job that may read it and
 * that ^C, ^\ and ^Z signal. Every other group of the session is in the
 * background:
 *
 *   read() from the background        SIGTTIN to the reader's group: it
 *                                     stops until the shell continues it
 *   write() from the background,      SIGTTOU likewise; without TOSTOP
 *   with TOSTOP set                   background output is allowed
 *   changing the settings (TCSETS,    SIGTTOU
 *   TCFLSH, TIOCSPGRP) from the
 *   background
 *
 * A process that ignores or blocks the signal is not stopped: its write
 * or ioctl goes ahead, its read fails with EIO. So does everything in an
 * orphaned group, which nobody would ever continue.
 *
 * Each process points at its controlling terminal (task->tty): fork
 * copies the pointer, setsid() clears it, and /dev/tty opens it.
 */
#include "dev/dev.h"
#include "signal/signal.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include <sprout/errno.h>
#include <sprout/fcntl.h>

static bool session_leader(void)
{
	return current->session == current->pid;
}

/* tty becomes the controlling terminal of the caller's session, with
   the caller's group in front. */
static void set_ctty(struct tty_struct *tty)
{
	tty->session = current->session;
	tty->pgrp = current->pgrp;
	current->tty = tty;
}

/* open() without O_NOCTTY: a session leader with no terminal takes the
   first free one it opens, as on Linux and in Linux 0.11. (/dev/tty
   never gets here: it is the controlling terminal already.) */
void tty_open_ctty(struct tty_struct *tty, int flags)
{
	if (!(flags & O_NOCTTY) && session_leader() && !current->tty &&
	    !tty->session)
		set_ctty(tty);
}

/*
 * May the caller use tty in a way that is the foreground's right (sig
 * is SIGTTIN for a read, SIGTTOU for the others)? 0 if it may go on. A
 * background caller's whole group is sent sig, and -ERESTARTSYS is
 * returned: the signal stops the process on its way out of the kernel,
 * and the call is made again once the job is continued (or fails with
 * EINTR if a handler caught the signal: see signal/deliver.c).
 */
int tty_check_change(struct tty_struct *tty, int sig)
{
	if (current->tty != tty || !tty->pgrp || current->pgrp == tty->pgrp)
		return 0;                       /* not ours, or in front */
	if (sig_ignored_or_blocked(current, sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (is_orphaned_pgrp(current->pgrp))
		return -EIO;
	kill_pg(current->pgrp, sig);
	/* Only process 1, which drops the signals it has no handler for,
	   has nothing pending now: it goes on. */
	return signal_pending(current) ? -ERESTARTSYS : 0;
}

/*
 * The session is over for this terminal: its leader exits, or gives it
 * up with TIOCNOTTY. The foreground job is told with SIGHUP (and
 * SIGCONT, in case it is stopped and would never see the SIGHUP), and
 * every process of the session loses its controlling terminal, so the
 * terminal is free for the next session leader that opens it.
 */
void disassociate_ctty(void)
{
	struct tty_struct *tty = current->tty;
	struct task_struct *t;

	if (!tty)
		return;
	if (tty->pgrp) {
		kill_pg(tty->pgrp, SIGHUP);
		kill_pg(tty->pgrp, SIGCONT);
	}
	tty->session = 0;
	tty->pgrp = 0;
	for_each_task(t)
		if (t->session == current->session)
			t->tty = NULL;
}

/* TIOCSCTTY: take tty as controlling terminal explicitly, even one
   opened with O_NOCTTY. Only a session leader without one may, and only
   a terminal no other session holds (Linux lets a privileged caller
   steal it with arg 1; Sprout has no privileges, so never). */
int tiocsctty(struct tty_struct *tty)
{
	if (session_leader() && tty->session == current->session)
		return 0;                       /* already ours */
	if (!session_leader() || current->tty || tty->session)
		return -EPERM;
	set_ctty(tty);
	return 0;
}

/* TIOCNOTTY: a process lets go of its controlling terminal; when the
   session leader does, the whole session does. */
int tiocnotty(struct tty_struct *tty)
{
	if (current->tty != tty)
		return -ENOTTY;
	if (session_leader())
		disassociate_ctty();
	current->tty = NULL;
	return 0;
}

/* TIOCGPGRP (tcgetpgrp): only about one's own controlling terminal. */
int tiocgpgrp(struct tty_struct *tty, pid_t *uarg)
{
	if (current->tty != tty)
		return -ENOTTY;
	return copy_to_user(uarg, &tty->pgrp, sizeof(pid_t)) ? -EFAULT : 0;
}

/*
 * TIOCSPGRP (tcsetpgrp): move a group of the caller's own session to the
 * front. A background caller is stopped with SIGTTOU first, so a job
 * cannot grab the terminal from the shell; POSIX gives tcsetpgrp no EIO,
 * so an orphaned caller gets ENOTTY (as on Linux). A number that is no
 * group at all is ESRCH, as on Linux.
 */
int tiocspgrp(struct tty_struct *tty, const pid_t *uarg)
{
	int err = tty_check_change(tty, SIGTTOU);
	pid_t pgrp, sid;

	if (err)
		return err == -EIO ? -ENOTTY : err;
	if (current->tty != tty)
		return -ENOTTY;
	if (copy_from_user(&pgrp, uarg, sizeof(pgrp)))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	sid = session_of_pgrp(pgrp);
	if (!sid)
		return -ESRCH;
	if (sid != current->session)
		return -EPERM;
	tty->pgrp = pgrp;
	return 0;
}

/* TIOCGSID (tcgetsid): the session the terminal controls. (A process's
   controlling terminal is always its own session's: set_ctty() and
   disassociate_ctty() change both sides at once.) */
int tiocgsid(struct tty_struct *tty, pid_t *uarg)
{
	if (current->tty != tty)
		return -ENOTTY;
	return copy_to_user(uarg, &tty->session, sizeof(pid_t)) ? -EFAULT : 0;
}
