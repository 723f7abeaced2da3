/*
 * <unistd.h> beyond the system calls themselves, and the calls that run
 * other programs: the execl family and execvp's $PATH search, sysconf,
 * gethostname, ttyname, getcwd and access; dirent's scandir, rewinddir
 * and dirfd; system() and popen()/pclose(), which run /bin/sh -c.
 * Where /bin/sh is not on the disk, system and popen are checked for
 * what POSIX says then: the child exits 127, as the shell's "not found".
 * Runs as process 1 (tests/guest_libc.py) and on an x86 Linux machine.
 */
#include "check.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <limits.h>
#include <fcntl.h>
#include <errno.h>
#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/utsname.h>

/* POSIX lets <limits.h> leave out a limit sysconf() knows: glibc does for
   these two, ours defines them (the checks then compare sysconf with
   itself, in the glibc build of this test). */
#ifndef OPEN_MAX
#define OPEN_MAX sysconf(_SC_OPEN_MAX)
#endif
#ifndef ARG_MAX
#define ARG_MAX sysconf(_SC_ARG_MAX)
#endif

#define SELF "/bin/tests/l_unistd"
#define SCRIPT "/tmp/l_unistd.sh"
#define OUT "/tmp/l_unistd.out"

static int have_shell;                  /* is there a /bin/sh to run? */

/* Helper mode "--env NAME VALUE": exit 0 if the environment is exactly
   NAME=VALUE, else 1. */
static void env_helper(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--env") == 0) {
		char *v = getenv(argv[2]);

		_exit(!(v && strcmp(v, argv[3]) == 0 && environ[0] &&
			!environ[1]));
	}
}

/* Fork, run fn in the child (which should exec), give the exit status;
   a failed exec exits 100 + errno. */
static int child_status(void (*fn)(void))
{
	int status = run_child(fn);

	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void do_execl(void)
{
	execl(disk_path(SELF), "l_unistd", "--exit", "7", (char *)NULL);
	_exit(100 + errno);
}

static void do_execle(void)
{
	char *env[] = { "L_WHO=execle", NULL };

	execle(disk_path(SELF), "l_unistd", "--env", "L_WHO", "execle",
	       (char *)NULL, env);
	_exit(100 + errno);
}

static void do_execlp(void)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "/nowhere:/bin/nothing:%s",
		 disk_path("/bin/tests"));
	setenv("PATH", path, 1);
	execlp("l_unistd", "l_unistd", "--exit", "8", (char *)NULL);
	_exit(100 + errno);
}

/* An empty entry in $PATH is the current directory. */
static void do_execvp_empty(void)
{
	char *argv[] = { "l_unistd", "--exit", "9", NULL };

	setenv("PATH", "/nowhere:", 1);
	chdir(disk_path("/bin/tests"));
	execvp("l_unistd", argv);
	_exit(100 + errno);
}

/* A file that is no program and starts with no #!: execvp has
   /bin/sh run it as a script, with the arguments after argv[0]. */
static void do_execvp_script(void)
{
	char *argv[] = { "l_unistd.sh", "5", NULL };

	execvp(SCRIPT, argv);
	_exit(100 + errno);
}

/* execvp's errno with $PATH set to path_var, where "T" stands for the
   folder of the tests. */
static int execvp_errno(const char *path_var, const char *file)
{
	char *argv[] = { (char *)file, NULL }, path[PATH_MAX] = "";

	for (const char *p = path_var; *p; p++)
		strcat(path, *p == 'T' ? disk_path("/bin/tests") :
		       (char[]){ *p, 0 });
	setenv("PATH", path, 1);
	errno = 0;
	return execvp(file, argv) < 0 ? errno : 0;
}

static void exec_family(void)
{
	int fd;

	expect("execl: the list becomes argv", child_status(do_execl) == 7,
	       "exit %d", child_status(do_execl));
	expect("execle: the environment after the NULL is the new one",
	       child_status(do_execle) == 0, "exit %d", child_status(do_execle));
	expect("execlp: searched along $PATH past missing folders",
	       child_status(do_execlp) == 8, "exit %d", child_status(do_execlp));
	expect("execvp: an empty $PATH entry is the current folder",
	       child_status(do_execvp_empty) == 9, "exit %d",
	       child_status(do_execvp_empty));
	expect("execvp: a file found but not executable is EACCES",
	       execvp_errno("/nowhere:T", "no-x") == EACCES,
	       "errno %d", execvp_errno("/nowhere:T", "no-x"));
	expect("execvp: EACCES is kept even if a later folder lacks the name",
	       execvp_errno("T:/nowhere", "no-x") == EACCES,
	       "errno %d", execvp_errno("T:/nowhere", "no-x"));
	expect("execvp: a name in no folder is ENOENT",
	       execvp_errno("/bin:T", "l_no_such") == ENOENT,
	       "errno %d", execvp_errno("/bin:T", "l_no_such"));
	expect("execvp: the empty name is ENOENT",
	       execvp_errno("/bin", "") == ENOENT, "errno %d",
	       execvp_errno("/bin", ""));
	fd = open(SCRIPT, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	write(fd, "exit $1\n", 8);
	close(fd);
	if (have_shell)
		expect("execvp: a file with no #! is run by /bin/sh, with its args",
		       child_status(do_execvp_script) == 5, "exit %d",
		       child_status(do_execvp_script));
	else
		expect("execvp: a file with no #! and no /bin/sh: ENOEXEC",
		       execvp_errno("", SCRIPT) == ENOEXEC, "errno %d",
		       execvp_errno("", SCRIPT));
	unlink(SCRIPT);
}

/* The lowest descriptor dup() cannot make: how many a process may have. */
static int count_fds(void)
{
	int fds[256], n = 0, max;

	while (n < 256 && (fds[n] = dup(0)) >= 0)
		n++;
	max = n ? fds[n - 1] + 1 : 0;
	while (n > 0)
		close(fds[--n]);
	return max;
}

static void sysconf_cases(void)
{
	long phys = sysconf(_SC_PHYS_PAGES), avail = sysconf(_SC_AVPHYS_PAGES);
	int fds = count_fds();

	expect("sysconf(_SC_CLK_TCK) is 100", sysconf(_SC_CLK_TCK) == 100,
	       "%ld", sysconf(_SC_CLK_TCK));
	expect("sysconf(_SC_PAGESIZE) is 4096, as getpagesize()",
	       sysconf(_SC_PAGESIZE) == 4096 && getpagesize() == 4096, "%ld",
	       sysconf(_SC_PAGESIZE));
	if (on_sprout())
		expect("sysconf(_SC_OPEN_MAX) is the descriptors one can open",
		       sysconf(_SC_OPEN_MAX) == fds && fds == OPEN_MAX,
		       "sysconf %ld, opened up to %d",
		       sysconf(_SC_OPEN_MAX), fds);
	else
		skip("sysconf(_SC_OPEN_MAX) is the descriptors one can open",
		     "Linux's limit is its rlimit");
	expect("sysconf(_SC_ARG_MAX) is ARG_MAX, at least POSIX's 4096",
	       sysconf(_SC_ARG_MAX) == ARG_MAX && ARG_MAX >= 4096, "%ld",
	       sysconf(_SC_ARG_MAX));
	expect("sysconf: physical pages, fewer of them free",
	       phys > 0 && avail > 0 && avail <= phys, "%ld, %ld", phys, avail);
	errno = 0;
	expect("sysconf: an unknown name is -1 and EINVAL",
	       sysconf(-5) == -1 && errno == EINVAL, "errno %d", errno);
}

static void names(void)
{
	struct utsname u;
	char host[HOST_NAME_MAX + 1], small[2], cwd[PATH_MAX], *tty;
	int p[2], err;

	uname(&u);
	expect("gethostname is uname's nodename",
	       gethostname(host, sizeof(host)) == 0 &&
	       strcmp(host, u.nodename) == 0, "\"%s\"", host);
	errno = 0;
	expect("gethostname: too small a buffer is ENAMETOOLONG",
	       gethostname(small, sizeof(small)) < 0 && errno == ENAMETOOLONG,
	       "errno %d", errno);
	if (isatty(1) && on_sprout()) {
		tty = ttyname(1);
		expect("ttyname(1) is /dev/console, found by its device number",
		       tty && strcmp(tty, "/dev/console") == 0, "%s",
		       tty ? tty : strerror(errno));
		expect("ttyname_r: too small a buffer is ERANGE",
		       ttyname_r(1, small, sizeof(small)) == ERANGE, "not ERANGE");
	} else {
		skip("ttyname(1) is /dev/console, found by its device number",
		     "stdout is not Sprout's console");
	}
	pipe(p);
	errno = 0;
	tty = ttyname(p[0]);
	err = errno;
	close(p[0]);
	close(p[1]);
	expect("ttyname of a pipe: NULL, ENOTTY", !tty && err == ENOTTY,
	       "errno %d", err);
	expect("ttyname_r of a closed descriptor: EBADF",
	       ttyname_r(p[0], cwd, sizeof(cwd)) == EBADF, "not EBADF");
	chdir("/tmp");
	expect("getcwd after chdir(\"/tmp\")",
	       getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/tmp") == 0, "%s", cwd);
	errno = 0;
	expect("getcwd: too small a buffer is ERANGE, NULL",
	       !getcwd(small, sizeof(small)) && errno == ERANGE, "errno %d",
	       errno);
	expect("access: F_OK on a file, X_OK refused on mode 644",
	       access(disk_path("/bin/tests/no-x"), F_OK) == 0 &&
	       access(disk_path("/bin/tests/no-x"), X_OK) < 0 && errno == EACCES,
	       "errno %d", errno);
	expect("access: a missing file is ENOENT",
	       access("/tmp/l_none", F_OK) < 0 && errno == ENOENT, "errno %d",
	       errno);
	expect("sleep(0) and usleep(1000) return 0", sleep(0) == 0 &&
	       usleep(1000) == 0, "no");
}

static int name_is(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

static void directories(void)
{
	struct dirent **list;
	int n = scandir(disk_path("/dev"), &list, name_is, alphasort), sorted = 1;
	int console = 0, first = 0, again = 0;
	struct stat st;
	DIR *d;

	for (int i = 0; i < n; i++) {
		if (i && strcmp(list[i - 1]->d_name, list[i]->d_name) >= 0)
			sorted = 0;
		console |= strcmp(list[i]->d_name, "console") == 0;
		free(list[i]);
	}
	if (n >= 0)
		free(list);
	expect("scandir: /dev's entries the filter keeps, sorted by alphasort",
	       n >= 3 && sorted && console, "n %d sorted %d", n, sorted);
	expect("scandir: a missing folder is -1, ENOENT",
	       scandir("/l_none", &list, NULL, NULL) < 0 && errno == ENOENT,
	       "errno %d", errno);
	d = opendir("/");
	while (readdir(d))
		first++;
	rewinddir(d);
	while (readdir(d))
		again++;
	expect("rewinddir: the entries read again, all of them",
	       first > 2 && first == again, "%d then %d", first, again);
	expect("dirfd: the folder's descriptor",
	       fstat(dirfd(d), &st) == 0 && S_ISDIR(st.st_mode), "not a folder");
	closedir(d);
}

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* A SIGCHLD handler that reaps whatever has ended: system() must still
   see its own child's status. */
static void reap_all(int sig)
{
	(void)sig;
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

static void system_cases(void)
{
	char line[64];
	int status;

	expect("system(NULL): whether there is a shell",
	       (system(NULL) != 0) == have_shell, "%d", system(NULL));
	install_handler(SIGCHLD, reap_all, 0);
	status = system("exit 3");
	if (have_shell)
		expect("system: the command's wait status, with a SIGCHLD "
		       "handler that reaps", WIFEXITED(status) &&
		       WEXITSTATUS(status) == 3, "%s", describe(status));
	else
		expect("system with no /bin/sh: the child exits 127",
		       WIFEXITED(status) && WEXITSTATUS(status) == 127, "%s",
		       describe(status));
	signal(SIGCHLD, SIG_DFL);
	if (!have_shell) {
		skip("system: SIGINT is ignored while the command runs",
		     "no /bin/sh on this disk");
		return;
	}
	install_handler(SIGINT, on_sigint, 0);
	snprintf(line, sizeof(line), "kill -INT %d; exit 4", (int)getpid());
	status = system(line);
	expect("system: SIGINT is ignored while the command runs",
	       WIFEXITED(status) && WEXITSTATUS(status) == 4 && !interrupted,
	       "%s, handler ran: %d", describe(status), interrupted);
	raise(SIGINT);
	expect("system: the SIGINT handler is back afterwards", interrupted,
	       "not called");
	signal(SIGINT, SIG_DFL);
}

static void popen_cases(void)
{
	char line[64] = "";
	FILE *f, *a, *b;
	int status, fd, n;

	errno = 0;
	expect("popen: a mode other than r or w is EINVAL",
	       !popen("true", "rw") && errno == EINVAL, "errno %d", errno);
	f = fopen("/tmp/l_unistd.f", "w");
	errno = 0;
#ifdef __GLIBC__
	/* POSIX leaves it undefined; glibc's pclose closes any FILE. */
	skip("pclose of a FILE popen did not make: -1",
	     "glibc's pclose closes any FILE");
#else
	expect("pclose of a FILE popen did not make: -1",
	       pclose(f) == -1, "errno %d", errno);
#endif
	fclose(f);
	unlink("/tmp/l_unistd.f");
	if (!have_shell) {
		f = popen("echo hi", "r");
		status = f ? (fgetc(f) == EOF ? pclose(f) : -2) : -3;
		expect("popen with no /bin/sh: end of file, pclose gives exit 127",
		       WIFEXITED(status) && WEXITSTATUS(status) == 127, "%s",
		       describe(status));
		skip("popen \"r\": the command's output, pclose its status",
		     "no /bin/sh on this disk");
		return;
	}
	f = popen("echo hello; exit 2", "r");
	fgets(line, sizeof(line), f);
	status = pclose(f);
	expect("popen \"r\": the command's output, pclose its status",
	       strcmp(line, "hello\n") == 0 && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 2, "\"%s\" %s", line, describe(status));
	/* Two writers at once: the second command must not hold the
	   first's pipe open, or the first would never see end of file and
	   pclose(a) would wait for ever. */
	a = popen("cat > " OUT, "w");
	b = popen("cat > /dev/null", "w");
	fputs("to cat\n", a);
	status = pclose(a);
	pclose(b);
	fd = open(OUT, O_RDONLY);
	n = read(fd, line, sizeof(line) - 1);
	close(fd);
	line[n > 0 ? n : 0] = 0;
	expect("popen \"w\": the command reads what was written, "
	       "to end of file", strcmp(line, "to cat\n") == 0 &&
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "\"%s\" %s",
	       line, describe(status));
	unlink(OUT);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	env_helper(argc, argv);
	have_shell = access("/bin/sh", X_OK) == 0;      /* as system() runs it */
	exec_family();
	sysconf_cases();
	names();
	directories();
	system_cases();
	popen_cases();
	return check_done();
}
