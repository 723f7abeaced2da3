/*
 * stdout on a terminal, as the stdio lecture shows it: line buffered.
 * tests/guest_tty.py boots this as process 1 (stdout is the console)
 * and watches the serial line. Markers written with write(2), which no
 * buffer delays, show where in the program's order each text appeared:
 *
 *   1. "ready: stdio"    printf("Beginning of line ") with no newline,
 *      then the marker "[waiting]": the text is still in the buffer, so
 *      the marker comes first. A line typed ends the wait (read(2), not
 *      stdio, so nothing is flushed); printf("and end of line\n") then
 *      sends the whole line at once.
 *   2. printf("prompt> ") and fflush: the prompt comes before "[flushed]".
 *   3. printf("Name? ") then fgets(stdin): reading a terminal flushes
 *      stdout first, so the question shows before the program waits.
 *   4. printf("once\n"); fork(): on a terminal the newline has already
 *      sent the line, so it shows once; printf("twice "); fork(): the
 *      buffer is copied and both processes flush it, so it shows twice.
 *   5. stderr is unbuffered: its text comes before the next marker.
 */
#include "check.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static void mark(const char *s)
{
	write(1, s, strlen(s));
}

/* Fork; the child ends with exit(), which flushes its copy of stdout. */
static void fork_and_flush(void)
{
	pid_t pid = fork();

	if (pid == 0)
		exit(0);
	waitpid(pid, NULL, 0);
	fflush(stdout);
}

int main(int argc, char **argv)
{
	char line[64];

	check_init(argc, argv);
	expect("stdout and stdin are the terminal", isatty(0) && isatty(1),
	       "not a tty");
	mark("ready: stdio\n");
	printf("Beginning of line ");
	mark("[waiting]\n");
	read(0, line, sizeof(line));
	printf("and end of line\n");

	printf("prompt> ");
	fflush(stdout);
	mark("[flushed]\n");

	printf("Name? ");
	if (fgets(line, sizeof(line), stdin))
		printf("hello %s", line);

	printf("once\n");
	fork_and_flush();
	printf("twice ");
	fork_and_flush();
	mark("[forked]\n");

	fprintf(stderr, "to stderr ");
	mark("[after stderr]\n");
	return check_done();
}
