/*
 * <stdlib.h> beyond numbers from strings (those, qsort and the allocator
 * are checked on the host, tests/host/test_stdlib.c and test_malloc.c):
 * the environment, atexit's order, abort's wait status, mkstemp,
 * realpath, div and rand. Runs as process 1 (tests/guest_libc.py) and on
 * an x86 Linux machine too.
 */
#include "check.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define DIR "/tmp/l_stdlib.d"

static void environment(void)
{
	static char put[] = "L_PUT=one";
	char name[16];
	int ok = 1;

	expect("setenv adds a variable getenv finds",
	       setenv("L_A", "1", 0) == 0 && getenv("L_A") &&
	       strcmp(getenv("L_A"), "1") == 0, "getenv gave %s", getenv("L_A"));
	setenv("L_A", "2", 0);
	expect("setenv with overwrite 0 keeps the old value",
	       strcmp(getenv("L_A"), "1") == 0, "now %s", getenv("L_A"));
	setenv("L_A", "3", 1);
	expect("setenv with overwrite 1 replaces it",
	       strcmp(getenv("L_A"), "3") == 0, "now %s", getenv("L_A"));
	errno = 0;
	expect("setenv: a name with '=' is EINVAL",
	       setenv("L=B", "x", 1) == -1 && errno == EINVAL, "errno %d", errno);
	errno = 0;
	expect("setenv: an empty name is EINVAL",
	       setenv("", "x", 1) == -1 && errno == EINVAL, "errno %d", errno);
	expect("getenv of a prefix of a name finds nothing",
	       getenv("L_") == NULL, "found %s", getenv("L_"));
	for (int i = 0; i < 50; i++) {
		snprintf(name, sizeof(name), "L_MANY%d", i);
		ok &= setenv(name, name, 1) == 0;
	}
	for (int i = 0; i < 50; i++) {
		snprintf(name, sizeof(name), "L_MANY%d", i);
		ok &= getenv(name) && strcmp(getenv(name), name) == 0;
	}
	expect("setenv: fifty new variables all stay", ok, "one was lost");
	unsetenv("L_A");
	expect("unsetenv removes it, and the rest stay",
	       !getenv("L_A") && getenv("L_MANY49"), "L_A is %s", getenv("L_A"));
	expect("unsetenv of a missing name succeeds", unsetenv("L_NONE") == 0,
	       "errno %d", errno);
	putenv(put);
	put[6] = 'O';
	expect("putenv: the string itself is the variable",
	       getenv("L_PUT") && strcmp(getenv("L_PUT"), "One") == 0,
	       "L_PUT is %s", getenv("L_PUT"));
}

static int order_fd;
static void first(void) { write(order_fd, "1", 1); }
static void second(void) { write(order_fd, "2", 1); }
static void third(void) { write(order_fd, "3", 1); }

static void atexit_order(void)
{
	int fds[2], n = 0, got, status, all = 1;
	char buf[8] = "";
	pid_t pid;

	pipe(fds);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		order_fd = fds[1];
		atexit(first);
		atexit(second);
		atexit(third);
		exit(0);
	}
	close(fds[1]);
	while ((got = read(fds[0], buf + n, sizeof(buf) - 1 - n)) > 0)
		n += got;       /* to end of file: each handler writes once */
	close(fds[0]);
	waitpid(pid, &status, 0);
	expect("atexit: handlers run at exit, last registered first",
	       n == 3 && strcmp(buf, "321") == 0, "ran \"%s\"", buf);
	pid = fork();
	if (pid == 0) {
		for (int i = 0; i < 32; i++)
			all &= atexit(first) == 0;
		_exit(all ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	expect("atexit: 32 handlers are accepted",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s",
	       describe(status));
}

static void returns(int sig) { (void)sig; }
static void abort_plain(void) { abort(); }
static void abort_caught(void) { signal(SIGABRT, returns); abort(); }
static void abort_ignored(void) { signal(SIGABRT, SIG_IGN); abort(); }

static void aborts(void)
{
	int s1 = run_child(abort_plain), s2 = run_child(abort_caught),
	    s3 = run_child(abort_ignored);

	expect("abort: the process is killed by SIGABRT",
	       WIFSIGNALED(s1) && WTERMSIG(s1) == SIGABRT, "%s", describe(s1));
	expect("abort: still SIGABRT when a handler returns",
	       WIFSIGNALED(s2) && WTERMSIG(s2) == SIGABRT, "%s", describe(s2));
	expect("abort: still SIGABRT when it is ignored",
	       WIFSIGNALED(s3) && WTERMSIG(s3) == SIGABRT, "%s", describe(s3));
}

static void temp_files(void)
{
	char a[] = "/tmp/l_stdlib.XXXXXX", b[] = "/tmp/l_stdlib.XXXXXX";
	char five[] = "/tmp/l_stdlibXXXXX", tail[] = "/tmp/XXXXXXy";
	int fa = mkstemp(a), fb = mkstemp(b);
	struct stat st;

	expect("mkstemp: opens a new file, the X's replaced",
	       fa >= 0 && !strstr(a, "XXXXXX") && stat(a, &st) == 0 &&
	       write(fa, "x", 1) == 1, "fd %d name %s", fa, a);
	expect("mkstemp: a second call makes another name",
	       fb >= 0 && strcmp(a, b) != 0, "both %s", b);
	expect("mkstemp: the file is private (mode 0600)",
	       fa >= 0 && (st.st_mode & 0777) == 0600, "mode %o",
	       (unsigned)st.st_mode & 0777);
	errno = 0;
	expect("mkstemp: five X's is EINVAL",
	       mkstemp(five) == -1 && errno == EINVAL, "errno %d", errno);
	errno = 0;
	expect("mkstemp: X's not at the end is EINVAL",
	       mkstemp(tail) == -1 && errno == EINVAL, "errno %d", errno);
	close(fa);
	close(fb);
	unlink(a);
	unlink(b);
}

/* Is realpath(path) want? */
static int resolves(const char *path, const char *want)
{
	char buf[PATH_MAX], *got = realpath(path, buf);

	if (!got || strcmp(got, want) != 0) {
		printf("# realpath(\"%s\") gave %s\n", path, got ? got : strerror(errno));
		return 0;
	}
	return 1;
}

static void realpaths(void)
{
	char *heap;
	int fd;

	mkdir(DIR, 0755);
	fd = open(DIR "/file", O_CREAT | O_WRONLY, 0644);
	close(fd);
	chdir(DIR);
	expect("realpath: . and .. and // against the working directory",
	       resolves(".", DIR) && resolves("..//l_stdlib.d/./file", DIR "/file") &&
	       resolves("../../..", "/") && resolves("//tmp///", "/tmp"),
	       "see above");
	expect("realpath: / is /", resolves("/", "/") && resolves("/..", "/"),
	       "see above");
	errno = 0;
	expect("realpath: a missing component is ENOENT",
	       !realpath(DIR "/none/file", NULL) && errno == ENOENT,
	       "errno %d", errno);
	errno = 0;
	expect("realpath: a file used as a directory is ENOTDIR",
	       !realpath("file/x", NULL) && errno == ENOTDIR &&
	       !realpath("file/", NULL) && errno == ENOTDIR, "errno %d", errno);
	heap = realpath("file", NULL);
	expect("realpath: NULL buffer gives a malloc'd answer",
	       heap && strcmp(heap, DIR "/file") == 0, "gave %s", heap);
	free(heap);
	chdir("/");
	unlink(DIR "/file");
	rmdir(DIR);
}

static void arithmetic(void)
{
	div_t d = div(-7, 2);
	ldiv_t ld = ldiv(7L, -2L);
	lldiv_t lld = lldiv(-7LL, -2LL);
	int r[5], same = 1, in_range = 1;

	expect("div, ldiv, lldiv: quotient toward zero, remainder with it",
	       d.quot == -3 && d.rem == -1 && ld.quot == -3 && ld.rem == 1 &&
	       lld.quot == 3 && lld.rem == -1, "div(-7,2) = %d r %d", d.quot, d.rem);
	expect("abs, labs, llabs", abs(-3) == 3 && labs(-4L) == 4 &&
	       llabs(-5LL) == 5 && abs(6) == 6, "wrong");
	srand(42);
	for (int i = 0; i < 5; i++)
		r[i] = rand();
	srand(42);
	for (int i = 0; i < 5; i++) {
		same &= rand() == r[i];
		in_range &= r[i] >= 0 && r[i] <= RAND_MAX;
	}
	expect("rand: in 0..RAND_MAX, and srand repeats the sequence",
	       same && in_range && r[0] != r[1], "%d %d", r[0], r[1]);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	environment();
	atexit_order();
	aborts();
	temp_files();
	realpaths();
	arithmetic();
	return check_done();
}
