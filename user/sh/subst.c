/*
 * Command substitution: $(cmd) and `cmd` become cmd's output.
 *
 *   shell                         child (a copy of the shell)
 *     pipe(fd)
 *     fork() --------------------> dup2(fd[1], 1): stdout into the pipe
 *     read(fd[0]) until EOF <----  runs cmd, exits
 *     waitpid(child)
 *     trailing newlines dropped; the text goes into the word
 *
 * The shell reads everything before it waits: a child writing more
 * than the pipe holds would otherwise wait for a reader forever.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"
#include "expand.h"

/* The output of cmd, run by a child shell; trailing newlines removed.
   The child's status goes to subst_status: "x=$(false)" sets $? to 1. */
int subst_status;

char *command_output(const char *cmd)
{
	int fd[2];
	char *out = NULL;
	size_t len = 0;
	pid_t pid;

	fflush(stdout);
	if (pipe(fd) < 0 || (pid = sh_fork()) < 0) {
		sh_error("cannot run $(%s): %s", cmd, strerror(errno));
		return xstrdup("");
	}
	if (pid == 0) {
		close(fd[0]);
		dup2(fd[1], 1);
		close(fd[1]);
		child_setup(NULL, 0);
		sh_exit(run_string(cmd));
	}
	close(fd[1]);
	for (;;) {
		out = realloc(out, len + 4097);
		ssize_t n = read(fd[0], out + len, 4096);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += n;
	}
	close(fd[0]);
	while (len && out[len - 1] == '\n')
		len--;
	out[len] = 0;
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	subst_status = WIFEXITED(status) ? WEXITSTATUS(status) :
		       128 + WTERMSIG(status);
	last_status = subst_status;     /* "echo $(false) $?" says 1 */
	return out;
}

void put_command(struct xbuf *x, const char *cmd, enum mode mode)
{
	char *out = command_output(cmd);

	put_value(x, out, mode);
	free(out);
}

/* `..`: inside, \$ \` and \\ stand for the character itself. */
void backquote(struct xbuf *x, const char *s, const char *e,
		      enum mode mode)
{
	char *cmd = xmalloc(e - s + 1), *d = cmd;

	for (; s < e; s++) {
		if (*s == '\\' && s + 1 < e && strchr("$`\\", s[1]))
			s++;
		*d++ = *s;
	}
	*d = 0;
	put_command(x, cmd, mode);
	free(cmd);
}
