/*
 * The process tests/guest_gdb.py looks at with gdb, run as process 1.
 * It makes a little of everything the sprout commands show:
 *
 *   fd 3  /bin/hello, offset 100  \ one struct file (dup): count 4 after
 *   fd 4  its dup                 / fork, two fds in each process
 *   fd 5, 6  a pipe; the child (fork) sleeps reading fd 5: pipe_read
 *   a page of `scribble` written after fork: private again; the others
 *   still shared copy-on-write, with reference count 2
 *   signals: a handler for SIGUSR1, SIGPIPE ignored, SIGUSR2 blocked
 *
 * Then it calls getppid(), where the test's gdb stops it (sprout
 * break-syscall getppid), and after_gdb(), where gdb stops it again in
 * user mode (sprout user + break after_gdb). Last, the console's ^P: it
 * reads a line (canonical mode) and then a byte (non-canonical) while
 * the test types ^P, which must list the tasks and not be read.
 */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "check.h"

static char scribble[3 * 4096];        /* bss: written after fork */

static void on_usr1(int sig)
{
	(void)sig;
}

/* /proc/PID/NAME's text. */
static void read_proc(pid_t pid, const char *name, char *buf, size_t size)
{
	char path[32];
	int fd;
	ssize_t n = 0;

	snprintf(path, sizeof(path), "/proc/%d/%s", pid, name);
	if ((fd = open(path, O_RDONLY)) >= 0) {
		n = read(fd, buf, size - 1);
		close(fd);
	}
	buf[n > 0 ? n : 0] = '\0';
}

/* Let the child run until it sleeps on the pipe. */
static void wait_until_asleep(pid_t child)
{
	char wchan[32] = "";

	for (int i = 0; i < 1000 && strcmp(wchan, "pipe_read"); i++) {
		sched_yield();
		read_proc(child, "wchan", wchan, sizeof(wchan));
	}
	expect("the child sleeps in pipe_read (/proc/PID/wchan)",
	       !strcmp(wchan, "pipe_read"), "wchan %s", wchan);
	read_proc(getpid(), "wchan", wchan, sizeof(wchan));
	expect("a running process's wchan is 0", !strcmp(wchan, "0"),
	       "wchan %s", wchan);
}

/* The signals set up in main(), as /proc/PID/status shows them. */
static void signal_masks(void)
{
	char status[1024];

	read_proc(getpid(), "status", status, sizeof(status));
	expect("status: SigBlk is SIGUSR2's bit",
	       strstr(status, "SigBlk:\t0000000000000800\n") != NULL, "%s", status);
	expect("status: SigIgn is SIGPIPE's bit",
	       strstr(status, "SigIgn:\t0000000000001000\n") != NULL, "%s", status);
	expect("status: SigCgt is SIGUSR1's bit",
	       strstr(status, "SigCgt:\t0000000000000200\n") != NULL, "%s", status);
}

/* gdb's second stop, in user mode. */
__attribute__((noinline)) void after_gdb(void)
{
	printf("after gdb\n");
}

/* The test types ^P, then a line (canonical) or a byte (raw). */
static void status_key(void)
{
	struct termios saved, t;
	char line[64];
	char c = 0;

	printf("ready: ^P canonical\n");
	expect("^P in canonical mode is not data",
	       fgets(line, sizeof(line), stdin) && !strcmp(line, "x\n"),
	       "read %s", line);
	tcgetattr(0, &saved);
	t = saved;
	t.c_lflag &= ~(ICANON | ECHO);
	tcsetattr(0, TCSANOW, &t);
	printf("ready: ^P non-canonical\n");
	expect("^P in non-canonical mode is not data",
	       read(0, &c, 1) == 1 && c == 'q', "read %#x", c);
	tcsetattr(0, TCSANOW, &saved);
}

int main(int argc, char **argv)
{
	int fd, pipefd[2], status;
	pid_t child;
	sigset_t usr2;
	char c;

	check_init(argc, argv);
	mount("proc", "/proc", "proc", 0, NULL);        /* init did not */
	install_handler(SIGUSR1, on_usr1, 0);
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr2, NULL);
	fd = open("/bin/hello", O_RDONLY);
	dup(fd);
	lseek(fd, 100, SEEK_SET);
	pipe(pipefd);
	memset(scribble, 1, 4096);
	child = fork();
	if (child == 0) {
		_exit(read(pipefd[0], &c, 1) == 1 ? 0 : 1);
	}
	memset(scribble, 2, 4096);      /* a copy of its own again */
	wait_until_asleep(child);
	signal_masks();
	printf("stop: parent %d child %d scribble %p\n", getpid(), child,
	       (void *)scribble);
	fflush(stdout);
	getppid();                      /* gdb stops here */
	after_gdb();
	status_key();
	write(pipefd[1], "x", 1);
	expect("the child exits 0", waitpid(child, &status, 0) == child &&
	       status == 0, "%s", describe(status));
	return check_done();
}
