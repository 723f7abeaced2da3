/*
 * Job control's raw material: SIGSTOP and SIGTSTP stop a process,
 * SIGCONT resumes it, SIGKILL ends it even while stopped. A parent learns
 * of a stop only if it asks, with waitpid(..., WUNTRACED), and only once
 * per stop; the status is (sig << 8) | 0x7f, read with WIFSTOPPED and
 * WSTOPSIG. Each stop and exit also sends the parent SIGCHLD, whose
 * default action is to be ignored.
 */
#include "check.h"
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>

/* Wait for pid's next stop; 1 if it came, with signal sig. */
static int stopped_by(pid_t pid, int sig, int *status)
{
	return waitpid(pid, status, WUNTRACED) == pid && WIFSTOPPED(*status) &&
	       WSTOPSIG(*status) == sig;
}

/* A child stops itself, is looked at in every way, then continued. */
static void self_stop(void)
{
	pid_t pid = fork(), r;
	int status = 0, stopped, err;

	if (pid == 0) {
		kill(getpid(), SIGSTOP);
		_exit(5);       /* only once SIGCONT has come */
	}
	sleep_ms(200);          /* long enough to stop, or to exit if it won't */
	r = waitpid(pid, &status, WNOHANG);
	expect("without WUNTRACED a stopped child is not reported (WNOHANG: 0)",
	       r == 0, "waitpid gave %d, %s", r, describe(status));
	stopped = stopped_by(pid, SIGSTOP, &status);
	err = errno;
	expect("waitpid(WUNTRACED) reports a child that sent itself SIGSTOP",
	       stopped, "status 0x%x, errno %d", status, err);
	r = waitpid(pid, &status, WUNTRACED | WNOHANG);
	expect("a stop is reported once: waitpid(WUNTRACED|WNOHANG) then gives 0",
	       r == 0, "waitpid gave %d, status 0x%x", r, status);
	r = kill(pid, SIGCONT);
	err = errno;
	expect("kill(child, SIGCONT) succeeds", r == 0, "errno %d", err);
	r = waitpid(pid, &status, 0);
	expect("the continued child runs on, exits 5 and is reaped normally",
	       r == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 5, "%s", describe(status));
}

/* SIGKILL cannot be held back by a stop. */
static void kill_stopped(void)
{
	pid_t pid = fork(), r;
	int status = 0, stopped, err;

	if (pid == 0)
		for (;;)
			sleep_ms(1000);
	sleep_ms(50);
	kill(pid, SIGSTOP);
	stopped = stopped_by(pid, SIGSTOP, &status);
	err = errno;
	expect("SIGSTOP from the parent stops a sleeping child",
	       stopped, "status 0x%x, errno %d", status, err);
	kill(pid, SIGKILL);
	r = waitpid(pid, &status, 0);
	expect("SIGKILL ends a stopped child (WTERMSIG == SIGKILL)",
	       r == pid && WIFSIGNALED(status) &&
	       WTERMSIG(status) == SIGKILL, "%s", describe(status));
}

/* SIGTSTP (the terminal's ^Z) stops a busy child too; a signal sent to a
   stopped child waits for SIGCONT. */
static void tstp_spinning(void)
{
	pid_t pid = fork(), r;
	int status = 0, stopped, err;

	/* In a group of its own, below its parent's: not orphaned (see
	   orphan_tstp), so SIGTSTP stops it. */
	if (pid == 0) {
		setpgid(0, 0);
		for (;;)
			;
	}
	setpgid(pid, pid);
	sleep_ms(50);
	kill(pid, SIGTSTP);
	stopped = stopped_by(pid, SIGTSTP, &status);
	err = errno;
	expect("SIGTSTP stops a spinning child (WSTOPSIG == SIGTSTP)",
	       stopped, "status 0x%x, errno %d", status, err);
	kill(pid, SIGTERM);
	sleep_ms(100);
	r = waitpid(pid, &status, WNOHANG);
	expect("SIGTERM to a stopped child waits: it is still there after 100 ms",
	       r == 0, "waitpid gave %d, %s", r, describe(status));
	kill(pid, SIGCONT);
	r = waitpid(pid, &status, 0);
	expect("after SIGCONT the pending SIGTERM ends it",
	       r == pid && WIFSIGNALED(status) &&
	       WTERMSIG(status) == SIGTERM, "%s", describe(status));
}

/*
 * A group is orphaned when no member has a parent in another group of
 * the same session: no job-control shell is watching it, and a stopped
 * member would never be continued. So SIGTSTP, SIGTTIN and SIGTTOU do
 * not stop it (POSIX; SIGSTOP still does). A child that calls setsid()
 * is alone in such a group: its parent is in another session.
 */
static void orphan_tstp(void)
{
	pid_t pid = fork(), r;
	int status = 0;

	if (pid == 0) {
		setsid();
		raise(SIGTSTP);
		raise(SIGTTIN);
		raise(SIGTTOU);
		_exit(6);
	}
	for (int i = 0; i < 20; i++) {
		r = waitpid(pid, &status, WUNTRACED | WNOHANG);
		if (r != 0)
			break;
		sleep_ms(10);
	}
	if (r == 0 || WIFSTOPPED(status)) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	expect("SIGTSTP, SIGTTIN, SIGTTOU do not stop an orphaned group",
	       r == pid && WIFEXITED(status) && WEXITSTATUS(status) == 6,
	       "%s", r == 0 ? "still running" : describe(status));
}

/* Process 1 ignores signals it did not ask for, so the parent that
   receives SIGCHLD here is a child of ours: it must live on. */
static void sigchld_ignored(void)
{
	pid_t pid = fork(), r;
	int status = 0;

	if (pid == 0) {
		pid_t gc = fork();

		if (gc == 0) {
			kill(getpid(), SIGSTOP);
			_exit(0);
		}
		sleep_ms(100);          /* SIGCHLD for the stop comes here */
		if (!stopped_by(gc, SIGSTOP, &status))
			_exit(1);
		kill(gc, SIGCONT);
		sleep_ms(100);          /* and SIGCHLD for the exit here */
		_exit(waitpid(gc, &status, 0) == gc && WIFEXITED(status) ? 3 : 2);
	}
	r = waitpid(pid, &status, 0);
	expect("SIGCHLD from a child's stop and exit does not kill its parent",
	       r == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 3,
	       "%s (1: no stop seen, 2: no exit seen)", describe(status));
}

/* SIGCONT to a process that is not stopped has nothing to do: its
   default action is to be ignored, so a sleep goes on undisturbed. */
static void cont_running(void)
{
	pid_t r, pid = fork();
	int status = 0;

	if (pid == 0) {
		struct timespec ts = { 0, 300 * 1000000 };
		_exit(nanosleep(&ts, NULL) == 0 ? 0 : errno);
	}
	sleep_ms(50);
	kill(pid, SIGCONT);
	r = waitpid(pid, &status, 0);
	expect("SIGCONT to a sleeping, not stopped, child does not interrupt it",
	       r == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "%s (4: EINTR)", describe(status));
}

/* waitpid(WCONTINUED) reports, once, that a stopped child was continued
   by SIGCONT: the status is 0xffff, read with WIFCONTINUED. */
static void continued(void)
{
	pid_t r, pid = fork();
	int status = 0;

	if (pid == 0) {
		kill(getpid(), SIGSTOP);
		sleep_ms(300);          /* continued, but still running */
		_exit(6);
	}
	if (!stopped_by(pid, SIGSTOP, &status)) {
		expect("waitpid(WCONTINUED) reports a continued child", 0,
		       "the child did not stop: %s", describe(status));
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return;
	}
	kill(pid, SIGCONT);
	r = waitpid(pid, &status, WCONTINUED);
	expect("waitpid(WCONTINUED) reports a continued child (WIFCONTINUED)",
	       r == pid && WIFCONTINUED(status), "waitpid gave %d, status 0x%x",
	       r, status);
	r = waitpid(pid, &status, WCONTINUED | WNOHANG);
	expect("a continue is reported once: then WCONTINUED|WNOHANG gives 0",
	       r == 0, "waitpid gave %d, status 0x%x", r, status);
	r = waitpid(pid, &status, 0);
	expect("the continued child then exits 6",
	       r == pid && WIFEXITED(status) && WEXITSTATUS(status) == 6, "%s",
	       describe(status));
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	self_stop();
	kill_stopped();
	tstp_spinning();
	sigchld_ignored();
	cont_running();
	continued();
	orphan_tstp();
	return check_done();
}
