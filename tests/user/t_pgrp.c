/*
 * Sessions and process groups: getpgrp, getpgid, getsid, setpgid and
 * setsid with each of their errors, and the orphaned-group rule: when an
 * exit leaves a group with no parent in another group of its session
 * while a member is stopped, every member gets SIGHUP, then SIGCONT.
 *
 * The program execs itself in a helper mode, --stop, which stops itself
 * at once: a child that has exec'd and is still there.
 * (The terminal's side of job control is tests/user/tty_jobs.c.)
 */
#include "check.h"
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>

#define SELF "/bin/tests/t_pgrp"

/* Wait for pid's next stop; 1 if it stopped. */
static int stopped(pid_t pid)
{
	int status;

	return waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status);
}

static void kill_and_reap(pid_t pid)
{
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/* A call that must fail with err; r is its result. */
static void expect_errno(const char *name, long r, int err)
{
	int e = errno;

	expect(name, r == -1 && e == err, "returned %ld, errno %d", r, e);
}

static void identity(void)
{
	if (!is_init()) {
		skip("process 1 is session 1 and group 1", "not process 1");
	} else {
		expect("process 1 is session 1 and group 1: getsid, getpgid, getpgrp",
		       getsid(0) == 1 && getpgid(0) == 1 && getpgrp() == 1,
		       "sid %d pgid %d pgrp %d", getsid(0), getpgid(0), getpgrp());
	}
	expect("getpgid(getpid()) and getsid(getpid()) equal the (0) forms",
	       getpgid(getpid()) == getpgid(0) && getsid(getpid()) == getsid(0),
	       "pgid %d sid %d", getpgid(getpid()), getsid(getpid()));
	expect_errno("getpgid of no process is ESRCH", getpgid(-5), ESRCH);
	expect_errno("getsid of no process is ESRCH", getsid(99999), ESRCH);
}

/* The child sleeps; the parent looks at it from outside. */
static void inherited(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		sleep_ms(2000);
		_exit(0);
	}
	expect("fork keeps the group and the session",
	       getpgid(pid) == getpgrp() && getsid(pid) == getsid(0),
	       "child pgid %d sid %d", getpgid(pid), getsid(pid));
	expect("setpgid(child, 0) puts it in a group of its own",
	       setpgid(pid, 0) == 0 && getpgid(pid) == pid,
	       "errno %d pgid %d", errno, getpgid(pid));
	expect("setpgid(child, my group) moves it back",
	       setpgid(pid, getpgrp()) == 0 && getpgid(pid) == getpgrp(),
	       "errno %d pgid %d", errno, getpgid(pid));
	expect_errno("setpgid with a negative group is EINVAL",
		     setpgid(pid, -1), EINVAL);
	expect_errno("setpgid into a group that does not exist is EPERM",
		     setpgid(pid, 99999), EPERM);
	kill_and_reap(pid);
	expect_errno("setpgid of a process that is not my child is ESRCH",
		     setpgid(pid, 0), ESRCH);
}

/* In the child: checks of its own calls, exit code = first failure. */
static void own_calls(void)
{
	pid_t me = getpid();

	if (setpgid(getppid(), 0) == 0 || errno != ESRCH)
		_exit(1);               /* my parent is not my child */
	if (setpgid(0, 0) != 0 || getpgrp() != me)
		_exit(2);
	if (setsid() != -1 || errno != EPERM)
		_exit(3);               /* I lead a group now */
	if (setpgid(0, getpgid(getppid())) != 0 || getpgrp() == me)
		_exit(4);               /* back to my parent's group */
	if (setsid() != me || getsid(0) != me || getpgrp() != me)
		_exit(5);
	if (setpgid(0, 0) == 0 || errno != EPERM)
		_exit(6);               /* a session leader stays put */
	_exit(0);
}

static void own(void)
{
	int status = run_child(own_calls);

	expect("setpgid and setsid on oneself: ESRCH for the parent, a new group, "
	       "setsid EPERM for a group leader, then a new session whose leader "
	       "setpgid refuses (EPERM)",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "%s (the number is the check that failed)", describe(status));
	if (is_init())
		expect_errno("setsid in process 1, a group leader, is EPERM",
			     setsid(), EPERM);
}

/* A child that went to a new session and stopped there. */
static void other_session(void)
{
	pid_t pid = fork(), other;

	if (pid == 0) {
		setsid();
		raise(SIGSTOP);
		_exit(0);
	}
	if (!stopped(pid)) {
		expect("setpgid on a child in another session is EPERM", 0,
		       "the child did not stop");
		return;
	}
	expect("the child's setsid gave it a session and group of its own",
	       getsid(pid) == pid && getpgid(pid) == pid,
	       "sid %d pgid %d", getsid(pid), getpgid(pid));
	expect_errno("setpgid on a child in another session is EPERM",
		     setpgid(pid, getpgrp()), EPERM);
	other = fork();
	if (other == 0) {
		sleep_ms(2000);
		_exit(0);
	}
	expect_errno("setpgid into a group of another session is EPERM",
		     setpgid(other, pid), EPERM);
	kill_and_reap(other);
	kill_and_reap(pid);
}

static void after_exec(void)
{
	pid_t pid = fork();
	char *argv[] = { "t_pgrp", "--stop", NULL };

	if (pid == 0) {
		execv(disk_path(SELF), argv);
		_exit(99);
	}
	if (!stopped(pid)) {
		expect("setpgid on a child that has exec'd is EACCES", 0,
		       "the exec'd child did not stop");
		return;
	}
	expect_errno("setpgid on a child that has exec'd is EACCES",
		     setpgid(pid, pid), EACCES);
	kill_and_reap(pid);
}

/*
 * The child starts a session (group C); a grandchild G makes a group of
 * its own in it, whose one link to the session is C, and stops. When C
 * exits, G goes to process 1, in another session: G's group is orphaned
 * with a stopped member, so G gets SIGHUP and SIGCONT, and dies of the
 * SIGHUP. Process 1 sees that when it reaps G.
 */
static void child_leaves_stopped_group(void)
{
	pid_t g;

	setsid();
	g = fork();
	if (g == 0) {
		setpgid(0, 0);
		raise(SIGSTOP);
		_exit(0);               /* only if continued without SIGHUP */
	}
	_exit(stopped(g) ? 0 : 1);
}

/*
 * Here the exiting process is the link of its own group: X (group X,
 * parent in group C of the same session) has a child Y in group X that
 * stops. When X exits, Y goes to process 1 and group X is orphaned.
 */
static void member_leaves_stopped_group(void)
{
	pid_t x;

	setsid();
	x = fork();
	if (x == 0) {
		pid_t y;

		setpgid(0, 0);
		y = fork();
		if (y == 0) {
			raise(SIGSTOP);
			_exit(0);
		}
		_exit(stopped(y) ? 0 : 1);
	}
	_exit(waitpid(x, NULL, 0) == x ? 0 : 1);
}

/* The orphan is process 1's child now: wait for it (2 s at most). */
static int reap_orphan(int *status)
{
	for (int i = 0; i < 200; i++) {
		pid_t r = waitpid(-1, status, WNOHANG);

		if (r > 0)
			return 1;
		sleep_ms(10);
	}
	kill(-1, SIGKILL);              /* all but process 1: no leftovers */
	while (wait(NULL) > 0)
		;
	return 0;
}

static void orphaned(const char *name, void (*fn)(void))
{
	int status = 0, reaped;

	if (!is_init()) {
		skip(name, "needs process 1 to inherit the orphan");
		return;
	}
	status = run_child(fn);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		expect(name, 0, "setup: %s", describe(status));
		return;
	}
	reaped = reap_orphan(&status);
	expect(name, reaped && WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP,
	       reaped ? "the orphan %s" : "the orphan was not woken%s",
	       reaped ? describe(status) : "");
}

/*
 * Not orphaned: here the child's group stays in process 1's session,
 * and process 1 (group 1) is a parent in another group of that session:
 * a link. The stopped grandchild is left alone.
 */
static void linked_group(void)
{
	pid_t g = fork();

	if (g == 0) {
		setpgid(0, 0);
		raise(SIGSTOP);
		_exit(0);
	}
	_exit(stopped(g) ? 0 : 1);
}

static void not_orphaned(void)
{
	const char *name = "a stopped group whose new parent, process 1, is in "
			   "the same session is not hung up";
	int status;

	if (!is_init()) {
		skip(name, "needs process 1 to inherit the child");
		return;
	}
	status = run_child(linked_group);
	sleep_ms(300);
	expect(name, WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	       waitpid(-1, &status, WNOHANG) == 0, "%s", describe(status));
	kill(-1, SIGKILL);
	while (wait(NULL) > 0)
		;
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	if (argc == 2 && strcmp(argv[1], "--stop") == 0) {
		raise(SIGSTOP);
		return 0;
	}
	identity();
	inherited();
	own();
	other_session();
	after_exec();
	orphaned("a child's exit orphans its child's group, which has a stopped "
		 "member: SIGHUP, then SIGCONT", child_leaves_stopped_group);
	orphaned("a member's exit orphans its own group, which has a stopped "
		 "member: SIGHUP, then SIGCONT", member_leaves_stopped_group);
	not_orphaned();
	return check_done();
}
