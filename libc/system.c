/*
 * system(line): run a command line with /bin/sh -c and wait for it, the
 * way POSIX spells out. While the command runs, the caller ignores
 * SIGINT and SIGQUIT (a ^C at the terminal is the command's to act on,
 * not the caller's) and blocks SIGCHLD (so that a handler of the
 * caller's cannot reap the child before system()'s own waitpid). The
 * child puts everything back before exec.
 */
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <errno.h>
#include <sys/wait.h>
#include "shell.h"

int system(const char *line)
{
	struct sigaction ignore = { .sa_handler = SIG_IGN }, old_int, old_quit;
	sigset_t chld, old_mask;
	int status = -1;
	pid_t pid;

	if (!line)                      /* "is there a shell?" */
		return access(SHELL_PATH, X_OK) == 0;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &old_mask);
	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		sigprocmask(SIG_SETMASK, &old_mask, NULL);
		__exec_shell(line);
	}
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	return status;
}
