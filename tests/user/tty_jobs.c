/*
 * Job control on the terminal, driven from outside: tests/guest_tty.py
 * boots this as process 1 (the console is then its controlling
 * terminal) and types when a "ready:" line says so.
 *
 *   1. the controlling terminal: /dev/tty, setsid, TIOCSCTTY, TIOCNOTTY,
 *      tcsetpgrp's errors
 *   2. "ready: fg read"  a background reader is stopped by SIGTTIN; given
 *      the terminal and continued, it reads the line typed ("hello")
 *   3. background writes (TOSTOP) and settings: SIGTTOU
 *   4. an orphaned background group gets EIO (TOSTOP on); the session
 *      leader's TIOCNOTTY hangs up the foreground job; TIOCSCTTY takes
 *      the terminal back
 *   5. a session leader that exits hangs up its terminal
 *   6. "ready: ^C job", "ready: ^Z job"  a "shell" child gives the
 *      terminal to a job of its own; ^C kills the job, ^Z stops it, and
 *      the shell, in another group, lives on
 */
#include "check.h"
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>

/* A call that must fail with err; r is its result. */
static void expect_errno(const char *name, long r, int err)
{
	int e = errno;

	expect(name, r == -1 && e == err, "returned %ld, errno %d", r, e);
}

static int stopped_by(pid_t pid, int sig)
{
	int status;

	return waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status) &&
	       WSTOPSIG(status) == sig;
}

static void kill_and_reap(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/* fork() for a job: the child in a group of its own. Parent and child
   both call setpgid, as a shell does, so that neither has to run first. */
static pid_t fork_job(void)
{
	pid_t pid = fork();

	if (pid >= 0)
		setpgid(pid ? pid : 0, 0);
	return pid;
}

static int dev_tty_errno(void)
{
	int fd = open("/dev/tty", O_RDWR);

	if (fd < 0)
		return errno;
	close(fd);
	return 0;
}

/* Process 1 gives the console up and takes it again: its group is in
   front once more, whatever group had it. (A shell would block SIGTTOU
   and call tcsetpgrp; process 1's group is orphaned, so that would be
   ENOTTY here, and blocking signals comes with the signals work.) */
static void reclaim(void)
{
	ioctl(0, TIOCNOTTY);
	ioctl(0, TIOCSCTTY, 0);
}

/* Exit codes of the children below: the number of the first failed check. */
static void new_session_checks(void)
{
	pid_t sid;
	int fd;

	if (setsid() != getpid())
		_exit(1);
	if (dev_tty_errno() != ENXIO)
		_exit(2);       /* setsid left the controlling terminal behind */
	if (tcgetpgrp(0) != -1 || errno != ENOTTY)
		_exit(3);       /* fd 0 is the console, but not mine any more */
	if (ioctl(0, TIOCGSID, &sid) != -1 || errno != ENOTTY)
		_exit(4);
	fd = open("/dev/console", O_RDWR);
	if (fd < 0 || dev_tty_errno() != ENXIO)
		_exit(5);       /* session 1 holds it: opening it gives nothing */
	if (ioctl(fd, TIOCSCTTY, 0) != -1 || errno != EPERM)
		_exit(6);
	_exit(0);
}

static void not_leader_checks(void)
{
	if (ioctl(0, TIOCSCTTY, 0) != -1 || errno != EPERM)
		_exit(1);       /* not a session leader */
	if (ioctl(0, TIOCNOTTY) != 0 || dev_tty_errno() != ENXIO)
		_exit(2);       /* gave it up, for itself alone */
	_exit(0);
}

static void controlling(void)
{
	pid_t pgrp = 0, sid = 0, other;
	int n, fd, status;

	n = ioctl(0, TIOCGSID, &sid);
	pgrp = tcgetpgrp(0);
	expect("the console is process 1's controlling terminal: "
	       "tcgetpgrp 1, TIOCGSID 1", n == 0 && sid == 1 && pgrp == 1,
	       "ioctl %d sid %d pgrp %d errno %d", n, sid, pgrp, errno);
	fd = open("/dev/tty", O_RDWR);
	sid = 0;
	expect("/dev/tty opens the controlling terminal",
	       fd >= 0 && ioctl(fd, TIOCGSID, &sid) == 0 && sid == 1,
	       "fd %d sid %d errno %d", fd, sid, errno);
	close(fd);

	status = run_child(new_session_checks);
	expect("after setsid: /dev/tty is ENXIO, tcgetpgrp and TIOCGSID ENOTTY; "
	       "opening the console does not take it from session 1, "
	       "nor does TIOCSCTTY (EPERM)",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "%s (the number is the check that failed)", describe(status));
	status = run_child(not_leader_checks);
	expect("TIOCSCTTY by a process that leads no session is EPERM; its "
	       "TIOCNOTTY drops the terminal for itself alone",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	       tcgetpgrp(0) == 1 && dev_tty_errno() == 0,
	       "%s (the number is the check that failed), tcgetpgrp %d",
	       describe(status), tcgetpgrp(0));
	expect_errno("tcsetpgrp to a negative group is EINVAL",
		     tcsetpgrp(0, -1), EINVAL);

	other = fork();
	if (other == 0) {
		setsid();
		raise(SIGSTOP);
		_exit(0);
	}
	if (stopped_by(other, SIGSTOP))
		expect_errno("tcsetpgrp to a group of another session is EPERM",
			     tcsetpgrp(0, other), EPERM);
	else
		expect("tcsetpgrp to a group of another session is EPERM", 0,
		       "the child did not stop");
	kill_and_reap(other);
}

/* Background, then foreground once continued: the read stopped by
   SIGTTIN is made again when the job is continued (as on Linux). */
static void reader(void)
{
	char buf[32];
	ssize_t n = read(0, buf, sizeof(buf));

	tcsetpgrp(0, getpgid(getppid()));       /* the terminal back */
	_exit(n == 6 && memcmp(buf, "hello\n", 6) == 0 ? 0 : 1);
}

static void background_read(void)
{
	pid_t pid = fork_job();
	int status, n;

	if (pid == 0)
		reader();
	n = stopped_by(pid, SIGTTIN);
	expect("a background read stops the reader with SIGTTIN", n,
	       "it did not stop with SIGTTIN");
	if (!n) {
		kill_and_reap(pid);
		return;
	}
	tcsetpgrp(0, pid);                      /* fg: to the front ... */
	kill(pid, SIGCONT);                     /* ... and continued */
	write(1, "ready: fg read\n", 15);
	waitpid(pid, &status, 0);
	expect("moved to the front and continued, it reads the typed line",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	       tcgetpgrp(0) == 1, "%s, tcgetpgrp %d", describe(status),
	       tcgetpgrp(0));
}

/* Run fn in a background job and see it stop with sig, or exit. */
static void in_background(const char *name, void (*fn)(void), int sig)
{
	pid_t pid = fork_job();
	int status;

	if (pid == 0) {
		fn();
		_exit(0);
	}
	if (sig) {
		expect(name, stopped_by(pid, sig), "it did not stop with %d", sig);
		kill_and_reap(pid);
		return;
	}
	waitpid(pid, &status, 0);
	expect(name, WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s",
	       describe(status));
}

static void write_line(void)
{
	if (write(1, "background output\n", 18) != 18)
		_exit(1);
}

static void set_settings(void)
{
	struct termios t;

	ioctl(0, TCGETS, &t);
	ioctl(0, TCSETS, &t);
}

static void take_terminal(void)
{
	tcsetpgrp(0, getpgrp());
}

static void set_tostop(int on)
{
	struct termios t;

	ioctl(0, TCGETS, &t);
	t.c_lflag = on ? t.c_lflag | TOSTOP : t.c_lflag & ~TOSTOP;
	ioctl(0, TCSETS, &t);
}

static void background_write(void)
{
	in_background("without TOSTOP a background job may write",
		      write_line, 0);
	set_tostop(1);
	in_background("with TOSTOP a background write stops the writer with "
		      "SIGTTOU", write_line, SIGTTOU);
	set_tostop(0);
	in_background("TCSETS from the background stops the caller with SIGTTOU",
		      set_settings, SIGTTOU);
	in_background("tcsetpgrp from the background stops the caller with "
		      "SIGTTOU", take_terminal, SIGTTOU);
}

/* In process 1's group, now in the background: orphaned, as process 1's
   parent is in no session of ours. TOSTOP is on. */
static void orphan_checks(void)
{
	char c;
	struct termios t;

	if (read(0, &c, 1) != -1 || errno != EIO)
		_exit(1);
	if (write(1, "x", 1) != -1 || errno != EIO)
		_exit(2);
	ioctl(0, TCGETS, &t);
	if (ioctl(0, TCSETS, &t) != -1 || errno != EIO)
		_exit(3);
	_exit(0);
}

/*
 * A stopped job in front, TOSTOP on: process 1 itself cannot write to
 * the terminal (EIO) until its TIOCNOTTY, which hangs the job up, so
 * the results are printed after that.
 */
static void orphaned_background(void)
{
	pid_t job = fork_job(), pgrp;
	int status, job_status, r, err;

	if (job == 0) {
		raise(SIGSTOP);
		_exit(0);
	}
	if (!stopped_by(job, SIGSTOP)) {
		expect("an orphaned background group: read, TOSTOP write and "
		       "TCSETS are EIO", 0, "the job did not stop");
		kill_and_reap(job);
		return;
	}
	set_tostop(1);
	tcsetpgrp(0, job);
	status = run_child(orphan_checks);
	r = tcsetpgrp(0, 1);
	err = errno;
	expect("TIOCNOTTY by the session leader succeeds",
	       ioctl(0, TIOCNOTTY) == 0, "errno %d", errno);
	expect("an orphaned background group: read, TOSTOP write and TCSETS "
	       "are EIO", WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "%s (the number is the check that failed)", describe(status));
	expect("and its tcsetpgrp is ENOTTY (no SIGTTOU: nobody would "
	       "continue it)", r == -1 && err == ENOTTY,
	       "returned %d, errno %d", r, err);
	waitpid(job, &job_status, 0);
	expect("TIOCNOTTY hangs up the stopped foreground job: SIGHUP, SIGCONT",
	       WIFSIGNALED(job_status) && WTERMSIG(job_status) == SIGHUP, "%s",
	       describe(job_status));
	pgrp = tcgetpgrp(0);
	expect("... after which tcgetpgrp is ENOTTY and /dev/tty ENXIO",
	       pgrp == -1 && errno == ENOTTY && dev_tty_errno() == ENXIO,
	       "tcgetpgrp %d errno %d", pgrp, errno);
	expect("TIOCSCTTY makes it the controlling terminal again, "
	       "process 1's group in front",
	       ioctl(0, TIOCSCTTY, 0) == 0 && tcgetpgrp(0) == 1,
	       "errno %d tcgetpgrp %d", errno, tcgetpgrp(0));
	set_tostop(0);
}

/* After its leader has gone, this member of the session (in a group
   of its own, so not hung up) has no controlling terminal. */
static void outlive_leader(void)
{
	for (int i = 0; i < 300 && getppid() != 1; i++)
		sleep_ms(10);
	_exit(dev_tty_errno() == ENXIO ? 0 : 1);
}

/* A session leader that takes the (free) console by opening it. */
static void session_leader(void)
{
	char c;
	pid_t sid = 0;
	int fd;

	setsid();
	fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd < 0 || dev_tty_errno() != ENXIO)
		_exit(1);       /* O_NOCTTY: not taken */
	fd = open("/dev/console", O_RDWR);
	if (fd < 0 || dev_tty_errno() != 0 || ioctl(fd, TIOCGSID, &sid) ||
	    sid != getpid() || tcgetpgrp(fd) != getpid())
		_exit(2);       /* taken, with my group in front */
	if (fork() == 0) {
		read(fd, &c, 1);                /* in front: waits */
		_exit(3);
	}
	if (fork_job() == 0)
		outlive_leader();
	sleep_ms(300);
	_exit(0);
}

static void leader_exit(void)
{
	int status, hung_up = 0, alone = 0;

	ioctl(0, TIOCNOTTY);                    /* the console is free */
	status = run_child(session_leader);
	expect("a session leader opening a free terminal makes it its "
	       "controlling terminal (unless O_NOCTTY)",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "%s (the number is the check that failed)", describe(status));
	for (int i = 0; i < 2 && wait(&status) > 0; i++) {
		hung_up += WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP;
		alone += WIFEXITED(status) && WEXITSTATUS(status) == 0;
	}
	expect("when it exits, its foreground job gets SIGHUP", hung_up == 1,
	       "%d killed by SIGHUP", hung_up);
	expect("and the others of its session lose the terminal (/dev/tty ENXIO)",
	       alone == 1, "%d exited 0", alone);
	expect("and the terminal is free: process 1 takes it with TIOCSCTTY",
	       ioctl(0, TIOCSCTTY, 0) == 0 && tcgetpgrp(0) == 1,
	       "errno %d tcgetpgrp %d", errno, tcgetpgrp(0));
}

static const char *typed_key;   /* for the job: "^C" or "^Z" */

/* A foreground job: reads until a key typed on the console stops it. */
static void job_reads(void)
{
	char buf[16];
	char line[32];

	while (tcgetpgrp(0) != getpgrp())       /* until the shell says go */
		sleep_ms(10);
	strcpy(line, "ready: ");
	strcat(line, typed_key);
	strcat(line, " job\n");
	write(1, line, strlen(line));
	while (read(0, buf, sizeof(buf)) >= 0 || errno == EINTR)
		;
	_exit(1);
}

/* The "shell": in process 1's group, it starts a job in front. */
static void shell(void)
{
	int ctrl_z = strcmp(typed_key, "^Z") == 0, status;
	pid_t job = fork_job();

	if (job == 0)
		job_reads();
	tcsetpgrp(0, job);
	if (ctrl_z) {
		expect("^Z stops the foreground job with SIGTSTP",
		       stopped_by(job, SIGTSTP), "no stop with SIGTSTP");
		kill_and_reap(job);
		_exit(0);
	}
	waitpid(job, &status, 0);
	expect("^C kills the foreground job with SIGINT",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGINT, "%s",
	       describe(status));
	_exit(0);
}

static void typed(const char *key)
{
	char name[80];
	int status;

	typed_key = key;
	status = run_child(shell);
	strcpy(name, key);
	strcat(name, " does not reach the shell, in another group");
	expect(name, WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s",
	       describe(status));
	reclaim();
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	controlling();
	background_read();
	background_write();
	orphaned_background();
	leader_exit();
	typed("^C");
	typed("^Z");
	return check_done();
}
