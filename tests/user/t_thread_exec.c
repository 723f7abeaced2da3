/*
 * execve from a process of several threads, and thread groups in /proc.
 * An exec ends the other threads first; from a thread other than the
 * leader, the thread takes the leader's pid. /proc lists processes, not
 * threads, though /proc/TID opens, and status says Tgid, Pid, Threads.
 * Threads as in t_thread.
 */
#define _GNU_SOURCE
#include "check.h"
#include "thread.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/wait.h>

#define SYS_gettid 224

static char stack[THREAD_STACK];
#define TOP (stack + THREAD_STACK)

static struct spin spin;
static int ctid;         /* the tid, 0 once the thread is gone (CLEARTID) */
static char *self_path;
static char pid_arg[16];

/* The value of field name ("Threads") in /proc/<pid>/status; -1: none. */
static long status_field(long pid, const char *name)
{
	char path[40], buf[1024], *p;
	int fd, n;

	snprintf(path, sizeof(path), "/proc/%ld/status", pid);
	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n > 0 ? n : 0] = '\0';
	for (p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
		if (!strncmp(p, name, strlen(name)) && p[strlen(name)] == ':')
			return atol(p + strlen(name) + 1);
	return -1;
}

/* The exec'd program's side ("--check-pid N"): exit 0 if it is process
   N, its only thread. */
static void check_pid_mode(const char *want)
{
	long pid = atol(want);

	if (getpid() != pid)
		_exit(1);
	if (syscall(SYS_gettid) != pid)
		_exit(2);
	if (status_field(pid, "Threads") != 1)
		_exit(3);
	_exit(0);
}

static void exec_check(void)
{
	char *argv[] = { self_path, "--check-pid", pid_arg, NULL };

	snprintf(pid_arg, sizeof(pid_arg), "%d", getpid());
	execv(self_path, argv);
	_exit(4);
}

static int exec_thread(void *arg)
{
	(void)arg;
	exec_check();
	return 5;
}

static void spin_forever(void)
{
	for (;;)
		sched_yield();
}

/* A child with a second thread; one of the two calls execve. */
static int exec_in_child(int from_thread)
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		if (from_thread) {
			start_thread(THREAD_FLAGS, TOP, exec_thread, NULL,
				     &ctid, &ctid);
			spin_forever();
		}
		start_thread(THREAD_FLAGS, TOP, spinner, &spin, &ctid, &ctid);
		wait_for(&spin.started, 1);
		exec_check();
	}
	waitpid(pid, &status, 0);
	return status;
}

static void test_exec(void)
{
	int status = exec_in_child(1);

	expect("execve from a thread: the program runs as the process, alone",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s",
	       describe(status));
	status = exec_in_child(0);
	expect("execve from the leader ends the other thread too",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s",
	       describe(status));
}

static int dir_lists(const char *path, long pid)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int found = 0;

	while (d && (e = readdir(d)))
		found |= atol(e->d_name) == pid;
	if (d)
		closedir(d);
	return found;
}

/* ps's output (argv) in buf; its exit status, or -1. */
static int run_ps(char *const argv[], char *buf, size_t size)
{
	int fd[2], status = -1;
	size_t n = 0;
	ssize_t got;
	pid_t pid;

	if (pipe(fd) < 0 || (pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		dup2(fd[1], 1);
		execv(argv[0], argv);
		_exit(127);
	}
	close(fd[1]);
	while (n < size - 1 && (got = read(fd[0], buf + n, size - 1 - n)) > 0)
		n += got;
	buf[n] = '\0';
	close(fd[0]);
	waitpid(pid, &status, 0);
	return status;
}

/* The row of "ps -T -e" whose first two numbers are pid and tid. */
static int ps_has_row(const char *out, long pid, long tid)
{
	for (const char *line = out; line; line = strchr(line, '\n'),
	     line = line ? line + 1 : NULL) {
		long a, b;

		if (sscanf(line, "%ld %ld", &a, &b) == 2 && a == pid && b == tid)
			return 1;
	}
	return 0;
}

static void test_ps(long tid)
{
	static char out[8192];
	char *argv[] = { "/bin/ps", "-T", "-e", NULL };
	int status;

	if (!on_sprout()) {
		skip("ps -T shows each thread", "Sprout's /bin/ps");
		return;
	}
	status = run_ps(argv, out, sizeof(out));
	expect("ps -T shows each thread: a row PID SPID for both",
	       status == 0 && strstr(out, "SPID") &&
	       ps_has_row(out, getpid(), getpid()) &&
	       ps_has_row(out, getpid(), tid), "status %d: %.300s", status,
	       out);
}

static void test_proc(void)
{
	long tid;

	spin.started = spin.stop = 0;
	tid = start_thread(THREAD_FLAGS, TOP, spinner, &spin, &ctid, &ctid);
	wait_for(&spin.started, 1);
	expect("/proc/PID/status: Threads: 2 with a second thread",
	       status_field(getpid(), "Threads") == 2, "Threads %ld",
	       status_field(getpid(), "Threads"));
	expect("/proc/TID/status names the thread and its process",
	       status_field(tid, "Pid") == tid &&
	       status_field(tid, "Tgid") == getpid(), "Pid %ld Tgid %ld",
	       status_field(tid, "Pid"), status_field(tid, "Tgid"));
	expect("/proc lists the process but not the thread",
	       dir_lists("/proc", getpid()) && !dir_lists("/proc", tid),
	       "listed: %d %d", dir_lists("/proc", getpid()),
	       dir_lists("/proc", tid));
	expect("/proc/self/task lists both threads",
	       dir_lists("/proc/self/task", getpid()) &&
	       dir_lists("/proc/self/task", tid), "listed: %d %d",
	       dir_lists("/proc/self/task", getpid()),
	       dir_lists("/proc/self/task", tid));
	test_ps(tid);
	spin.stop = 1;
	wait_for((volatile int *)&ctid, 0);
	expect("Threads: 1 once it has ended",
	       status_field(getpid(), "Threads") == 1, "Threads %ld",
	       status_field(getpid(), "Threads"));
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "--check-pid"))
		check_pid_mode(argv[2]);
	check_init(argc, argv);
	self_path = argv[0];
	if (is_init())
		mount("proc", "/proc", "proc", 0, NULL);
	test_exec();
	test_proc();
	return check_done();
}
