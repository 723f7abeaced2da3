/*
 * /sbin/init: process 1, the first program the kernel runs.
 *
 * It starts the shell (if there is one) and then does the job only
 * process 1 has: when a process dies before its children, the kernel
 * gives the orphans to process 1, and init waits for them, so that no
 * zombie stays in the process table forever. Process 1 must never exit.
 */
#include <stdio.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>
#include <sys/wait.h>

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

int main(void)
{
	pid_t shell = -1;

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
