/*
 * The text utilities on Sprout, before there is a shell to type them
 * at: each case runs /bin/<tool> with a pipe for its standard input and
 * another for its output (and errors), as a shell's "printf ... | tool"
 * would, and compares what comes out and the exit status. grep and sed
 * exercise libc's regular expressions; tail -f is watched following a
 * file that grows. (tests/sh/textutils_*.t hold the fuller sessions.)
 */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static char out[4096];

/* Run argv (argv[0] a name in /bin) with input on its standard input;
   its output and errors land in out. The wait status, or -1. */
static int run(const char *input, char *const argv[])
{
	int in[2], res[2], status;
	size_t got = 0;
	ssize_t n;
	pid_t pid;

	if (pipe(in) < 0 || pipe(res) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		char path[64];

		snprintf(path, sizeof(path), "/bin/%s", argv[0]);
		dup2(in[0], 0);
		dup2(res[1], 1);
		dup2(res[1], 2);
		close(in[0]), close(in[1]), close(res[0]), close(res[1]);
		execv(disk_path(path), argv);
		_exit(127);
	}
	close(in[0]);
	close(res[1]);
	write(in[1], input, strlen(input));     /* small: fits the pipe */
	close(in[1]);
	while ((n = read(res[0], out + got, sizeof(out) - 1 - got)) > 0)
		got += n;
	out[got] = '\0';
	close(res[0]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* One case: the output and exit status argv gives for input. */
static void check(const char *name, const char *input, char *const argv[],
		  const char *want, int want_status)
{
	int status = run(input, argv);

	expect(name, WIFEXITED(status) && WEXITSTATUS(status) == want_status &&
	       !strcmp(out, want), "%s, output \"%s\"", describe(status), out);
}

#define ARGV(...) ((char *const[]){ __VA_ARGS__, NULL })

static void tail_follows(void)
{
	const char *path = "/tmp/t_textutils.log";
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644), res[2];
	char buf[64];
	size_t got = 0;
	pid_t pid;

	write(fd, "first\n", 6);
	if (pipe(res) < 0 || (pid = fork()) < 0) {
		expect("tail -f prints what is added to the file", 0, "pipe/fork");
		return;
	}
	if (pid == 0) {
		dup2(res[1], 1);
		close(res[0]);
		execv(disk_path("/bin/tail"), ARGV("tail", "-f", (char *)path));
		_exit(127);
	}
	close(res[1]);
	alarm(20);              /* a generous limit, should tail never print */
	while (got < 6) {
		ssize_t n = read(res[0], buf + got, sizeof(buf) - 1 - got);

		if (n <= 0)
			break;
		got += n;
	}
	write(fd, "second\n", 7);
	while (got < 13) {
		ssize_t n = read(res[0], buf + got, sizeof(buf) - 1 - got);

		if (n <= 0)
			break;
		got += n;
	}
	alarm(0);
	buf[got] = '\0';
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	close(res[0]);
	close(fd);
	unlink(path);
	expect("tail -f prints what is added to the file",
	       !strcmp(buf, "first\nsecond\n"), "got \"%s\"", buf);
}

int main(int argc, char **argv)
{
	char sorted[64], *text = (char *)disk_path("/bin/tests/not-elf");

	check_init(argc, argv);
	check("grep: a basic expression with an interval, -n", "root:x:0\nbob:x:1000\n",
	      ARGV("grep", "-n", "x:[0-9]\\{4\\}"), "2:bob:x:1000\n", 0);
	check("grep -E: alternation and groups, -i", "Apple\nbanana\ncherry\n",
	      ARGV("grep", "-Ei", "^(a|c)[a-z]+"), "Apple\ncherry\n", 0);
	check("grep: status 1 when nothing matches", "abc\n",
	      ARGV("grep", "x"), "", 1);
	check("grep: status 2 for a missing file", "",
	      ARGV("grep", "x", "/nope"), "grep: /nope: No such file or directory\n", 2);
	check("grep -c -v", "a\nb\na\n", ARGV("grep", "-cv", "a"), "1\n", 0);
	check("grep -ow: whole words only", "cat scatter cats\n",
	      ARGV("grep", "-ow", "cats*"), "cat\ncats\n", 0);
	check("sed: s///g with a back-reference", "hello world\n",
	      ARGV("sed", "s/\\(o\\)/[\\1]/g"), "hell[o] w[o]rld\n", 0);
	check("sed -n: a range of lines, p", "1\n2\n3\n4\n",
	      ARGV("sed", "-n", "2,/3/p"), "2\n3\n", 0);
	check("sed: an unknown command is an error", "",
	      ARGV("sed", "k"), "sed: -e expression, char 1: unknown command: `k'\n", 1);
	check("wc: a pipe's columns are 7 wide", "a b\nc\n",
	      ARGV("wc"), "      2       3       6\n", 0);
	check("head -n 2", "1\n2\n3\n", ARGV("head", "-n", "2"), "1\n2\n", 0);
	check("tail -n +2", "1\n2\n3\n", ARGV("tail", "-n", "+2"), "2\n3\n", 0);
	check("sort -n -r", "10\n9\n100\n", ARGV("sort", "-nr"), "100\n10\n9\n", 0);
	check("sort, a pipeline's first half", "b\na\nb\n", ARGV("sort"), "a\nb\nb\n", 0);
	strcpy(sorted, out);
	check("uniq -c, its second half", sorted, ARGV("uniq", "-c"),
	      "      1 a\n      2 b\n", 0);
	check("cut -d: -f1,3", "root:x:0:0\n", ARGV("cut", "-d:", "-f1,3"), "root:0\n", 0);
	check("tr a-z A-Z", "shout\n", ARGV("tr", "a-z", "A-Z"), "SHOUT\n", 0);
	check("tr -d", "aabbcc\n", ARGV("tr", "-d", "b"), "aacc\n", 0);
	check("diff: status 0 for a file and itself", "",
	      ARGV("diff", text, text), "", 0);
	check("diff: a missing file is trouble, status 2", "",
	      ARGV("diff", "/nope", text),
	      "diff: /nope: No such file or directory\n", 2);
	tail_follows();
	return check_done();
}
