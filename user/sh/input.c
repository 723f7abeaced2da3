/*
 * Where the shell's lines come from: the terminal (with a prompt), a
 * script file or standard input, or a string (sh -c, eval, $(..)).
 *
 * From a file descriptor the shell reads one byte at a time: it must
 * not read past the end of the line, because the rest of the input may
 * belong to the commands it runs ("read x" in a script read from a
 * pipe reads the script's next line). On a terminal in canonical mode
 * a read returns one line anyway: the tty's line discipline does the
 * editing (backspace, ^U, ^W) before the shell sees anything.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

static void append(char **buf, size_t *len, char c)
{
	*buf = realloc(*buf, *len + 2);
	if (!*buf)
		sh_error("out of memory"), sh_exit(2);
	(*buf)[(*len)++] = c;
	(*buf)[*len] = 0;
}

static int read_fd_line(int fd, char **buf, size_t *len)
{
	size_t start = *len;
	char c;

	for (;;) {
		ssize_t n = read(fd, &c, 1);

		if (n < 0 && errno == EINTR && interrupted)
			return -1;              /* ^C at the prompt */
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		append(buf, len, c);
		if (c == '\n')
			return 1;
	}
	if (*len == start)
		return 0;
	append(buf, len, '\n');         /* a last line without its newline */
	return 1;
}

static int read_str_line(struct input *in, char **buf, size_t *len)
{
	if (!*in->str)
		return 0;
	while (*in->str) {
		char c = *in->str++;
		append(buf, len, c);
		if (c == '\n')
			return 1;
	}
	append(buf, len, '\n');
	return 1;
}

/* One more line onto *buf: 1, or 0 at the end, or -1 if ^C was typed.
   set -v (verbose) shows each line of a script or of the terminal on
   stderr as it is read (not those of sh -c or eval strings, as dash). */
int read_line(struct input *in, char **buf, size_t *len, const char *prompt)
{
	size_t start = *len;
	int got;

	if (prompt) {
		char *p = expand_string(prompt);
		write(2, p, strlen(p));
		free(p);
	}
	got = in->str ? read_str_line(in, buf, len) : read_fd_line(in->fd, buf, len);
	if (got > 0)
		in->line++;
	if (got > 0 && opt_v && !in->str)
		write(2, *buf + start, *len - start);
	return got;
}
