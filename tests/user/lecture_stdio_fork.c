/*
 * printf before fork, with stdout sent to a file: a file is not a
 * terminal, so stdout is fully buffered, and the text printed before
 * fork() is still in the buffer. fork copies the buffer with the rest
 * of memory; parent and child each flush their copy when they exit, and
 * the file gets the text twice - even "line\n": a newline flushes only
 * on a terminal. fflush(stdout) before fork() leaves nothing to copy.
 * (On a terminal, "line\n" would show once: tests/user/tty_stdio.c.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/wait.h>

#define OUT "/tmp/fork.txt"

static FILE *console;                   /* where the results are shown */

/* Run the lecture's lines with stdout on OUT; then show what OUT got
   (on the console, flushed at once: a child's exit would flush a copy
   of anything left waiting). */
static void with_stdout_in_file(const char *code, const char *what,
				int flush_first)
{
	char got[64];
	FILE *f;
	size_t n;
	pid_t pid;

	printf("%s", what);
	if (flush_first)
		fflush(stdout);
	pid = fork();
	if (pid == 0)
		exit(0);                /* the child's exit flushes its copy */
	waitpid(pid, NULL, 0);
	fflush(stdout);                 /* and the parent's */

	f = fopen(OUT, "r");
	n = fread(got, 1, sizeof(got) - 1, f);
	got[n] = '\0';
	fclose(f);
	truncate(OUT, 0);
	lseek(STDOUT_FILENO, 0, SEEK_SET);
	fprintf(console, "%s -> the file holds:\n%s[end]\n", code, got);
	fflush(console);
}

int main(void)
{
	int fd = open(OUT, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	console = fdopen(dup(STDOUT_FILENO), "w");
	dup2(fd, STDOUT_FILENO);        /* like ./prog > /tmp/fork.txt */
	close(fd);
	with_stdout_in_file("printf(\"a\"); fork();", "a", 0);
	with_stdout_in_file("printf(\"line\\n\"); fork();", "line\n", 0);
	with_stdout_in_file("printf(\"line\\n\"); fflush(stdout); fork();",
			    "line\n", 1);
	remove(OUT);
	return 0;
}
