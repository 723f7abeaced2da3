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

static volatile int started, stop_spinning;
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

static int wait_for(volatile int *flag, int value)
{
	long long end = now_ns() + 2000000000LL;

	while (*flag != value && now_ns() < end)
		sched_yield();
	return *flag == value;
}

static int spinner(void *arg)
{
	(void)arg;
	started = 1;
	while (!stop_spinning)
		sched_yield();
	return 0;
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
		start_thread(THREAD_FLAGS, TOP, spinner, NULL, &ctid, &ctid);
		wait_for(&started, 1);
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

static int proc_lists(long pid)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int found = 0;

	while (d && (e = readdir(d)))
		found |= atol(e->d_name) == pid;
	if (d)
		closedir(d);
	return found;
}

static void test_proc(void)
{
	long tid;

	started = stop_spinning = 0;
	tid = start_thread(THREAD_FLAGS, TOP, spinner, NULL, &ctid, &ctid);
	wait_for(&started, 1);
	expect("/proc/PID/status: Threads: 2 with a second thread",
	       status_field(getpid(), "Threads") == 2, "Threads %ld",
	       status_field(getpid(), "Threads"));
	expect("/proc/TID/status names the thread and its process",
	       status_field(tid, "Pid") == tid &&
	       status_field(tid, "Tgid") == getpid(), "Pid %ld Tgid %ld",
	       status_field(tid, "Pid"), status_field(tid, "Tgid"));
	expect("/proc lists the process but not the thread",
	       proc_lists(getpid()) && !proc_lists(tid), "listed: %d %d",
	       proc_lists(getpid()), proc_lists(tid));
	stop_spinning = 1;
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
