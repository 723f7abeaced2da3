/*
 * xargs: build command lines from standard input: the words read are
 * added to the command's arguments, and it is run (fork, execvp, wait)
 * as often as needed.
 *
 *   xargs [-n MAX] [-r] [COMMAND [ARG]...]
 *
 * Words are separated by blanks and newlines; quotes ('...', "...") and
 * a backslash keep blanks inside one. COMMAND is echo unless given. -n:
 * at most MAX words per command; -r: do not run it at all when there
 * are none. Status, as GNU's: 123 if a command exited 1-125, 124 if one
 * exited 255, 125 if one was killed by a signal, 126 if it could not be
 * run, 127 if it was not found.
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "run.h"

#define MAX_ARGS 1024           /* words per command without -n */

static void usage(void)
{
	fprintf(stderr, "usage: xargs [-n max] [-r] [command [arg]...]\n");
	exit(1);
}

/* The next word from standard input into *word (grown as needed);
   0 at the end of the input. */
static int read_word(char **word, size_t *size)
{
	size_t len = 0;
	int c, quote = 0, any = 0;

	while ((c = getchar()) != EOF) {
		if (quote) {
			if (c == quote)
				quote = 0;
			else if (c == '\n')
				errx(1, "unmatched %s quote", quote == '"' ? "double" : "single");
			else
				goto keep;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n') {
			if (any)
				break;
			continue;
		}
		any = 1;
		if (c == '\'' || c == '"') {
			quote = c;
			continue;
		}
		if (c == '\\' && (c = getchar()) == EOF)
			break;
keep:
		if (len + 2 > *size) {
			*size = *size ? 2 * *size : 64;
			*word = realloc(*word, *size);
			if (!*word)
				err(1, "out of memory");
		}
		(*word)[len++] = c;
	}
	if (quote)
		errx(1, "unmatched %s quote", quote == '"' ? "double" : "single");
	if (any)
		(*word)[len] = '\0';
	return any;
}

/* Runs argv and returns xargs's status for it (0 if it exited 0). */
static int run(char **argv)
{
	int wstatus = run_and_wait(argv);

	if (WIFSIGNALED(wstatus)) {
		warnx("%s: terminated by signal %d", argv[0], WTERMSIG(wstatus));
		return 125;
	}
	switch (WEXITSTATUS(wstatus)) {
	case 0:   return 0;
	case 126: return 126;
	case 127: return 127;
	case 255: warnx("%s: exited with status 255; aborting", argv[0]); return 124;
	default:  return 123;
	}
}

int main(int argc, char **argv)
{
	static char *echo[] = { "echo" };
	int max = MAX_ARGS, no_run_empty = 0, fixed, count = 0, ran = 0, status = 0;
	int result, c;
	char **command, **args, *word = NULL;
	size_t size = 0;
	char *end;

	while ((c = getopt(argc, argv, "+n:r")) != -1) {
		if (c == 'n') {
			max = strtol(optarg, &end, 10);
			if (*end || max < 1)
				errx(1, "value %s for -n option should be >= 1", optarg);
			if (max > MAX_ARGS)
				max = MAX_ARGS;
		} else if (c == 'r') {
			no_run_empty = 1;
		} else {
			usage();
		}
	}
	command = optind < argc ? argv + optind : echo;
	fixed = optind < argc ? argc - optind : 1;
	args = calloc(fixed + max + 1, sizeof(char *));
	if (!args)
		err(1, "out of memory");
	memcpy(args, command, fixed * sizeof(char *));
	/* Each word is copied: the buffer word is reused for the next. */
	while (read_word(&word, &size)) {
		if (!(args[fixed + count++] = strdup(word)))
			err(1, "out of memory");
		if (count < max)
			continue;
		args[fixed + count] = NULL;
		result = run(args);
		ran = 1;
		while (count)
			free(args[fixed + --count]);
		if (result > 123)       /* as GNU's: stop at once */
			return result;
		if (result)
			status = result;
	}
	if (count || (!ran && !no_run_empty)) {
		args[fixed + count] = NULL;
		result = run(args);
		if (result)
			status = result;
	}
	return status;
}
