/*
 * /bin/sh: the read-eval loop.
 *
 *   for (;;) {
 *       print the prompt, read a line        input.c
 *       parse it into a tree                 lex.c, parse.c
 *           (not finished? read another line with PS2, parse again)
 *       run the tree                         exec.c
 *   }
 *
 * Running a command that is not built in is fork + exec + wait: the
 * shell makes a copy of itself, the copy replaces itself with the
 * program, and the shell waits for it to end (exec.c, jobs.c).
 *
 *   sh                      interactive on a terminal, else reads stdin
 *   sh -c 'cmd' [name args] runs cmd, $0 = name
 *   sh file [args]          runs a script
 *   sh -                    reads stdin
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

int last_status;
int interactive;
int opt_e, opt_x, opt_u, opt_f, opt_a, opt_v, opt_n, opt_pipefail;
volatile int interrupted;

int current_line;

static jmp_buf toplevel;        /* an interactive shell's prompt */
static int at_toplevel;
static int numbered_messages;   /* "script: 3: ..." rather than "sh: ..." */

/* The line of the command about to run: $LINENO, and error messages. */
void set_line(int line)
{
	char num[16];

	if (line == current_line)
		return;
	current_line = line;
	snprintf(num, sizeof(num), "%d", line);
	setvar("LINENO", num, 0);
}

/*
 * "sh: what: why" at the terminal (as bash). A script or sh -c says
 * where, as dash does: "$0: LINE: what: why", e.g.
 * "./build.sh: 12: gcc: not found".
 */
void sh_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	if (numbered_messages)
		fprintf(stderr, "%s: %d: ", arg0, current_line);
	else
		fputs("sh: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* An error that ends the command: back to the prompt, or out. */
void sh_abort(int status)
{
	last_status = status;
	if (at_toplevel && interactive)
		longjmp(toplevel, 1);
	sh_exit(status);
}

void sh_exit(int status)
{
	if (exit_trap) {
		char *t = exit_trap;
		exit_trap = NULL;
		run_string(t);
	}
	fflush(stdout);
	exit(status);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n);

	if (!p) {
		sh_error("out of memory");
		exit(2);
	}
	return p;
}

char *xstrdup(const char *s)
{
	return strcpy(xmalloc(strlen(s) + 1), s);
}

/* Lines up to a complete command, parsed into *tree (in an arena the
   caller ends). got: 1, or 0 at the end of the input, -1 after ^C. */
static enum parse_result read_command(struct input *in, struct node **tree,
				      struct arena_state *outer, int *got)
{
	const char *prompt = in->interactive ? getvar("PS1") : NULL;
	enum parse_result r = P_INCOMPLETE;

	int first_line = in->line + 1;

	in->len = 0;
	*tree = NULL;
	while (r == P_INCOMPLETE) {
		*got = read_line(in, &in->buf, &in->len, prompt);
		if (*got <= 0)
			break;
		arena_end(outer);               /* drop the last try */
		arena_begin(outer);
		r = parse_program(in->buf, first_line, tree);
		prompt = in->interactive ? getvar("PS2") : NULL;
	}
	if (*got == 0 && r == P_INCOMPLETE && in->len > 0) {
		set_line(in->line);
		sh_error("syntax error: unexpected end of file");
		r = P_ERROR;
	}
	return r;
}

/* Read, parse and run until the input ends. */
int run_input(struct input *in)
{
	if (in->interactive && setjmp(toplevel)) {
		undo_redirs_to(0);              /* after an error in a command */
		pending_jump = J_NONE;
		loop_depth = func_depth = tested = 0;
	}
	at_toplevel = in->interactive;
	for (;;) {
		struct arena_state outer;
		struct node *tree;
		int got;

		if (in->interactive)
			jobs_notify();
		interrupted = 0;
		arena_begin(&outer);
		enum parse_result r = read_command(in, &tree, &outer, &got);
		if (r == P_OK && tree && !(opt_n && !interactive))
			exec_node(tree, 0);     /* set -n: parse only (scripts) */
		if (interrupted && in->interactive) {
			write(2, "\n", 1);     /* after the ^C the tty echoed */
			last_status = 130;
		} else if (r == P_ERROR) {
			if (!interactive)
				sh_exit(2);
			last_status = 2;
		}
		arena_end(&outer);
		if (got == 0)
			break;
	}
	free(in->buf);
	in->buf = NULL;
	return last_status;
}

/* The string's lines are numbered from the current line on (eval on
   line 7: its first line is line 7 too). */
int run_string(const char *s)
{
	struct input in = { -1, s, 0, NULL, 0, current_line ? current_line - 1 : 0 };
	int was = at_toplevel;
	int status;

	at_toplevel = 0;
	status = run_input(&in);
	at_toplevel = was;
	return status;
}

int run_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct input in = { fd, NULL, 0, NULL, 0, 0 };
	int was = at_toplevel;

	if (fd < 0)
		return -1;
	at_toplevel = 0;
	run_input(&in);
	at_toplevel = was;
	close(fd);
	return last_status;
}

static void usage(void)
{
	fprintf(stderr, "usage: sh [-aefnuvx] [-c command [name [arg ...]] | file [arg ...] | -]\n");
	exit(2);
}

static const struct option {
	char letter;
	const char *name;       /* for set -o NAME */
	int *flag;
} options[] = {
	{ 'e', "errexit", &opt_e }, { 'u', "nounset", &opt_u },
	{ 'x', "xtrace", &opt_x }, { 'f', "noglob", &opt_f },
	{ 'a', "allexport", &opt_a }, { 'v', "verbose", &opt_v },
	{ 'n', "noexec", &opt_n },
	{ 0, "pipefail", &opt_pipefail },
};

#define NOPTIONS (sizeof(options) / sizeof(options[0]))

/* set -o NAME / +o NAME, or (NULL) the list of them with their state. */
static int named_option(const char *name, int on)
{
	for (size_t i = 0; i < NOPTIONS; i++) {
		if (!name)
			printf("%-15s %s\n", options[i].name, *options[i].flag ? "on" : "off");
		else if (!strcmp(name, options[i].name))
			return *options[i].flag = on, 0;
	}
	return name ? -1 : 0;
}

/* $-: the letters of the options that are on, and i if interactive;
   buf has room for them all. */
void option_letters(char *buf)
{
	for (size_t i = 0; i < NOPTIONS; i++)
		if (options[i].letter && *options[i].flag)
			*buf++ = options[i].letter;
	if (interactive)
		*buf++ = 'i';
	*buf = 0;
}

/* -e -u -x -f -a -v -n (together: -eu), -o NAME, and their + forms: how many
   words of argv that took (0: argv[0] is no option), or -1. */
int set_option(char **argv)
{
	const char *arg = argv[0];
	int on = arg[0] == '-';

	if ((arg[0] != '-' && arg[0] != '+') || !arg[1] || !strcmp(arg, "--"))
		return 0;
	if (!strcmp(arg + 1, "o"))
		return named_option(argv[1], on) < 0 ? -1 : argv[1] ? 2 : 1;
	for (const char *p = arg + 1; *p; p++) {
		size_t i = 0;
		while (i < NOPTIONS && options[i].letter != *p)
			i++;
		if (i == NOPTIONS)
			return -1;
		*options[i].flag = on;
	}
	return 1;
}

static void set_defaults(void)
{
	if (!getvar("PATH"))
		setvar("PATH", DEFAULT_PATH, 1);
	if (!getvar("PS1"))
		setvar("PS1", "$ ", 0);
	if (!getvar("PS2"))
		setvar("PS2", "> ", 0);
	if (!getvar("PS4"))
		setvar("PS4", "+ ", 0);
	char ppid[16];
	snprintf(ppid, sizeof(ppid), "%d", getppid());
	setvar("PPID", ppid, 0);
	char *pwd = current_dir();       /* the inherited $PWD, if right */
	setvar("PWD", pwd, 1);
	free(pwd);
}

/* -c, the option letters and "-" or "--": where the operands start. */
static int parse_options(int argc, char **argv, char **command)
{
	int i = 1;

	while (i < argc && strcmp(argv[i], "-") && strcmp(argv[i], "--")) {
		if (!strcmp(argv[i], "-c") && i + 1 < argc) {
			*command = argv[i + 1];
			i += 2;
			continue;
		}
		int r = set_option(argv + i);
		if (r < 0)
			usage();
		if (r == 0)
			break;
		i += r;
	}
	if (i < argc && (!strcmp(argv[i], "-") || !strcmp(argv[i], "--")))
		i++;
	return i;
}

int main(int argc, char **argv)
{
	char *command = NULL;
	int i = parse_options(argc, argv, &command);

	import_env(environ);
	set_defaults();
	arg0 = argv[0];
	numbered_messages = command || i < argc;
	if (command) {                  /* sh -c 'cmd' [name [args]] */
		if (i < argc)
			arg0 = argv[i++];
		set_args(argv + i, argc - i);
		sh_exit(run_string(command));
	}
	if (i < argc) {                 /* sh script [args] */
		arg0 = argv[i];
		set_args(argv + i + 1, argc - i - 1);
		if (run_file(arg0) < 0) {
			numbered_messages = 0;  /* no line yet: "sh: x: why" */
			sh_error("%s: %s", arg0, strerror(errno));
			exit(127);
		}
		sh_exit(last_status);
	}
	set_args(argv + i, argc - i);   /* sh, sh -: standard input */
	struct input in = { 0, NULL, isatty(0) && isatty(2), NULL, 0, 0 };
	interactive = in.interactive;
	numbered_messages = !interactive;
	if (interactive)
		jobs_init();
	sh_exit(run_input(&in));
}
