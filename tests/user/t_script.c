/*
 * #! scripts: execve of a file whose first line is "#!interp [arg]" runs
 * interp with argv = interp, [arg], the script's path as given, argv[1...]
 * (see kernel/proc/binfmt_script.c). The scripts are written to /tmp at
 * test time; their interpreter is this program itself, which, run with
 * T_SCRIPT_SHOW in its environment, prints its argv as "[a][b]..." and
 * exits, so no shell is needed.
 */
#include "check.h"
#include <stdbool.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define SELF "/bin/tests/t_script"
#define DIR "/tmp/t_script"

static char *show_env[] = { "T_SCRIPT_SHOW=1", NULL };

/* T_SCRIPT_SHOW=1: every argument; =argc: only how many (for argvs too
   big to print). */
static void show_args(int argc, char **argv, const char *how)
{
	if (strcmp(how, "argc") == 0)
		printf("argc %d", argc);
	for (int i = 0; strcmp(how, "argc") && i < argc; i++)
		printf("[%s]", argv[i]);
	printf("\n");
	exit(0);
}

static void write_file(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		printf("FAIL setup -- %s: %s\n", path, strerror(errno));
	close(fd);
	chmod(path, mode);
}

/* A script at DIR/name whose first line is "#!" line. */
static void script(const char *name, const char *line, mode_t mode)
{
	char path[128], text[512];

	snprintf(path, sizeof(path), DIR "/%s", name);
	snprintf(text, sizeof(text), "#!%s\nnot read by the interpreter\n",
		 line);
	write_file(path, text, mode);
}

/*
 * execve(path, argv) in a child with stdout into a pipe: what the child
 * printed (the interpreter's argv), or "errno NAME" when the exec failed.
 */
static const char *run(const char *path, char *const argv[])
{
	static char out[1024];
	int fds[2], status;
	ssize_t n, got = 0;
	pid_t pid;

	if (pipe(fds) < 0)
		return "pipe failed";
	pid = fork();
	if (pid == 0) {
		dup2(fds[1], 1);
		close(fds[0]);
		execve(path, argv, show_env);
		printf("errno %d", errno);
		fflush(stdout);
		_exit(0);
	}
	close(fds[1]);
	while ((n = read(fds[0], out + got, sizeof(out) - 1 - got)) > 0)
		got += n;
	out[got] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	if (got && out[got - 1] == '\n')
		out[got - 1] = '\0';
	return out;
}

static void expect_output(const char *name, const char *path,
			  char *const argv[], const char *want)
{
	const char *got = run(path, argv);

	expect(name, strcmp(got, want) == 0, "got \"%s\", want \"%s\"", got,
	       want);
}

static void expect_errno(const char *name, const char *path, int err)
{
	char want[32];
	char *argv[] = { "x", NULL };

	snprintf(want, sizeof(want), "errno %d", err);
	expect_output(name, path, argv, want);
}

static const char *self;        /* SELF on this machine */

static void argv_rewritten(void)
{
	char line[256], want[512];
	char *argv[] = { "dropped", "A", "B c", NULL };

	snprintf(line, sizeof(line), "%s  one  arg \t", self);
	script("arg", line, 0755);
	snprintf(want, sizeof(want), "[%s][one  arg][" DIR "/arg][A][B c]",
		 self);
	expect_output("#! runs interp with its one argument (inner blanks "
		      "kept, trailing ones trimmed), the path, argv[1...]",
		      DIR "/arg", argv, want);

	script("noarg", self, 0755);
	snprintf(want, sizeof(want), "[%s][" DIR "/noarg][A][B c]", self);
	expect_output("#! without an argument: interp, the path, argv[1...]",
		      DIR "/noarg", argv, want);

	snprintf(line, sizeof(line), " \t%s", self);
	script("blanks", line, 0755);
	snprintf(want, sizeof(want), "[%s][" DIR "/blanks][A][B c]", self);
	expect_output("blanks between #! and the interpreter are skipped",
		      DIR "/blanks", argv, want);
}

static void path_as_given(void)
{
	char want[256];
	char *argv[] = { "dropped", NULL };
	char *none[] = { NULL };

	if (chdir(DIR) < 0) {
		expect("the script's path is passed as given", 0, "chdir: %s",
		       strerror(errno));
		return;
	}
	snprintf(want, sizeof(want), "[%s][./noarg]", self);
	expect_output("the script's path is passed as given (./noarg)",
		      "./noarg", argv, want);
	snprintf(want, sizeof(want), "[%s][noarg]", self);
	expect_output("an empty argv gives interp and the path", "noarg", none,
		      want);
	chdir("/");
}

/* s0 is run by this program; s1 by s0, ...: Linux follows a chain of 5
   scripts and refuses the 6th with ELOOP. */
static void nesting(void)
{
	char name[16], line[64], want[512];
	char *argv[] = { "dropped", "A", NULL };
	size_t len;

	script("s0", self, 0755);
	for (int i = 1; i <= 5; i++) {
		snprintf(name, sizeof(name), "s%d", i);
		snprintf(line, sizeof(line), DIR "/s%d x%d", i - 1, i);
		script(name, line, 0755);
	}
	len = snprintf(want, sizeof(want), "[%s][" DIR "/s0]", self);
	for (int i = 1; i <= 4; i++)
		len += snprintf(want + len, sizeof(want) - len,
				"[x%d][" DIR "/s%d]", i, i);
	snprintf(want + len, sizeof(want) - len, "[A]");
	expect_output("a chain of 5 scripts runs, each one's path handed on",
		      DIR "/s4", argv, want);
	expect_errno("a chain of 6 scripts is ELOOP", DIR "/s5", ELOOP);
}

/* Scripts exec must refuse: DIR/name, starting "#!line" (NULL: SELF). */
static const struct {
	const char *what, *name, *line;
	mode_t mode;
	int err;
} bad_scripts[] = {
	{ "\"#!\" with no interpreter is ENOEXEC", "empty", "", 0755, ENOEXEC },
	{ "\"#!\" and only blanks is ENOEXEC", "blank", "  \t ", 0755, ENOEXEC },
	{ "a script without x permission is EACCES", "nox", NULL, 0644, EACCES },
	{ "a missing interpreter is ENOENT", "missing", "/no/such/interpreter -x",
	  0755, ENOENT },
	{ "a directory as interpreter is EACCES", "dirint", "/tmp", 0755, EACCES },
};

static void refused(void)
{
	char line[300], path[128];

	write_file(DIR "/text", "echo hello\n", 0755);
	expect_errno("a file neither ELF nor #! is ENOEXEC", DIR "/text",
		     ENOEXEC);
	for (size_t i = 0; i < sizeof(bad_scripts) / sizeof(bad_scripts[0]); i++) {
		script(bad_scripts[i].name,
		       bad_scripts[i].line ? bad_scripts[i].line : self,
		       bad_scripts[i].mode);
		snprintf(path, sizeof(path), DIR "/%s", bad_scripts[i].name);
		expect_errno(bad_scripts[i].what, path, bad_scripts[i].err);
	}
	write_file(DIR "/noxint", "#!" DIR "/text\n", 0755);
	chmod(DIR "/text", 0644);
	expect_errno("an interpreter without x permission is EACCES",
		     DIR "/noxint", EACCES);
	/* 300 bytes of name, no blank: cut by the first-line buffer. */
	memset(line, 'a', sizeof(line) - 1);
	line[0] = '/';
	line[sizeof(line) - 1] = '\0';
	script("longname", line, 0755);
	expect_errno("an interpreter's name longer than the line buffer is "
		     "ENOEXEC", DIR "/longname", ENOEXEC);
}

/* The argument is what fits in the first-line buffer (Sprout's is 128
   bytes, as Linux's was; Linux's is 256 since 5.1). */
static void long_argument(void)
{
	char line[400], *got, *arg;
	char *argv[] = { "dropped", NULL };
	int prefix;

	prefix = snprintf(line, sizeof(line), "%s ", self);
	memset(line + prefix, 'x', 300);
	line[prefix + 300] = '\0';
	script("longarg", line, 0755);
	got = (char *)run(DIR "/longarg", argv);
	arg = strstr(got, "][x");
	size_t n = arg ? strspn(arg + 2, "x") : 0;
	size_t want = 127 - 2 - prefix;     /* "#!" + prefix, then x's */
	if (on_sprout())
		expect("a long line is cut: the argument is what fits in "
		       "127 bytes", n == want,
		       "%zu x's, want %zu (%s)", n, want, got);
	else
		expect("a long line is cut: the argument is what fits",
		       n > 0 && n < 300, "%zu x's (%s)", n, got);
}

/* argv = "x", then filler strings of 4000 bytes (Sprout's limit for one
   is 4 KiB) adding up to `bytes` in all. */
static char **big_argv(size_t bytes)
{
	static char chunk[4001];
	static char *argv[64];
	size_t n = 0;

	memset(chunk, 'y', 4000);
	argv[n++] = "x";
	for (; bytes > 0 && n < 62; n++) {
		size_t len = bytes < 4000 ? bytes : 4000;
		argv[n] = chunk + 4000 - len;
		bytes -= len;
	}
	argv[n] = NULL;
	return argv;
}

static bool runs(const char *path, size_t bytes)
{
	return strncmp(run(path, big_argv(bytes)), "argc", 4) == 0;
}

/* Find the most argument bytes this program can be exec'd with, then
   run a script with as many: its interpreter and path no longer fit,
   which must be E2BIG, not a program with a cut argv. */
static void too_big(void)
{
	size_t lo = 0, hi = 200000;

	if (!on_sprout()) {
		skip("a script whose new argv does not fit is E2BIG",
		     "Linux's limit is the stack size");
		return;
	}
	show_env[0] = "T_SCRIPT_SHOW=argc";
	while (hi - lo > 1) {           /* runs(lo), !runs(hi) */
		size_t mid = (lo + hi) / 2;
		if (runs(self, mid))
			lo = mid;
		else
			hi = mid;
	}
	expect("a script whose new argv does not fit is E2BIG",
	       lo > 100000 && strcmp(run(DIR "/noarg", big_argv(lo)),
				     "errno 7") == 0,
	       "the program took %zu bytes; the script: %s", lo,
	       run(DIR "/noarg", big_argv(lo)));
	expect("with 64 bytes less, it runs",
	       runs(DIR "/noarg", lo - 64), "%s",
	       run(DIR "/noarg", big_argv(lo - 64)));
	show_env[0] = "T_SCRIPT_SHOW=1";
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	if (getenv("T_SCRIPT_SHOW"))
		show_args(argc, argv, getenv("T_SCRIPT_SHOW"));
	self = disk_path(SELF);
	mkdir("/tmp", 0777);
	mkdir(DIR, 0755);
	argv_rewritten();
	path_as_given();
	nesting();
	refused();
	long_argument();
	too_big();
	return check_done();
}
