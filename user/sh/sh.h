/*
 * /bin/sh: the shell's shared declarations. The shell is a loop (main.c):
 *
 *   read a line -> lex + parse it into a tree -> expand words -> execute
 *     (input.c)     (lex.c, parse.c)             (expand.c)     (exec.c)
 *
 * docs/shell.md draws the whole journey.
 *
 * The tree (the AST) that parse.c builds for
 *
 *     if test -f x; then cat x | wc -l > n; fi &
 *
 * looks like this:
 *
 *     N_BACKGROUND
 *       a: N_IF
 *            a: N_PIPELINE (1 command)       the condition
 *                 N_SIMPLE  words: test -f x
 *            b: N_PIPELINE (2 commands)      the "then" part
 *                 N_SIMPLE  words: cat x
 *                 N_SIMPLE  words: wc -l   redirs: 1 > n
 *            c: NULL                         no "else"
 *
 * Lists: a ; b is N_SEQUENCE(a, b), a && b is N_AND, a || b is N_OR. The
 * words are kept as the user typed them, quotes and all; expand.c
 * interprets them only when the command runs (so a loop expands $i anew
 * on each turn).
 */
#ifndef SH_H
#define SH_H

#include <stddef.h>
#include <sys/types.h>

/* ---- the tree (parse.c) ---- */

struct word {
	char *text;             /* raw, as typed: quotes, $, ` and all */
	struct word *next;
};

enum redir_op { R_IN, R_OUT, R_APPEND, R_CLOBBER, R_RDWR, R_DUPIN,
		R_DUPOUT, R_HEREDOC };

struct redir {
	enum redir_op op;
	int fd;                 /* the n of n>file; the default otherwise */
	char *target;           /* raw word: file name, fd number, or body */
	int strip_tabs;         /* <<- */
	int quoted;             /* a here-document with a quoted delimiter */
	struct redir *next;
	struct redir *next_heredoc;     /* the lexer's list of bodies to read */
};

struct case_item {
	struct word *patterns;  /* a | b | c */
	struct node *body;
	struct case_item *next;
};

enum node_type {
	N_SIMPLE, N_PIPELINE, N_AND, N_OR, N_SEQUENCE, N_BACKGROUND,
	N_SUBSHELL, N_GROUP, N_IF, N_WHILE, N_UNTIL, N_FOR, N_CASE,
	N_FUNCTION,
};

struct node {
	enum node_type type;
	struct node *a, *b, *c; /* children: see the picture above */
	struct node *next;      /* the next command of a pipeline */
	struct word *words;     /* a command's words; for's list */
	struct word *assigns;   /* NAME=value before a command */
	struct redir *redirs;
	struct case_item *items;
	char *name;             /* for's variable; a function's name */
	char *text;             /* a pipeline's source text, for jobs */
	int bang;               /* ! pipeline */
	int has_in;             /* for NAME in ... (else "$@") */
	int line;               /* a simple command's line in its input ($LINENO) */
};

/* What parsing a buffer gave. */
enum parse_result { P_OK, P_INCOMPLETE, P_ERROR };

enum parse_result parse_program(const char *src, int first_line, struct node **out);
void *arena_alloc(size_t size);
char *arena_strndup(const char *s, size_t n);
struct arena_state {
	struct arena_block *blocks;
	int keep;
};
void arena_begin(struct arena_state *outer);
void arena_keep(void);
void arena_end(struct arena_state *outer);

/* ---- the lexer (lex.c) ---- */

#define MAX_ALIAS_DEPTH 16

enum token { T_WORD, T_NEWLINE, T_EOF, T_SEMI, T_AMP, T_PIPE, T_AND_IF,
	     T_OR_IF, T_DSEMI, T_LPAREN, T_RPAREN, T_REDIR, T_BAD };

struct lexer {
	const char *base;       /* the input (a new copy after an alias) */
	const char *p;          /* the next character */
	struct {                /* aliases whose values are being read */
		const char *name;
		size_t end;     /* offset of the value's end in base */
	} active[MAX_ALIAS_DEPTH];
	int nactive;
	enum token tok;
	char *word;             /* T_WORD: its raw text */
	int quoted;             /* the word had quotes or backslashes */
	enum redir_op op;       /* T_REDIR */
	int fd;                 /* T_REDIR: its n, or -1 */
	const char *start;      /* where the token began */
	struct redir *heredocs; /* waiting for their bodies at a newline */
	int incomplete;         /* the input ended inside something */
	int first_line;         /* the input's first line is line number ... */
};

void lex_next(struct lexer *lx);
int lex_line(struct lexer *lx);
const char *skip_subst(const char *p);  /* p at '$' or '`' */
const char *skip_quote(const char *p);  /* p at ' or " */

/* ---- input (input.c) and the read-eval loop (main.c) ---- */

struct input {
	int fd;                 /* read line by line, or -1 for str */
	const char *str;        /* a string: sh -c, eval, $(...) */
	int interactive;        /* prompt, and be forgiving */
	char *buf;              /* the lines of the command being read */
	size_t len;
	int line;               /* how many lines were read so far */
};

int read_line(struct input *in, char **buf, size_t *len, const char *prompt);
int run_input(struct input *in);
int run_string(const char *s);
int run_file(const char *path);
extern int current_line;        /* $LINENO: the line of the command running */
void set_line(int line);

/* ---- variables (vars.c) ---- */

const char *getvar(const char *name);
int setvar(const char *name, const char *value, int export);
int unsetvar(const char *name);
enum var_list { VARS_ALL, VARS_EXPORTED, VARS_READONLY };
void print_vars(enum var_list which);
void readonly_var(const char *name);
char **build_env(void);
void import_env(char **envp);
int valid_name(const char *s, size_t n);
int is_assignment(const char *word);
void local_var(const char *name);
void *push_locals(void);
void pop_locals(void *saved);

/* positional parameters: $0 is arg0, $1.. are args[0..] */
extern char *arg0;
extern char **args;
extern int nargs;
void set_args(char **argv, int n);

/* ---- expansion (expand.c, arith.c) ---- */

char **expand_words(struct word *w, int *argc);
void brace_expand(const char *raw, void (*add)(void *, char *), void *ctx);
char *expand_string(const char *raw);
char *expand_pattern(const char *raw);
char *expand_heredoc(const char *body);
long arith_eval(const char *expr);
char *command_output(const char *cmd);
extern int subst_status;
void free_argv(char **argv);

/* ---- execution (exec.c, redir.c) ---- */

#define EV_EXIT 1       /* the last thing this process does: exec, no fork */
#define EV_DEFAULT_PATH 2 /* command -p: look in DEFAULT_PATH, not $PATH */

#define DEFAULT_PATH "/bin:/sbin:/usr/bin"      /* when $PATH is unset */

int exec_node(struct node *n, int flags);
int run_program(struct node *n, char **argv, int flags);
void exec_external(char **argv, char **env, const char *dirs) __attribute__((noreturn));
char *find_path(const char *name, const char *dirs);
int apply_redirs(struct redir *r, int save);
void undo_redirs_to(int mark);
int redir_mark(void);

/* break, continue, return: set by the builtins, obeyed by the loops */
enum jump { J_NONE, J_BREAK, J_CONTINUE, J_RETURN };
extern enum jump pending_jump;
extern int jump_count;
extern int loop_depth, func_depth;

/* ---- job control (jobs.c) ---- */

struct proc {
	pid_t pid;
	int status;
	int state;              /* S_RUNNING, S_STOPPED, S_DONE */
};

enum { S_RUNNING, S_STOPPED, S_DONE };

struct job {
	int id;                 /* the n of %n */
	pid_t pgid;
	struct proc *procs;
	int nprocs;
	char *cmd;
	int background;
	int notified;
	int seq;                /* when last started or stopped: + and - */
	struct job *next;
};

extern int job_control;         /* interactive: groups and the terminal */
extern pid_t shell_pgid;
extern pid_t last_bg_pid;

void jobs_init(void);
struct job *job_new(const char *cmd, int nprocs);
void job_add_proc(struct job *j, int i, pid_t pid);
void child_setup(struct job *j, int foreground);
int job_wait_fg(struct job *j);
int job_run(struct job *j, int background);
int job_wait(struct job *j);
int job_state(struct job *j);
int newest_stopped_job(void);
int job_status(struct job *j);
void job_print(struct job *j, int fmt);
void jobs_notify(void);
int jobs_reap(void);
pid_t sh_fork(void);
struct job *job_find(const char *spec);
void job_continue(struct job *j, int foreground);
void job_free(struct job *j);
extern struct job *jobs;

/* ---- builtins (builtins.c) ---- */

typedef int (*builtin_fn)(int argc, char **argv);
builtin_fn find_builtin(const char *name, int *special);
struct node *find_function(const char *name);
void define_function(const char *name, struct node *body);
int call_function(struct node *body, int argc, char **argv);
int b_jobs(int argc, char **argv);      /* jobcmds.c */
int b_fg(int argc, char **argv);        /* fg and bg */
int b_wait(int argc, char **argv);
int b_kill(int argc, char **argv);
int b_trap(int argc, char **argv);      /* trap.c */
int b_getopts(int argc, char **argv);   /* getopts.c */
int b_read(int argc, char **argv);      /* read.c */
int b_umask(int argc, char **argv);     /* umask.c */
int b_times(int argc, char **argv);     /* times.c */
int b_ulimit(int argc, char **argv);    /* ulimit.c */
int b_alias(int argc, char **argv);     /* alias.c */
int b_unalias(int argc, char **argv);
const char *find_alias(const char *name);
int b_cd(int argc, char **argv);        /* cd.c */
int b_pwd(int argc, char **argv);
char *current_dir(void);

/* ---- the shell's state (main.c) ---- */

extern int last_status;         /* $? */
extern int interactive;
extern int opt_e, opt_x, opt_u, opt_f, opt_a, opt_v, opt_n, opt_pipefail;
extern int tested;              /* inside a condition: no set -e */
extern volatile int interrupted; /* ^C at the shell itself */
int set_option(char **argv);
void option_letters(char *buf);
void sh_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void sh_abort(int status) __attribute__((noreturn));
void sh_exit(int status) __attribute__((noreturn));
void *xmalloc(size_t n);
char *xstrdup(const char *s);
void run_traps(void);
extern char *exit_trap;

#endif
