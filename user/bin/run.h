/*
 * Running a command and waiting for it, as find -exec and xargs do: fork,
 * execvp in the child, waitpid in the parent (system() without the shell
 * in between, so the words reach the command as they are).
 */
#ifndef RUN_H
#define RUN_H
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs argv (argv[0] looked up in $PATH) and returns its wait status.
   A command that cannot be run exits 127 if it was not found, else 126,
   the numbers the shell uses. */
static inline int run_and_wait(char **argv)
{
	int wstatus;
	pid_t pid;

	fflush(stdout);                 /* our output before the command's */
	pid = fork();
	if (pid < 0)
		err(1, "fork");
	if (pid == 0) {
		execvp(argv[0], argv);
		warn("%s", argv[0]);
		_exit(errno == ENOENT ? 127 : 126);
	}
	if (waitpid(pid, &wstatus, 0) < 0)
		err(1, "waitpid");
	return wstatus;
}

#endif
