/*
 * popen(line, "r"): run line with /bin/sh -c, its standard output a
 * pipe whose other end the caller reads as a FILE; "w": the caller
 * writes the command's standard input. pclose waits for the command and
 * gives its wait status.
 *
 *     caller                                  child: sh -c line
 *     FILE --- fd [read end] <==== pipe <==== fd 1 (mode "r")
 *
 * The caller's end is close-on-exec, so commands started later (by
 * another popen, say) do not hold it open: a "w" command sees end of
 * file as soon as its caller's pclose closes the pipe.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <sys/wait.h>
#include "stdio_file.h"
#include "shell.h"

FILE *popen(const char *line, const char *mode)
{
	int reading = mode[0] == 'r', fds[2];
	int mine, theirs;               /* the pipe's ends: ours, the child's */
	int target = reading ? 1 : 0;   /* what theirs becomes in the child */
	FILE *f;
	pid_t pid;

	/* glibc's 'e' (close on exec) is accepted: ours always is. */
	if ((mode[0] != 'r' && mode[0] != 'w') || mode[1 + strspn(mode + 1, "e")]) {
		errno = EINVAL;
		return NULL;
	}
	if (pipe2(fds, O_CLOEXEC) < 0)
		return NULL;
	mine = fds[reading ? 0 : 1];
	theirs = fds[reading ? 1 : 0];
	f = fdopen(mine, reading ? "r" : "w");
	if (!f || (pid = fork()) < 0) {
		if (f)
			fclose(f);
		else
			close(mine);
		close(theirs);
		return NULL;
	}
	if (pid == 0) {
		if (theirs == target)           /* fd 0 or 1 was closed */
			fcntl(theirs, F_SETFD, 0);
		else
			dup2(theirs, target);   /* the copy is not close-on-exec */
		__exec_shell(line);
	}
	close(theirs);
	f->pid = pid;
	return f;
}

int pclose(FILE *f)
{
	pid_t pid = f->pid;
	int status;

	if (!pid) {                     /* not a FILE popen made */
		errno = ECHILD;
		return -1;
	}
	fclose(f);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}
