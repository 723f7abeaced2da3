/*
 * Redirections: < > >> <> n>&m n<&m << on file descriptors.
 *
 * "cmd > out" opens out and dup2()s it onto fd 1. For a program that is
 * all: the shell does it in the child, between fork and exec, and the
 * program inherits the rearranged fds. A builtin runs in the shell
 * itself, so the shell must put its own fds back afterwards: before
 * changing fd 1 it keeps a copy of it (at fd 10 or above), and
 * undo_redirs_to() dup2()s the copy back.
 *
 *   echo hi > out (a builtin)       fd 1 -> terminal
 *     save: fcntl(1, F_DUPFD, 10)   fd 10 -> terminal
 *     open + dup2(fd, 1)            fd 1 -> out          echo runs
 *     undo: dup2(10, 1), close 10   fd 1 -> terminal
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

#define MAX_SAVED 64

static struct {
	int fd;         /* the fd changed */
	int copy;       /* where its old self is kept, or -1: it was closed */
} saved[MAX_SAVED];
static int nsaved;

int redir_mark(void)
{
	return nsaved;
}

void undo_redirs_to(int mark)
{
	while (nsaved > mark) {
		nsaved--;
		if (saved[nsaved].copy >= 0) {
			dup2(saved[nsaved].copy, saved[nsaved].fd);
			close(saved[nsaved].copy);
		} else {
			close(saved[nsaved].fd);
		}
	}
}

static void save_fd(int fd)
{
	if (nsaved == MAX_SAVED)
		return;
	int copy = fcntl(fd, F_DUPFD, 10);
	if (copy >= 0)
		fcntl(copy, F_SETFD, FD_CLOEXEC);
	saved[nsaved].fd = fd;
	saved[nsaved++].copy = copy;
}

/* A here-document: its text, readable from the read end of a pipe. A
   body larger than the pipe holds is written by a child of its own. */
static int heredoc_fd(struct redir *r)
{
	char *body = r->quoted ? xstrdup(r->target) : expand_heredoc(r->target);
	size_t len = strlen(body);
	int p[2];

	if (pipe(p) < 0) {
		free(body);
		return -1;
	}
	if (len <= 4096) {
		write(p[1], body, len);
	} else if (sh_fork() == 0) {
		close(p[0]);
		write(p[1], body, len);
		_exit(0);
	}
	close(p[1]);
	free(body);
	return p[0];
}

/* The fd m of n>&m, or -1 for n>&- (close n). */
static int dup_source(const char *word, int *bad)
{
	char *end;
	long m;

	*bad = 0;
	if (!strcmp(word, "-"))
		return -1;
	m = strtol(word, &end, 10);
	if (!*word || *end || m < 0 || fcntl(m, F_GETFD) < 0) {
		sh_error("%s: Bad file descriptor", word);
		*bad = 1;
	}
	return m;
}

static int open_target(struct redir *r, const char *path)
{
	static const int flags[] = {
		[R_IN] = O_RDONLY,
		[R_OUT] = O_WRONLY | O_CREAT | O_TRUNC,
		[R_CLOBBER] = O_WRONLY | O_CREAT | O_TRUNC,
		[R_APPEND] = O_WRONLY | O_CREAT | O_APPEND,
		[R_RDWR] = O_RDWR | O_CREAT,
	};
	int fd = open(path, flags[r->op], 0666);

	if (fd < 0)
		sh_error("%s: %s", path, strerror(errno));
	return fd;
}

static int apply_one(struct redir *r, int save)
{
	int from, bad = 0;

	if (r->op == R_HEREDOC) {
		from = heredoc_fd(r);
	} else {
		char *word = expand_string(r->target);
		if (r->op == R_DUPIN || r->op == R_DUPOUT)
			from = dup_source(word, &bad);
		else if ((from = open_target(r, word)) < 0)
			bad = 1;
		free(word);
	}
	if (bad)
		return -1;
	if (save)
		save_fd(r->fd);
	if (from < 0) {
		close(r->fd);
		return 0;
	}
	if (from != r->fd) {
		dup2(from, r->fd);
		if (r->op != R_DUPIN && r->op != R_DUPOUT)
			close(from);
	}
	return 0;
}

/* Apply a command's redirections in order; save: so that
   undo_redirs_to() can put them back. -1 (message printed) if one
   failed. */
int apply_redirs(struct redir *r, int save)
{
	for (; r; r = r->next)
		if (apply_one(r, save) < 0)
			return -1;
	return 0;
}
