/*
 * Signals and thread groups: tgkill reaches the thread it names; a
 * signal to the process goes to a thread that does not block it; a fatal
 * signal and exit_group end every thread; SIGSTOP and SIGCONT stop and
 * continue them all; and the parent hears of the process (SIGCHLD,
 * wait) only when its last thread is gone. Threads as in t_thread.
 */
#define _GNU_SOURCE
#include "check.h"
#include "thread.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/wait.h>

#define SYS_exit 1
#define SYS_gettid 224
#define SYS_tkill 238
#define SYS_tgkill 270
#define SYS_exit_group 252

static char stack[THREAD_STACK];
#define TOP (stack + THREAD_STACK)

static struct spin spin;
static volatile long handled_by;
static int ctid;         /* the tid, 0 once the thread is gone (CLEARTID) */

static void note_thread(int sig)
{
	(void)sig;
	handled_by = syscall(SYS_gettid);
}

static long spawn_spinner(void)
{
	long tid;

	spin.started = spin.stop = 0;
	tid = start_thread(THREAD_FLAGS, TOP, spinner, &spin, &ctid, &ctid);
	if (tid > 0)
		wait_for(&spin.started, 1);
	return tid;
}

static void end_spinner(void)
{
	spin.stop = 1;
	wait_for((volatile int *)&ctid, 0);
}

/* Is thread tid gone (tgkill ESRCH) within a second? Its CLEARTID word
   is 0 a moment before its end on Linux, which may run it on another
   CPU meanwhile. */
static int gone_soon(long tid)
{
	long long end = now_ns() + 1000000000LL;

	while (syscall(SYS_tgkill, getpid(), tid, 0) == 0 && now_ns() < end)
		sched_yield();
	return syscall(SYS_tgkill, getpid(), tid, 0) == -1 && errno == ESRCH;
}

static void test_tgkill(void)
{
	long tid = spawn_spinner();
	volatile int got = 0;

	install_handler(SIGUSR1, note_thread, 0);
	handled_by = 0;
	expect("tgkill(pid, tid) runs the handler in thread tid",
	       tid > 0 && syscall(SYS_tgkill, getpid(), tid, SIGUSR1) == 0 &&
	       (got = wait_for((volatile int *)&handled_by, tid)),
	       "handled by %ld, thread %ld", handled_by, tid);
	handled_by = 0;
	expect("tkill(tid) too",
	       syscall(SYS_tkill, tid, SIGUSR1) == 0 &&
	       wait_for((volatile int *)&handled_by, tid),
	       "handled by %ld", handled_by);
	expect("tgkill with another process's id: ESRCH",
	       syscall(SYS_tgkill, getpid() + 1000, tid, 0) == -1 &&
	       errno == ESRCH, "errno %d", errno);
	end_spinner();
	expect("tgkill to a thread that has ended: ESRCH",
	       gone_soon(tid), "errno %d", errno);
}

/* kill(getpid()) while the main thread blocks the signal: the other
   thread, which does not, takes it. */
static void test_process_signal(void)
{
	sigset_t set, old;
	long tid = spawn_spinner();

	install_handler(SIGUSR2, note_thread, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, &old);
	handled_by = 0;
	kill(getpid(), SIGUSR2);
	expect("a signal to the process goes to the thread that does not "
	       "block it", tid > 0 && wait_for((volatile int *)&handled_by, tid),
	       "handled by %ld, thread %ld", handled_by, tid);
	sigpending(&set);
	expect("and is not left pending in the thread that blocks it",
	       !sigismember(&set, SIGUSR2), "pending");
	sigprocmask(SIG_SETMASK, &old, NULL);
	end_spinner();
	signal(SIGUSR2, SIG_DFL);
}

/* In a child process: a thread, whose tid goes down the pipe, then fn. */
static pid_t child_with_thread(int (*thread_fn)(void *), void (*main_fn)(void),
			       long *tid)
{
	int fd[2];
	pid_t pid;

	*tid = 0;
	if (pipe(fd) < 0 || (pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		long t = start_thread(THREAD_FLAGS, TOP, thread_fn, NULL,
				      &ctid, &ctid);
		write(fd[1], &t, sizeof(t));
		main_fn();
		_exit(99);
	}
	read(fd[0], tid, sizeof(*tid));
	close(fd[0]);
	close(fd[1]);
	return pid;
}

static void spin_forever(void)
{
	for (;;)
		sched_yield();
}

static int spin_forever_thread(void *arg)
{
	(void)arg;
	spin_forever();
	return 0;
}

/* The main thread blocks SIGTERM: the thread takes it, and the default
   action ends the whole process. */
static void block_term_and_spin(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigprocmask(SIG_BLOCK, &set, NULL);
	spin_forever();
}

static void test_fatal_signal(void)
{
	int status = -1;
	long tid;
	pid_t pid = child_with_thread(spin_forever_thread, block_term_and_spin,
				      &tid);

	sleep_ms(50);
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	expect("a fatal signal ends every thread of the process",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM, "%s",
	       describe(status));
	expect("the thread is gone too", tid > 0 && kill(tid, 0) == -1 &&
	       errno == ESRCH, "tid %ld errno %d", tid, errno);
}

/* A fault in a thread is fatal to its whole process. */
static int faulting_thread(void *arg)
{
	(void)arg;
	sleep_ms(20);
	return *(volatile int *)arg;    /* arg is NULL */
}

static void test_fault(void)
{
	int status = -1;
	long tid;
	pid_t pid = child_with_thread(faulting_thread, spin_forever, &tid);

	waitpid(pid, &status, 0);
	expect("a thread's SIGSEGV ends the whole process",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "%s",
	       describe(status));
}

static int exit_group_thread(void *arg)
{
	(void)arg;
	syscall(SYS_exit_group, 7);
	return 1;
}

static void test_exit_group(void)
{
	int status = -1;
	long tid;
	pid_t pid = child_with_thread(exit_group_thread, spin_forever, &tid);

	waitpid(pid, &status, 0);
	expect("exit_group in a thread ends the process with its status",
	       WIFEXITED(status) && WEXITSTATUS(status) == 7, "%s",
	       describe(status));
	expect("and its other thread with it", tid > 0 && kill(tid, 0) == -1,
	       "tid %ld is there", tid);
}

/* The leader ends first (exit 3, not exit_group): the process lives on
   in its other thread, which ends 300 ms later (exit 5). The process's
   status is the last thread's, as Linux reports it. */
static int late_thread(void *arg)
{
	(void)arg;
	sleep_ms(300);
	return 5;
}

static void leader_exits(void)
{
	syscall(SYS_exit, 3);
}

static volatile int chld_count;

static void count_chld(int sig)
{
	(void)sig;
	chld_count++;
}

static void test_wait_for_last(void)
{
	int status = -1;
	long tid;
	pid_t pid, early;

	chld_count = 0;
	install_handler(SIGCHLD, count_chld, SA_RESTART);
	pid = child_with_thread(late_thread, leader_exits, &tid);
	sleep_ms(100);
	early = waitpid(pid, &status, WNOHANG);
	expect("no wait status while a thread is left (the leader exited)",
	       early == 0 && chld_count == 0, "waitpid %d, %d SIGCHLD", early,
	       chld_count);
	early = waitpid(pid, &status, 0);
	expect("then the last thread's status, once it is gone",
	       early == pid && WIFEXITED(status) && WEXITSTATUS(status) == 5,
	       "waitpid %d: %s", early, describe(status));
	expect("and one SIGCHLD", chld_count == 1, "%d", chld_count);
	signal(SIGCHLD, SIG_DFL);
}

/* The state letter of task tid in /proc/TID/stat ('?' if none). */
static char task_state(long tid)
{
	char path[32], buf[128], *p;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%ld/stat", tid);
	if ((fd = open(path, O_RDONLY)) < 0)
		return '?';
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	p = strrchr(buf, ')');
	return p && p[1] ? p[2] : '?';
}

static void test_stop_continue(void)
{
	int status = -1;
	long tid;
	pid_t pid = child_with_thread(spin_forever_thread, spin_forever, &tid);
	char stopped, running;

	sleep_ms(20);
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	expect("SIGSTOP to the process: waitpid(WUNTRACED) says stopped",
	       WIFSTOPPED(status), "%s", describe(status));
	stopped = task_state(tid);
	expect("its other thread is stopped too", stopped == 'T', "state %c",
	       stopped);
	kill(pid, SIGCONT);
	waitpid(pid, &status, WCONTINUED);
	expect("SIGCONT: waitpid(WCONTINUED) says continued",
	       WIFCONTINUED(status), "%s", describe(status));
	running = task_state(tid);
	expect("and the thread runs again", running == 'R' || running == 'S',
	       "state %c", running);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	if (is_init())
		mount("proc", "/proc", "proc", 0, NULL);
	test_tgkill();
	test_process_signal();
	test_fatal_signal();
	test_exit_group();
	test_fault();
	test_wait_for_last();
	test_stop_continue();
	return check_done();
}
