/*
 * Running the tree: one case per kind of node.
 *
 * A simple command is looked up in this order: a function, a builtin,
 * then a program found on $PATH. A builtin or function runs inside the
 * shell (cd must change the shell's own folder); a program runs in a
 * child:
 *
 *     shell                     child
 *       fork() ---------------->  (a copy of the shell)
 *       |                         redirections: dup2 onto 0, 1, 2
 *       |                         execve("/bin/ls", argv, env)
 *       waitpid(child) <-------- exit(status)
 *     $? = status
 *
 * A pipeline a | b | c starts one child per command, joined by pipes
 * (docs/shell.md draws the fds); the shell waits for them all and $? is
 * the last one's status.
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "sh.h"
#include "cmds.h"

enum jump pending_jump;
int jump_count;
int loop_depth, func_depth;
int tested;

/* The pipeline being run: its text names the job. */
static const char *current_text = "";

/* ---- finding and running a program ---- */

static int is_executable_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	       access(path, X_OK) == 0;
}

/* name searched for in dirs ("/bin:/usr/bin"; NULL: $PATH): a new
   string, or NULL. */
char *find_path(const char *name, const char *dirs)
{
	const char *path = dirs ? dirs : getvar("PATH") ? getvar("PATH") : DEFAULT_PATH;

	for (;;) {
		size_t n = strcspn(path, ":");
		char *full = xmalloc(n + strlen(name) + 2);

		if (n == 0)
			strcpy(full, name);     /* an empty entry is "." */
		else
			sprintf(full, "%.*s/%s", (int)n, path, name);
		if (is_executable_file(full))
			return full;
		free(full);
		if (!path[n])
			break;
		path += n + 1;
	}
	return NULL;
}

/* exec (searching dirs, as find_path does), or die with 127 (not
   found) or 126 (found, cannot run). */
void exec_external(char **argv, char **env, const char *dirs)
{
	char *path = strchr(argv[0], '/') ? xstrdup(argv[0]) : find_path(argv[0], dirs);

	if (!path) {
		sh_error("%s: not found", argv[0]);
		_exit(127);
	}
	execve(path, argv, env);
	if (errno == ENOEXEC) {         /* no #!: a script for us (POSIX) */
		int n = 0;
		while (argv[n])
			n++;
		char **sh_argv = xmalloc((n + 2) * sizeof(char *));
		sh_argv[0] = "sh";
		sh_argv[1] = path;
		memcpy(sh_argv + 2, argv + 1, n * sizeof(char *));
		execve("/bin/sh", sh_argv, env);
	}
	sh_error("%s: %s", argv[0], strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

/* ---- simple commands ---- */

/* set -x: the command as it will run, after $PS4 ("+ "). */
static void trace(char **argv)
{
	fputs(getvar("PS4") ? getvar("PS4") : "", stderr);
	for (int i = 0; argv[i]; i++)
		fprintf(stderr, i ? " %s" : "%s", argv[i]);
	fputc('\n', stderr);
}

/* NAME=value words: set them (export: also into the environment). */
static void assign(struct word *w, int export)
{
	for (; w; w = w->next) {
		char *eq = strchr(w->text, '=');
		char *name = xmalloc(eq - w->text + 1);
		memcpy(name, w->text, eq - w->text);
		name[eq - w->text] = 0;
		char *value = expand_string(eq + 1);
		if (opt_x)
			fprintf(stderr, "%s%s=%s\n", getvar("PS4") ? getvar("PS4") : "",
				name, value);
		int r = setvar(name, value, export);
		free(name);
		free(value);
		if (r < 0)
			sh_abort(1);    /* a readonly variable */
	}
}

/* A program, in a child: fork, and wait unless this is the end. n gives
   the assignments and redirections (none for "command prog"). */
int run_program(struct node *n, char **argv, int flags)
{
	struct job *j;
	pid_t pid;

	if (!(flags & EV_EXIT)) {
		fflush(stdout);
		j = job_new(current_text, 1);
		if ((pid = sh_fork()) < 0) {
			sh_error("fork: %s", strerror(errno));
			job_free(j);
			return 2;
		}
		if (pid > 0) {
			job_add_proc(j, 0, pid);
			return job_run(j, 0);
		}
		child_setup(j, 1);
	}
	if (n) {
		assign(n->assigns, 1);
		if (apply_redirs(n->redirs, 0) < 0)
			_exit(1);
	}
	exec_external(argv, build_env(), flags & EV_DEFAULT_PATH ? DEFAULT_PATH : NULL);
}

/* A builtin or function, in the shell, its redirections undone after.
   Assignments before it last only while it runs (except for the
   special builtins: x=1 export x keeps x). */
static int run_in_shell(struct node *n, char **argv, int argc,
			builtin_fn fn, struct node *func, int special)
{
	int mark = redir_mark(), status;
	int scoped = !special && n->assigns;
	void *saved = NULL;             /* the outer scope's saved values */

	if (scoped) {
		saved = push_locals();
		for (struct word *w = n->assigns; w; w = w->next) {
			char *name = xstrdup(w->text);
			*strchr(name, '=') = 0;
			local_var(name);
			free(name);
		}
	}
	assign(n->assigns, 0);
	if (apply_redirs(n->redirs, 1) < 0)
		status = 1;
	else if (fn)
		status = write_status("sh: ", argv[0], fn(argc, argv));
	else
		status = call_function(func, argc, argv);
	fflush(stdout);
	fflush(stderr);
	undo_redirs_to(mark);
	if (scoped)
		pop_locals(saved);
	return status;
}

static int exec_simple(struct node *n, int flags)
{
	int argc, special = 0, status;
	char **argv;
	builtin_fn fn;
	struct node *func;

	set_line(n->line);
	subst_status = 0;               /* x=$(false) leaves $? = 1 */
	argv = expand_words(n->words, &argc);
	if (argc == 0) {                /* only assignments, redirections */
		int mark = redir_mark();
		assign(n->assigns, 0);
		status = subst_status;
		if (apply_redirs(n->redirs, 1) < 0)
			status = 1;
		undo_redirs_to(mark);
		free_argv(argv);
		return status;
	}
	if (opt_x)
		trace(argv);
	if (argc == 1 && !strcmp(argv[0], "exec")) {
		status = apply_redirs(n->redirs, 0) < 0;  /* for good */
		free_argv(argv);
		return status;
	}
	if ((func = find_function(argv[0])) != NULL)
		status = run_in_shell(n, argv, argc, NULL, func, 0);
	else if ((fn = find_builtin(argv[0], &special)) != NULL)
		status = run_in_shell(n, argv, argc, fn, NULL, special);
	else
		status = run_program(n, argv, flags);
	free_argv(argv);
	return status;
}

/* A condition (of if, while, until, the left of && and ||, a ! pipeline):
   set -e does not apply inside it, however deep (functions included). */
static int condition(struct node *n, int flags)
{
	int status;

	tested++;
	status = exec_node(n, flags & ~EV_EXIT);
	tested--;
	return status;
}

/* ---- pipelines and background jobs ---- */

/* Every command of the pipeline in a child of its own, all in one job
   (one process group), each one's stdout piped to the next one's
   stdin. */
static int run_pipeline(struct node *first, const char *text, int background)
{
	int n = 0, prev_read = -1;

	for (struct node *c = first; c; c = c->next)
		n++;
	fflush(stdout);
	struct job *j = job_new(text, n);
	int i = 0;
	for (struct node *c = first; c; c = c->next, i++) {
		int p[2] = { -1, -1 };
		if (c->next && pipe(p) < 0) {
			sh_error("pipe: %s", strerror(errno));
			break;
		}
		pid_t pid = sh_fork();
		if (pid == 0) {
			child_setup(j, !background);
			if (prev_read >= 0) {
				dup2(prev_read, 0);
				close(prev_read);
			}
			if (c->next) {
				close(p[0]);
				dup2(p[1], 1);
				close(p[1]);
			}
			sh_exit(exec_node(c, EV_EXIT));
		}
		if (pid < 0)
			sh_error("fork: %s", strerror(errno));
		else
			job_add_proc(j, i, pid);
		if (prev_read >= 0)
			close(prev_read);
		if (c->next)
			close(p[1]);
		prev_read = p[0];
	}
	return job_run(j, background);
}

static int exec_pipeline(struct node *n, int flags)
{
	int status;
	const char *outer = current_text;

	current_text = n->text;
	if (n->a->next || n->a->type == N_SUBSHELL)
		status = run_pipeline(n->a, n->text, 0);
	else
		status = n->bang ? condition(n->a, flags) : exec_node(n->a, flags);
	current_text = outer;
	if (n->bang)
		status = !status;
	if (opt_e && status && !n->bang && !tested)
		sh_exit(status);
	return status;
}

/* cmd &: a pipeline is its own job; anything else (a && b &) runs in a
   child shell that is the job. */
static int exec_background(struct node *n)
{
	struct node wrapper = { .type = N_SUBSHELL, .a = n };

	if (n->type == N_PIPELINE)
		return run_pipeline(n->a, n->text, 1);
	return run_pipeline(&wrapper, "(...)", 1);
}

/* ---- compound commands ---- */

/* After a loop's body: should the loop stop? (break, continue n > 1,
   return, ^C) */
static int loop_ends(void)
{
	if (interrupted)
		return 1;
	if (pending_jump == J_BREAK || pending_jump == J_CONTINUE) {
		int stop = pending_jump == J_BREAK || jump_count > 1;
		if (--jump_count == 0)
			pending_jump = J_NONE;
		return stop;
	}
	return pending_jump == J_RETURN;
}

static int exec_loop(struct node *n, int flags)
{
	int status = 0;

	loop_depth++;
	for (;;) {
		int s = condition(n->a, flags);
		if (pending_jump != J_NONE || interrupted)
			break;
		if ((s == 0) != (n->type == N_WHILE))
			break;
		status = exec_node(n->b, flags);
		if (loop_ends())
			break;
	}
	loop_depth--;
	return status;
}

static int exec_for(struct node *n, int flags)
{
	int argc, status = 0;
	char **list;

	if (n->has_in) {
		list = expand_words(n->words, &argc);
	} else {
		argc = nargs;
		list = xmalloc((argc + 1) * sizeof(char *));
		for (int i = 0; i <= argc; i++)
			list[i] = args[i] ? xstrdup(args[i]) : NULL;
	}
	loop_depth++;
	for (int i = 0; i < argc; i++) {
		setvar(n->name, list[i], 0);
		status = exec_node(n->a, flags);
		if (loop_ends())
			break;
	}
	loop_depth--;
	free_argv(list);
	return status;
}

static int exec_case(struct node *n, int flags)
{
	char *word = expand_string(n->words->text);
	int status = 0;

	for (struct case_item *it = n->items; it; it = it->next) {
		for (struct word *p = it->patterns; p; p = p->next) {
			char *pat = expand_pattern(p->text);
			int match = fnmatch(pat, word, 0) == 0;
			free(pat);
			if (match) {
				status = exec_node(it->body, flags);
				free(word);
				return status;
			}
		}
	}
	free(word);
	return status;
}

static int exec_compound(struct node *n, int flags)
{
	switch (n->type) {
	case N_IF: {
		int s = condition(n->a, flags);
		if (pending_jump != J_NONE)
			return s;
		if (s == 0)
			return exec_node(n->b, flags);
		return n->c ? exec_node(n->c, flags) : 0;
	}
	case N_WHILE:
	case N_UNTIL:
		return exec_loop(n, flags & ~EV_EXIT);
	case N_FOR:
		return exec_for(n, flags & ~EV_EXIT);
	case N_CASE:
		return exec_case(n, flags);
	case N_GROUP:
		return exec_node(n->a, flags);
	default:                        /* N_SUBSHELL, in its child */
		sh_exit(exec_node(n->a, EV_EXIT));
	}
}

/* ---- the dispatcher ---- */

int exec_node(struct node *n, int flags)
{
	int status = 0;

	if (!n)
		return 0;
	switch (n->type) {
	case N_SEQUENCE:
		status = exec_node(n->a, flags & ~EV_EXIT);
		if (pending_jump == J_NONE && !interrupted)
			status = exec_node(n->b, flags);
		break;
	case N_AND:
	case N_OR:
		status = condition(n->a, flags);
		if (pending_jump == J_NONE && !interrupted &&
		    (status == 0) == (n->type == N_AND))
			status = exec_node(n->b, flags);
		break;
	case N_BACKGROUND:
		status = exec_background(n->a);
		break;
	case N_PIPELINE:
		status = exec_pipeline(n, flags);
		break;
	case N_SIMPLE:
		status = exec_simple(n, flags);
		break;
	case N_FUNCTION:
		define_function(n->name, n->a);
		break;
	default: {
		int mark = redir_mark();
		if (apply_redirs(n->redirs, 1) < 0)
			status = 1;
		else
			status = exec_compound(n, flags);
		undo_redirs_to(mark);
	}
	}
	last_status = status;
	run_traps();
	return status;
}
