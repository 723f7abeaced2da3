/*
 * Builtins: commands the shell runs itself, without fork.
 *
 * Some must be builtins because they change the shell: cd (its current
 * folder), exit, export and set (its variables), exec, ., eval. Others
 * are builtins only to save a fork (echo, test, printf, true).
 *
 * The "special" ones (POSIX's word) keep the assignments written
 * before them: "IFS=, export IFS" sets IFS for good, while
 * "IFS=, read a b" sets it for the read alone.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "sh.h"
#include "cmds.h"

/* The number in argv[1], or dflt; -1 (with a message) if it is not one. */
static int number_arg(char **argv, int dflt)
{
	char *end;
	long n;

	if (!argv[1])
		return dflt;
	n = strtol(argv[1], &end, 10);
	if (!*argv[1] || *end || n < 0) {
		sh_error("%s: %s: numeric argument required", argv[0], argv[1]);
		return -1;
	}
	return n;
}

static int b_true(int argc, char **argv)
{
	(void)argc, (void)argv;
	return 0;
}

static int b_false(int argc, char **argv)
{
	(void)argc, (void)argv;
	return 1;
}

/* exit. Leaving would orphan a stopped job's process group, and the
   kernel would then hang it up (SIGHUP, SIGCONT): as bash, an interactive
   shell warns once instead, and a second exit leaves. */
static int b_exit(int argc, char **argv)
{
	static int warned;      /* the stopped job it last warned about */
	int stopped = job_control ? newest_stopped_job() : 0;
	int n = number_arg(argv, last_status);

	(void)argc;
	if (stopped && stopped != warned) {
		warned = stopped;
		fputs("There are stopped jobs.\n", stderr);
		return 1;
	}
	sh_exit(n < 0 ? 2 : n & 255);
}

/* export, readonly and local NAME[=value] ...; export -p, readonly -p */
static int b_export(int argc, char **argv)
{
	int is_local = !strcmp(argv[0], "local");
	int is_readonly = !strcmp(argv[0], "readonly");
	int status = 0;

	if (argc == 1 || (argc == 2 && !strcmp(argv[1], "-p"))) {
		print_vars(is_readonly ? VARS_READONLY : VARS_EXPORTED);
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		size_t n = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
		char *name = xstrdup(argv[i]);

		name[n] = 0;
		if (!valid_name(name, n)) {
			sh_error("%s: `%s': not a valid identifier", argv[0], argv[i]);
			status = 1;
		} else {
			if (is_local)
				local_var(name);
			if (setvar(name, eq ? eq + 1 : NULL, !is_local && !is_readonly) < 0)
				status = 1;
			else if (is_readonly)
				readonly_var(name);
		}
		free(name);
	}
	return status;
}

static int b_local(int argc, char **argv)
{
	if (!func_depth) {
		sh_error("local: not in a function");
		return 1;
	}
	return b_export(argc, argv);
}

static int b_unset(int argc, char **argv)
{
	int functions = argc > 1 && !strcmp(argv[1], "-f");

	int status = 0;

	for (int i = 1 + (argc > 1 && argv[1][0] == '-'); i < argc; i++)
		if (functions)
			define_function(argv[i], NULL);
		else if (unsetvar(argv[i]) < 0)
			status = 1;
	return status;
}

static int b_set(int argc, char **argv)
{
	int i = 1;

	if (argc == 1) {
		print_vars(VARS_ALL);
		return 0;
	}
	while (i < argc) {
		int r = set_option(argv + i);
		if (r < 0) {
			sh_error("set: %s: invalid option", argv[i]);
			return 2;
		}
		if (r == 0)
			break;
		i += r;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	else if (i == argc)
		return 0;                       /* options alone */
	set_args(argv + i, argc - i);
	return 0;
}

static int b_shift(int argc, char **argv)
{
	int n = number_arg(argv, 1);

	(void)argc;
	if (n < 0 || n > nargs) {
		if (n > nargs)
			sh_error("shift: can't shift that many");
		return 1;
	}
	set_args(args + n, nargs - n);
	return 0;
}

/* break [n], continue [n], return [n]: set the jump the loops obey. */
static int b_jump(int argc, char **argv)
{
	int n = number_arg(argv, argv[0][0] == 'r' ? last_status : 1);

	(void)argc;
	if (n < 0)
		return 1;
	if (argv[0][0] == 'r') {
		pending_jump = J_RETURN;
		jump_count = n & 255;
		return n & 255;
	}
	if (n == 0 || !loop_depth)
		return 0;
	pending_jump = argv[0][0] == 'b' ? J_BREAK : J_CONTINUE;
	jump_count = n < loop_depth ? n : loop_depth;
	return 0;
}

static int b_eval(int argc, char **argv)
{
	size_t len = 1;

	for (int i = 1; i < argc; i++)
		len += strlen(argv[i]) + 1;
	char *s = xmalloc(len);
	s[0] = 0;
	for (int i = 1; i < argc; i++) {
		strcat(s, argv[i]);
		if (i + 1 < argc)
			strcat(s, " ");
	}
	int status = run_string(s);
	free(s);
	return status;
}

static int b_dot(int argc, char **argv)
{
	if (argc < 2) {
		sh_error("%s: filename argument required", argv[0]);
		return 2;
	}
	char *path = strchr(argv[1], '/') ? NULL : find_path(argv[1], NULL);
	int status = run_file(path ? path : argv[1]);
	if (status < 0) {
		sh_error("%s: %s: %s", argv[0], argv[1], strerror(errno));
		status = 1;
		if (!interactive)
			sh_exit(status);
	}
	free(path);
	return status;
}

/* exec cmd: become cmd, no fork. exec alone: the redirections stay. */
static int b_exec(int argc, char **argv)
{
	if (argc == 1)          /* exec_simple kept its redirections */
		return 0;
	fflush(stdout);
	exec_external(argv + 1, build_env(), NULL);
}

/* What name is (type, command -v and -V), found as the shell would
   look for it (programs in dirs, see find_path): 0, or 1 if nothing. */
static int describe(const char *name, int verbose, const char *dirs)
{
	int special;
	const char *alias;
	char *path;

	static const char *keywords[] = { "if", "then", "else", "elif", "fi",
		"while", "until", "for", "in", "do", "done", "case", "esac",
		"{", "}", "!", NULL };

	if ((alias = find_alias(name))) {
		if (verbose)
			printf("%s is aliased to `%s'\n", name, alias);
		else
			printf("alias %s='%s'\n", name, alias);
		return 0;
	}
	for (int i = 0; keywords[i]; i++)
		if (!strcmp(name, keywords[i])) {
			printf(verbose ? "%s is a shell keyword\n" : "%s\n", name);
			return 0;
		}
	if (find_function(name)) {
		printf(verbose ? "%s is a function\n" : "%s\n", name);
	} else if (find_builtin(name, &special)) {
		printf(verbose ? "%s is a shell builtin\n" : "%s\n", name);
	} else if ((path = strchr(name, '/') ? xstrdup(name) : find_path(name, dirs))) {
		if (verbose)
			printf("%s is %s\n", name, path);
		else
			printf("%s\n", path);
		free(path);
	} else {
		if (verbose)
			sh_error("%s: not found", name);
		return 1;
	}
	return 0;
}

static int b_type(int argc, char **argv)
{
	int status = 0;

	for (int i = 1; i < argc; i++)
		status |= describe(argv[i], 1, NULL);
	return status;
}

/*
 * command [-p] name args: name run as a builtin or a program, never as
 * a function (so a function named ls can call the real ls). -p looks
 * for programs in DEFAULT_PATH instead of $PATH.
 * command [-p] -v name / -V name: what name is, briefly or in words.
 */
static int b_command(int argc, char **argv)
{
	int default_path = 0, what = 0, special;

	for (; argc > 1 && argv[1][0] == '-' && argv[1][1]; argc--, argv++) {
		if (!strcmp(argv[1], "--")) {
			argc--, argv++;
			break;
		}
		for (const char *o = argv[1] + 1; *o; o++) {
			if (*o == 'p')
				default_path = 1;
			else if (*o == 'v' || *o == 'V')
				what = *o;
			else {
				sh_error("command: -%c: invalid option", *o);
				return 2;
			}
		}
	}
	const char *dirs = default_path ? DEFAULT_PATH : NULL;
	if (what) {
		int status = 0;
		for (int i = 1; i < argc; i++)
			status |= describe(argv[i], what == 'V', dirs);
		return status;
	}
	if (argc < 2)
		return 0;
	builtin_fn fn = find_builtin(argv[1], &special);
	if (fn)
		return fn(argc - 1, argv + 1);
	return run_program(NULL, argv + 1, default_path ? EV_DEFAULT_PATH : 0);
}

static int b_echo(int argc, char **argv)
{
	return echo_main(argc, argv);
}

static int b_printf(int argc, char **argv)
{
	return printf_main(argc, argv);
}

static int b_test(int argc, char **argv)
{
	return test_main(argc, argv);
}

static const struct builtin {
	const char *name;
	builtin_fn fn;
	int special;
} builtins[] = {
	{ ":", b_true, 1 }, { ".", b_dot, 1 }, { "[", b_test, 0 },
	{ "alias", b_alias, 0 },
	{ "bg", b_fg, 0 }, { "break", b_jump, 1 }, { "cd", b_cd, 0 },
	{ "command", b_command, 0 }, { "continue", b_jump, 1 },
	{ "echo", b_echo, 0 }, { "eval", b_eval, 1 }, { "exec", b_exec, 1 },
	{ "exit", b_exit, 1 }, { "export", b_export, 1 },
	{ "false", b_false, 0 }, { "fg", b_fg, 0 },
	{ "getopts", b_getopts, 0 }, { "jobs", b_jobs, 0 },
	{ "kill", b_kill, 0 }, { "local", b_local, 0 },
	{ "printf", b_printf, 0 }, { "pwd", b_pwd, 0 },
	{ "read", b_read, 0 }, { "readonly", b_export, 1 },
	{ "return", b_jump, 1 },
	{ "set", b_set, 1 }, { "shift", b_shift, 1 },
	{ "source", b_dot, 1 }, { "test", b_test, 0 },
	{ "times", b_times, 1 },
	{ "trap", b_trap, 1 }, { "true", b_true, 0 },
	{ "type", b_type, 0 }, { "ulimit", b_ulimit, 0 },
	{ "umask", b_umask, 0 }, { "unalias", b_unalias, 0 }, { "unset", b_unset, 1 },
	{ "wait", b_wait, 0 },
};

builtin_fn find_builtin(const char *name, int *special)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (!strcmp(builtins[i].name, name)) {
			*special = builtins[i].special;
			return builtins[i].fn;
		}
	return NULL;
}

/* ---- functions ---- */

struct function {
	char *name;
	struct node *body;
	struct function *next;
};

static struct function *functions;

struct node *find_function(const char *name)
{
	for (struct function *f = functions; f; f = f->next)
		if (!strcmp(f->name, name))
			return f->body;
	return NULL;
}

/* name() body; a NULL body removes the function (unset -f). */
void define_function(const char *name, struct node *body)
{
	struct function **p = &functions;

	for (; *p; p = &(*p)->next)
		if (!strcmp((*p)->name, name))
			break;
	if (!*p && body) {
		*p = xmalloc(sizeof(**p));
		(*p)->name = xstrdup(name);
		(*p)->next = NULL;
	} else if (*p && !body) {
		struct function *f = *p;
		*p = f->next;
		free(f->name);
		free(f);
		return;
	}
	if (*p)
		(*p)->body = body;
}

/* A call: $1.. are the arguments while it runs; return ends it. */
int call_function(struct node *body, int argc, char **argv)
{
	char **outer_args = args;
	int outer_n = nargs, status;
	void *outer_locals = push_locals();

	args = NULL;
	set_args(argv + 1, argc - 1);
	func_depth++;
	status = exec_node(body, 0);
	if (pending_jump == J_RETURN) {
		status = jump_count;
		pending_jump = J_NONE;
	}
	func_depth--;
	pop_locals(outer_locals);
	free_argv(args);
	args = outer_args;
	nargs = outer_n;
	return status;
}
