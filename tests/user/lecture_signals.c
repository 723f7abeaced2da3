/*
 * The lecture's signals, in one program: signal(SIGINT, SIG_IGN) is
 * inherited by a child; kill() with pid > 0, pid < 0 (a process group
 * made with setpgid) and sig 0 (does it still exist?); a handler set with
 * sigaction; a signal held back by sigprocmask and delivered when it is
 * unblocked; alarm(); and a pipe that tells the parent when its children
 * are ready. It prints the same on Sprout and on Linux.
 */
#include <sys/signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr1, got_alarm;

static void on_usr1(int sig)
{
	got_usr1 = sig;
}

static void on_alarm(int sig)
{
	got_alarm = sig;
}

/* The child tells the parent through the pipe that it is ready, then
   waits for signals until one ends it. */
static pid_t start_child(int ready_fd)
{
	pid_t pid = fork();

	if (pid < 0) {
		perror("fork");
		exit(1);
	}
	if (pid == 0) {
		write(ready_fd, "r", 1);
		for (;;)
			pause();
	}
	return pid;
}

static void report(pid_t pid)
{
	int status;

	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("child killed by signal %d\n", WTERMSIG(status));
	else
		printf("child exited %d\n", WEXITSTATUS(status));
}

int main(void)
{
	int fds[2];
	char c;
	pid_t child;
	struct sigaction sa;
	sigset_t block, old;

	if (pipe(fds) == -1) {
		perror("pipe");
		return 1;
	}

	/* 1. An ignored signal stays ignored in the child. */
	signal(SIGINT, SIG_IGN);
	child = start_child(fds[1]);
	read(fds[0], &c, 1);
	kill(child, SIGINT);            /* ignored: the child lives on */
	printf("kill(child, 0) after SIGINT: %d\n", kill(child, 0));
	kill(child, SIGTERM);
	report(child);
	int r = kill(child, 0), err = errno;    /* read errno before printf */
	printf("kill(child, 0) after wait: %d, ESRCH: %d\n", r, err == ESRCH);
	signal(SIGINT, SIG_DFL);

	/* 2. kill(-pgid): every process of a group. */
	child = start_child(fds[1]);
	setpgid(child, child);
	read(fds[0], &c, 1);
	printf("child's group is its own: %d\n", getpgid(child) == child);
	kill(-child, SIGKILL);
	report(child);

	/* 3. A handler, and a signal held back while blocked. */
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, &old);
	kill(getpid(), SIGUSR1);
	printf("while blocked, the handler ran: %d\n", got_usr1 != 0);
	sigprocmask(SIG_SETMASK, &old, NULL);
	printf("after unblocking, the handler ran for signal %d\n", got_usr1);

	/* 4. alarm() ends a pause(). */
	signal(SIGALRM, on_alarm);
	alarm(1);
	pause();
	printf("pause() returned after signal %d\n", got_alarm);
	return 0;
}
