/*
 * /sbin/init: process 1, the first program the kernel runs.
 *
 *   boot     fds 0-2 on /dev/console; mount /proc; run /etc/rc
 *   run      /bin/sh on the console, started again whenever it exits
 *            (init SCRIPT: /bin/sh SCRIPT once, then power off)
 *   reap     orphans: a process whose parent died is given to process
 *            1, and init waits for it so no zombie stays forever
 *   stop     SIGUSR2 (poweroff) or SIGTERM (reboot): SIGTERM to all, a
 *            moment, SIGKILL to all, sync, reboot(2)
 *
 * Each shell is the leader of a session of its own, with the console as
 * its controlling terminal: that is what lets it do job control (^C,
 * ^Z, fg). The kernel made process 1 the console's session leader;
 * init gives the terminal up (TIOCNOTTY) so that its shells can take it
 * (setsid, then TIOCSCTTY). docs/shell.md draws init's life.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SHELL "/bin/sh"

static volatile sig_atomic_t stop_request;      /* RB_* to do, or 0 */

static void on_signal(int sig)
{
	stop_request = sig == SIGUSR2 ? RB_POWER_OFF : RB_AUTOBOOT;
}

/* fds 0, 1 and 2 on /dev/console, not as init's controlling terminal. */
static void open_console(void)
{
	int fd;

	ioctl(0, TIOCNOTTY, 0);
	fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd < 0)
		return;         /* keep whatever the kernel gave us */
	for (int i = 0; i < 3; i++)
		if (fd != i)
			dup2(fd, i);
	if (fd > 2)
		close(fd);
}

/* Run /bin/sh [script] in a child: with a terminal of its own if
   session, else in init's session (for /etc/rc). */
static pid_t spawn(const char *script, int session)
{
	char *argv[] = { "sh", (char *)script, NULL };
	pid_t pid = fork();

	if (pid != 0) {
		if (pid < 0)
			printf("init: fork: %s\n", strerror(errno));
		return pid;
	}
	signal(SIGUSR2, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	if (session) {
		setsid();
		ioctl(0, TIOCSCTTY, 0); /* the console; our group in front */
	}
	execv(SHELL, argv);
	printf("init: cannot run %s: %s\n", SHELL, strerror(errno));
	_exit(127);
}

/* Wait for pid, reaping every orphan meanwhile; its status, or -1 if
   a power-off or reboot was asked for first. */
static int wait_for(pid_t pid)
{
	for (;;) {
		int status;
		pid_t got = wait(&status);

		if (stop_request)
			return -1;
		if (got == pid)
			return status;
		if (got < 0 && errno == ECHILD)
			pause();        /* nothing to wait for but a signal */
	}
}

/* The end: everyone asked to stop, then made to; the disk synced. */
static void __attribute__((noreturn)) shut_down(int how)
{
	kill(-1, SIGTERM);
	for (int i = 0; i < 20 && waitpid(-1, NULL, WNOHANG) >= 0; i++)
		usleep(50000);  /* a moment to exit cleanly (ECHILD: all gone) */
	kill(-1, SIGKILL);
	while (wait(NULL) > 0)
		;
	sync();
	reboot(how);
	printf("init: reboot: %s\n", strerror(errno));
	for (;;)
		pause();
}

static void describe_end(const char *what, int status)
{
	if (WIFEXITED(status))
		printf("init: %s exited with status %d\n", what, WEXITSTATUS(status));
	else
		printf("init: %s killed by signal %d\n", what, WTERMSIG(status));
}

/* The interactive shell, started again each time it exits. */
static void respawn_shell(void)
{
	for (;;) {
		time_t start = time(NULL);
		int status = wait_for(spawn(NULL, 1));

		if (status < 0)
			return;
		describe_end(SHELL, status);
		if (time(NULL) - start < 2)
			sleep(1);       /* a shell that cannot start: no storm */
	}
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_signal };

	open_console();
	printf("init: Sprout process 1 running\n");
	sigaction(SIGUSR2, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	setenv("PATH", "/bin:/sbin:/usr/bin", 0);
	setenv("HOME", "/", 0);
	mount("proc", "/proc", "proc", 0, NULL);        /* may fail */
	if (access("/etc/rc", R_OK) == 0 && wait_for(spawn("/etc/rc", 0)) < 0)
		shut_down(stop_request);
	if (access(SHELL, X_OK) < 0) {
		printf("init: no %s; waiting for orphans\n", SHELL);
		wait_for(0);
	} else if (argc > 1) {
		int status = wait_for(spawn(argv[1], 1));
		if (status >= 0)
			describe_end(argv[1], status);
		shut_down(stop_request ? stop_request : RB_POWER_OFF);
	} else {
		respawn_shell();
	}
	shut_down(stop_request);
}
