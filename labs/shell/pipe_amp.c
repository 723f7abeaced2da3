/*
 * The shell lab's test: `|&` in /bin/sh, as bash has it.
 *
 *   cmd1 |& cmd2     is   cmd1 2>&1 | cmd2
 *
 * with the 2>&1 made after cmd1's own redirections. Each case runs one
 * command line with `sh -c` (a syntax error spoils only its own case),
 * catches the shell's standard output and standard error apart, and
 * compares both with what bash prints. /labs/outerr writes "out" to
 * standard output and "err" to standard error.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct shell_case {
	const char *name;
	const char *line;
	const char *out, *err;          /* what bash prints on each */
};

static const struct shell_case cases[] = {
	{ "|& sends standard error down the pipe",
	  "/labs/outerr |& tr a-z A-Z", "OUT\nERR\n", "" },
	{ "| alone still leaves standard error out",
	  "/labs/outerr | tr a-z A-Z", "OUT\n", "err\n" },
	{ "|& comes after the command's own redirections",
	  "/labs/outerr 2>/dev/null |& tr a-z A-Z; "
	  "/labs/outerr >/dev/null |& tr a-z A-Z", "OUT\nERR\n", "" },
	{ "|& after a compound command",
	  "{ /labs/outerr; echo x >&2; } |& sort", "err\nout\nx\n", "" },
	{ "|& and | in one pipeline",
	  "/labs/outerr |& tr a-z A-Z | sort; "
	  "/labs/outerr | tr a-z A-Z |& sort", "ERR\nOUT\nOUT\n", "err\n" },
};

/* Everything fd gives until its end (outputs here are small). */
static void slurp(int fd, char *buf, size_t size)
{
	size_t len = 0;
	ssize_t n;

	while (len < size - 1 && (n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	buf[len] = '\0';
	close(fd);
}

/* Print s quoted, "OUT\nERR\n" as "OUT|ERR|": a FAIL line is one line. */
static void print_quoted(const char *before, const char *s)
{
	printf("%s\"", before);
	for (; *s; s++)
		putchar(*s == '\n' ? '|' : *s);
	putchar('"');
}

/* Run sh -c line; its two outputs into out and err. The children's
   outputs fit in the pipes, so waiting first cannot block them. */
static int run(const char *line, char *out, char *err, size_t size)
{
	int po[2], pe[2], status;
	pid_t pid;

	if (pipe(po) < 0 || pipe(pe) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(po[1], 1);
		dup2(pe[1], 2);
		close(po[0]), close(po[1]), close(pe[0]), close(pe[1]);
		execl("/bin/sh", "sh", "-c", line, (char *)NULL);
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	slurp(po[0], out, size);
	slurp(pe[0], err, size);
	return 0;
}

int main(void)
{
	char out[512], err[512];

	alarm(60);
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct shell_case *c = &cases[i];

		if (run(c->line, out, err, sizeof(out)) < 0) {
			printf("FAIL %s -- sh -c: %s\n", c->name, strerror(errno));
			continue;
		}
		if (!strcmp(out, c->out) && !strcmp(err, c->err)) {
			printf("ok %s\n", c->name);
			continue;
		}
		printf("FAIL %s -- `%s`", c->name, c->line);
		print_quoted(" printed ", out);
		print_quoted(" and on stderr ", err);
		print_quoted("; want ", c->out);
		print_quoted(" and ", c->err);
		putchar('\n');
	}
	return 0;
}
