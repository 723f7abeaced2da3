/*
 * /sbin/init: process 1, the first program the kernel runs.
 *
 * It first opens /dev/console as its standard input, output and error,
 * so that it and everything it starts talk to the console whatever the
 * kernel left open. It starts the shell (if there is one) and then does
 * the job only
 * process 1 has: when a process dies before its children, the kernel
 * gives the orphans to process 1, and init waits for them, so that no
 * zombie stays in the process table forever. Process 1 must never exit.
 */
#include <stdio.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>
#include <sys/wait.h>
#include <fcntl.h>

#define SHELL "/bin/sh"

static pid_t start_shell(void)
{
	char *argv[] = { SHELL, NULL };
	pid_t pid = fork();

	if (pid == 0) {
		execv(SHELL, argv);
		printf("init: cannot run %s: %s\n", SHELL, strerror(errno));
		_exit(127);
	}
	if (pid < 0)
		printf("init: fork: %s\n", strerror(errno));
	return pid;
}

/* fds 0, 1 and 2 on /dev/console, before anything else. */
static void open_console(void)
{
	int fd = open("/dev/console", O_RDWR);

	if (fd < 0)
		return;         /* keep whatever the kernel gave us */
	for (int i = 0; i < 3; i++)
		if (fd != i)
			dup2(fd, i);
	if (fd > 2)
		close(fd);
}

int main(void)
{
	pid_t shell = -1;

	open_console();
	printf("init: Sprout process 1 running\n");
	if (access(SHELL, X_OK) == 0)
		shell = start_shell();
	else
		printf("init: no %s yet; waiting for orphans\n", SHELL);

	for (;;) {
		int status;
		pid_t pid = wait(&status);

		if (pid < 0)            /* no children at all: nap, then look again */
			sleep(1);
		else if (pid == shell && WIFEXITED(status))
			printf("init: %s exited with status %d\n", SHELL,
			       WEXITSTATUS(status));
		else if (pid == shell)
			printf("init: %s killed by signal %d\n", SHELL,
			       WTERMSIG(status));
	}
}
