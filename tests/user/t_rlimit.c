/*
 * Resource limits: getrlimit, setrlimit, the old getrlimit (76), prlimit,
 * each enforced limit (NOFILE, NPROC, DATA, AS, STACK, CPU, FSIZE), their
 * inheritance across fork and exec, and /proc/PID/limits. Every case that
 * lowers a limit runs in a child, so the next case starts fresh.
 * On Linux, root may raise hard limits and is not held by RLIMIT_NPROC:
 * those cases are Sprout's only (docs/limits.md says why).
 */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define SYS_old_getrlimit 76
#define SELF "/bin/tests/t_rlimit"
#define BAD_PTR ((void *)0xc0000000)

static int set_limit(int resource, rlim_t cur, rlim_t max)
{
	struct rlimit r = { cur, max };

	return setrlimit(resource, &r);
}

static struct rlimit get_limit(int resource)
{
	struct rlimit r = { 0, 0 };

	getrlimit(resource, &r);
	return r;
}

/* Run fn in a child; true if it exited with status want. */
static int child_exits(void (*fn)(void), int want, const char *name)
{
	int status = run_child(fn);

	expect(name, WIFEXITED(status) && WEXITSTATUS(status) == want,
	       "%s (want exited %d)", describe(status), want);
	return status;
}

static void child_killed_by(void (*fn)(void), int sig, const char *name)
{
	int status = run_child(fn);

	expect(name, WIFSIGNALED(status) && WTERMSIG(status) == sig,
	       "%s (want signal %d)", describe(status), sig);
}

/* ---- the calls ---- */

static void defaults(void)
{
	struct rlimit r = get_limit(RLIMIT_STACK);

	expect("RLIMIT_STACK starts at 8 MiB, hard unlimited",
	       r.rlim_cur == 8 << 20 && r.rlim_max == RLIM_INFINITY,
	       "%lu/%lu", r.rlim_cur, r.rlim_max);
	r = get_limit(RLIMIT_CPU);
	expect("RLIMIT_CPU starts unlimited", r.rlim_cur == RLIM_INFINITY &&
	       r.rlim_max == RLIM_INFINITY, "%lu/%lu", r.rlim_cur, r.rlim_max);
	if (!on_sprout())
		return;
	r = get_limit(RLIMIT_NOFILE);
	expect("RLIMIT_NOFILE starts at the table's 64", r.rlim_cur == 64 &&
	       r.rlim_max == 64, "%lu/%lu", r.rlim_cur, r.rlim_max);
}

static void errors(void)
{
	struct rlimit r;

	errno = 0;
	expect("an unknown resource is EINVAL", getrlimit(16, &r) == -1 &&
	       errno == EINVAL, "errno %d", errno);
	errno = 0;
	expect("setrlimit of resource -1 is EINVAL",
	       set_limit(-1, 1, 1) == -1 && errno == EINVAL, "errno %d", errno);
	errno = 0;
	expect("soft above hard is EINVAL",
	       set_limit(RLIMIT_CORE, 10, 5) == -1 && errno == EINVAL,
	       "errno %d", errno);
	errno = 0;
	expect("getrlimit to a kernel address is EFAULT",
	       getrlimit(RLIMIT_CPU, BAD_PTR) == -1 && errno == EFAULT,
	       "errno %d", errno);
	errno = 0;
	if (!libc_converts("setrlimit from a kernel address is EFAULT"))
		expect("setrlimit from a kernel address is EFAULT",
		       setrlimit(RLIMIT_CPU, BAD_PTR) == -1 && errno == EFAULT,
		       "errno %d", errno);
}

/* The old call (76) predates unsigned rlim_t: infinity is 0x7fffffff. */
static void old_getrlimit(void)
{
	struct rlimit r = { 0, 0 };
	long ret = syscall(SYS_old_getrlimit, RLIMIT_CPU, &r);

	expect("the old getrlimit clamps infinity to 0x7fffffff", ret == 0 &&
	       r.rlim_cur == 0x7fffffff && r.rlim_max == 0x7fffffff,
	       "ret %ld, %lx/%lx", ret, r.rlim_cur, r.rlim_max);
	r = get_limit(RLIMIT_CPU);
	expect("ugetrlimit gives it as it is", r.rlim_cur == RLIM_INFINITY,
	       "%lx", r.rlim_cur);
}

static void lower_then_raise_hard(void)
{
	if (set_limit(RLIMIT_CORE, 0, 1000) < 0)
		_exit(1);
	if (set_limit(RLIMIT_CORE, 500, 1000) < 0)
		_exit(2);               /* the soft one may rise to the hard */
	errno = 0;
	if (set_limit(RLIMIT_CORE, 0, 2000) == 0 || errno != EPERM)
		_exit(3);
	struct rlimit r = get_limit(RLIMIT_CORE);
	_exit(r.rlim_cur == 500 && r.rlim_max == 1000 ? 0 : 4);
}

static void nofile_over_table(void)
{
	errno = 0;
	_exit(set_limit(RLIMIT_NOFILE, 64, 65) == -1 && errno == EPERM ? 0 : 1);
}

static void hard_limits(void)
{
	if (!on_sprout()) {
		skip("raising a hard limit is EPERM", "root may, on Linux");
		return;
	}
	child_exits(lower_then_raise_hard, 0,
		    "the soft limit rises to the hard one; the hard one does not "
		    "rise again (EPERM)");
	child_exits(nofile_over_table, 0,
		    "RLIMIT_NOFILE above the fd table (64) is EPERM");
}

/* ---- inheritance ---- */

static void grandchild_reports(void)
{
	struct rlimit r = get_limit(RLIMIT_NOFILE);

	_exit(r.rlim_cur == 20 && r.rlim_max == 30 ? 0 : 1);
}

static void fork_and_exec_keep(void)
{
	int status;

	if (set_limit(RLIMIT_NOFILE, 20, 30) < 0)
		_exit(10);
	status = run_child(grandchild_reports);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		_exit(11);
	execl(disk_path(SELF), "t_rlimit", "--nofile", (char *)NULL);
	_exit(12);
}

static void inheritance(void)
{
	child_exits(fork_and_exec_keep, 20,
		    "fork and exec keep the limits (the exec'd program sees "
		    "soft 20)");
}

/* ---- prlimit on another process ---- */

static void wait_for_nofile_7(void)
{
	alarm(10);
	while (get_limit(RLIMIT_NOFILE).rlim_cur != 7)
		sched_yield();
	_exit(get_limit(RLIMIT_NOFILE).rlim_max == 9 ? 0 : 1);
}

static void prlimit_other(void)
{
	struct rlimit new = { 7, 9 }, old = { 0, 0 }, now = { 0, 0 };
	pid_t pid = fork();
	int status = -1;

	if (pid == 0)
		wait_for_nofile_7();
	int r = prlimit(pid, RLIMIT_NOFILE, &new, &old);
	expect("prlimit sets another process's limit and gives the old one",
	       r == 0 && old.rlim_cur == get_limit(RLIMIT_NOFILE).rlim_cur,
	       "ret %d errno %d, old %lu", r, errno, old.rlim_cur);
	r = prlimit(pid, RLIMIT_NOFILE, NULL, &now);
	expect("prlimit reads it back", r == 0 && now.rlim_cur == 7 &&
	       now.rlim_max == 9, "ret %d, %lu/%lu", r, now.rlim_cur,
	       now.rlim_max);
	waitpid(pid, &status, 0);
	expect("the other process runs under it", WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0, "%s", describe(status));
	errno = 0;
	expect("prlimit on no such process is ESRCH",
	       prlimit(30000, RLIMIT_NOFILE, NULL, &now) == -1 &&
	       errno == ESRCH, "errno %d", errno);
	r = prlimit(0, RLIMIT_STACK, NULL, &now);
	expect("prlimit pid 0 is the caller", r == 0 &&
	       now.rlim_cur == get_limit(RLIMIT_STACK).rlim_cur, "ret %d", r);
}

/* ---- RLIMIT_NOFILE ---- */

static void nofile_child(void)
{
	int fd;

	if (set_limit(RLIMIT_NOFILE, 5, 5) < 0)
		_exit(1);
	for (int i = 3; i < 5; i++)
		if ((fd = open("/", O_RDONLY)) != i)
			_exit(2);
	errno = 0;
	if (open("/", O_RDONLY) != -1 || errno != EMFILE)
		_exit(3);
	errno = 0;
	if (dup2(0, 5) != -1 || errno != EBADF)
		_exit(4);
	errno = 0;
	if (fcntl(0, F_DUPFD, 5) != -1 || errno != EINVAL)
		_exit(5);
	if (dup2(0, 4) != 4)
		_exit(6);               /* below the limit: fine */
	_exit(sysconf(_SC_OPEN_MAX) == 5 ? 0 : 7);
}

/* A limit lowered below an open fd leaves it open (Linux checks the
   limit only when an fd is made). */
static void nofile_lowered_child(void)
{
	struct stat st;
	int fd = open("/", O_RDONLY);

	if (fd != 3 || dup2(fd, 20) != 20 || set_limit(RLIMIT_NOFILE, 5, 5) < 0)
		_exit(1);
	if (fstat(20, &st) < 0 || fcntl(20, F_GETFD) < 0)
		_exit(2);
	if (dup(20) != 4)
		_exit(3);               /* the lowest free fd below 5 */
	errno = 0;
	if (dup(20) != -1 || errno != EMFILE)
		_exit(4);
	_exit(close(20) == 0 ? 0 : 5);
}

static void nofile(void)
{
	child_exits(nofile_child, 0, "RLIMIT_NOFILE 5: fds 3 and 4, then "
		    "EMFILE; dup2 to 5 EBADF, F_DUPFD 5 EINVAL; "
		    "sysconf(_SC_OPEN_MAX) says 5");
	child_exits(nofile_lowered_child, 0, "RLIMIT_NOFILE lowered below an "
		    "open fd 20: it stays open and usable, dup gives 4, then "
		    "EMFILE");
}

/* ---- RLIMIT_NPROC ---- */

static void nproc_child(void)
{
	pid_t pid;

	if (set_limit(RLIMIT_NPROC, 1, 64) < 0)
		_exit(1);
	errno = 0;
	pid = fork();
	if (pid == 0)
		_exit(0);
	if (pid != -1 || errno != EAGAIN)
		_exit(2);
	if (set_limit(RLIMIT_NPROC, 64, 64) < 0 || (pid = fork()) < 0)
		_exit(3);
	if (pid == 0)
		_exit(0);
	_exit(0);
}

static void nproc(void)
{
	if (!on_sprout()) {
		skip("RLIMIT_NPROC stops fork", "Linux exempts root");
		return;
	}
	child_exits(nproc_child, 0, "RLIMIT_NPROC 1: fork is EAGAIN; "
		    "raised again, fork works");
}

/* ---- RLIMIT_DATA, RLIMIT_AS ---- */

static void data_child(void)
{
	if (set_limit(RLIMIT_DATA, 4 << 20, RLIM_INFINITY) < 0)
		_exit(1);
	errno = 0;
	if (sbrk(8 << 20) != (void *)-1 || errno != ENOMEM)
		_exit(2);
	_exit(sbrk(1 << 20) == (void *)-1 ? 3 : 0);
}

static void as_child(void)
{
	if (set_limit(RLIMIT_AS, 16 << 20, RLIM_INFINITY) < 0)
		_exit(1);
	errno = 0;
	if (sbrk(32 << 20) != (void *)-1 || errno != ENOMEM)
		_exit(2);
	_exit(sbrk(1 << 20) == (void *)-1 ? 3 : 0);
}

/* An image bigger than the address space allowed does not run. */
static void as_exec_child(void)
{
	if (set_limit(RLIMIT_AS, 16 << 10, RLIM_INFINITY) < 0)
		_exit(1);
	execl(disk_path(SELF), "t_rlimit", "--exit", "0", (char *)NULL);
	_exit(errno == ENOMEM ? 3 : 4);
}

static void memory(void)
{
	int status;

	child_exits(data_child, 0, "RLIMIT_DATA 4 MiB: sbrk of 8 MiB is "
		    "ENOMEM, 1 MiB works");
	child_exits(as_child, 0, "RLIMIT_AS 16 MiB: sbrk of 32 MiB is ENOMEM, "
		    "1 MiB works");
	status = run_child(as_exec_child);
	if (on_sprout())
		expect("exec under RLIMIT_AS 16 KiB is ENOMEM",
		       WIFEXITED(status) && WEXITSTATUS(status) == 3, "%s",
		       describe(status));
	else                    /* Linux fails past the point of no return */
		expect("exec under RLIMIT_AS 16 KiB does not run the program",
		       !WIFEXITED(status) || WEXITSTATUS(status) != 0, "%s",
		       describe(status));
}

/* ---- RLIMIT_STACK ---- */

/* Use about kb KiB of stack; the sum keeps the frames real. */
static int recurse(int kb)
{
	volatile char frame[1024];

	frame[0] = (char)kb;
	if (kb <= 1)
		return frame[0];
	return recurse(kb - 1) + frame[0];
}

static void stack_64k_then(const char *kb)
{
	if (set_limit(RLIMIT_STACK, 64 << 10, RLIM_INFINITY) < 0)
		_exit(1);
	execl(disk_path(SELF), "t_rlimit", "--recurse", kb, (char *)NULL);
	_exit(2);
}

static void stack_deep(void) { stack_64k_then("512"); }
static void stack_shallow(void) { stack_64k_then("16"); }

static void stack_here(void)
{
	if (set_limit(RLIMIT_STACK, 64 << 10, RLIM_INFINITY) < 0)
		_exit(1);
	_exit(recurse(512) < 0);
}

static void stack(void)
{
	child_exits(stack_shallow, 0, "RLIMIT_STACK 64 KiB: 16 KiB of stack "
		    "is fine");
	child_killed_by(stack_deep, SIGSEGV, "RLIMIT_STACK 64 KiB: 512 KiB of "
			"stack is SIGSEGV (after exec)");
	child_killed_by(stack_here, SIGSEGV, "setrlimit(RLIMIT_STACK) holds "
			"at once, without an exec");
}

/* ---- RLIMIT_CPU ---- */

static int xcpu_pipe[2];

static void on_xcpu(int sig)
{
	(void)sig;
	write(xcpu_pipe[1], "x", 1);
}

static void cpu_child(void)
{
	close(xcpu_pipe[0]);
	install_handler(SIGXCPU, on_xcpu, 0);
	if (set_limit(RLIMIT_CPU, 1, 3) < 0)
		_exit(1);
	for (volatile unsigned long i = 0;; i++)
		;
}

/* Only CPU time counts: a second asleep uses next to none. */
static void cpu_sleeper(void)
{
	if (set_limit(RLIMIT_CPU, 1, 1) < 0)
		_exit(1);
	sleep_ms(1500);
	_exit(0);
}

static void cpu(void)
{
	char buf[16];
	int n;

	if (pipe(xcpu_pipe) < 0) {
		expect("pipe", 0, "errno %d", errno);
		return;
	}
	child_killed_by(cpu_child, SIGKILL, "RLIMIT_CPU: SIGKILL at the hard "
			"limit (3 s)");
	close(xcpu_pipe[1]);
	child_exits(cpu_sleeper, 0, "RLIMIT_CPU 1 s: a process asleep for "
		    "1.5 s is not killed");
	n = read(xcpu_pipe[0], buf, sizeof(buf));
	close(xcpu_pipe[0]);
	expect("RLIMIT_CPU: SIGXCPU at the soft limit (1 s) and each second "
	       "after", n >= 2, "%d SIGXCPU", n);
}

/* ---- RLIMIT_FSIZE ---- */

static int xfsz_count;

static void on_xfsz(int sig)
{
	(void)sig;
	xfsz_count++;
}

static void fsize_child(void)
{
	static char buf[1500];
	int fd = open("/tmp/rlimit.fsize", O_WRONLY | O_CREAT | O_TRUNC, 0644);

	install_handler(SIGXFSZ, on_xfsz, 0);
	if (fd < 0 || set_limit(RLIMIT_FSIZE, 1000, RLIM_INFINITY) < 0)
		_exit(1);
	if (write(fd, buf, sizeof(buf)) != 1000 || xfsz_count != 0)
		_exit(2);               /* partial, no signal */
	errno = 0;
	if (write(fd, buf, 1) != -1 || errno != EFBIG || xfsz_count != 1)
		_exit(3);
	if (write(fd, buf, 0) != 0)
		_exit(4);               /* nothing is never refused */
	errno = 0;
	if (ftruncate(fd, 2000) != -1 || errno != EFBIG || xfsz_count != 2)
		_exit(5);
	if (ftruncate(fd, 500) != 0 || pwrite(fd, buf, 10, 990) != 10)
		_exit(6);
	unlink("/tmp/rlimit.fsize");
	_exit(0);
}

/* O_APPEND writes and pwrite are cut at the limit too. */
static void fsize_append_child(void)
{
	static char buf[200];
	int fd = open("/tmp/rlimit.append", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	int app = open("/tmp/rlimit.append", O_WRONLY | O_APPEND);

	unlink("/tmp/rlimit.append");
	install_handler(SIGXFSZ, on_xfsz, 0);
	if (fd < 0 || app < 0 || write(fd, buf, 100) != 100 ||
	    set_limit(RLIMIT_FSIZE, 250, RLIM_INFINITY) < 0)
		_exit(1);
	if (write(app, buf, 200) != 150 || xfsz_count != 0)
		_exit(2);
	errno = 0;
	if (write(app, buf, 1) != -1 || errno != EFBIG || xfsz_count != 1)
		_exit(3);
	if (ftruncate(fd, 0) != 0 || pwrite(fd, buf, 20, 240) != 10)
		_exit(4);
	errno = 0;
	if (pwrite(fd, buf, 1, 250) != -1 || errno != EFBIG || xfsz_count != 2)
		_exit(5);
	_exit(0);
}

static void fsize_default(void)
{
	int fd = open("/tmp/rlimit.fsize2", O_WRONLY | O_CREAT | O_TRUNC, 0644);

	unlink("/tmp/rlimit.fsize2");
	set_limit(RLIMIT_FSIZE, 10, RLIM_INFINITY);
	lseek(fd, 10, SEEK_SET);
	write(fd, "x", 1);
	_exit(0);
}

static void fsize(void)
{
	child_exits(fsize_child, 0, "RLIMIT_FSIZE 1000: a write is cut at the "
		    "limit, the next is EFBIG with SIGXFSZ; so is growing "
		    "ftruncate");
	child_exits(fsize_append_child, 0, "RLIMIT_FSIZE 250: an O_APPEND "
		    "write at 100 is cut to 150, then EFBIG; pwrite at 240 "
		    "writes 10, at 250 EFBIG; each EFBIG with SIGXFSZ");
	child_killed_by(fsize_default, SIGXFSZ, "SIGXFSZ's default action "
			"ends the writer");
}

/* ---- /proc/PID/limits ---- */

static void proc_limits_child(void)
{
	static const char header[] = "Limit                     Soft Limit  "
		"         Hard Limit           Units     \n";
	char text[2048];
	int fd, n;

	if (set_limit(RLIMIT_NOFILE, 20, 30) < 0 ||
	    (fd = open("/proc/self/limits", O_RDONLY)) < 0)
		_exit(1);
	n = read(fd, text, sizeof(text) - 1);
	if (n <= 0)
		_exit(2);
	text[n] = '\0';
	if (strncmp(text, header, strlen(header)) != 0)
		_exit(3);
	if (!strstr(text, "\nMax open files            20                   "
		    "30                   files     \n"))
		_exit(4);
	if (!strstr(text, "\nMax cpu time              unlimited            "
		    "unlimited            seconds   \n"))
		_exit(5);
	if (!strstr(text, "\nMax nice priority         0                    "
		    "0                    \n"))
		_exit(6);
	_exit(0);
}

static void proc_limits(void)
{
	if (is_init())
		mount("proc", "/proc", "proc", 0, NULL);
	child_exits(proc_limits_child, 0, "/proc/self/limits: Linux's table "
		    "with the soft and hard limits");
}

/* Helper modes for the exec cases. */
static void helper_modes(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--nofile"))
		_exit((int)get_limit(RLIMIT_NOFILE).rlim_cur);
	if (argc == 3 && !strcmp(argv[1], "--recurse"))
		_exit(recurse(atoi(argv[2])) < 0);
}

int main(int argc, char **argv)
{
	helper_modes(argc, argv);
	check_init(argc, argv);
	defaults();
	errors();
	old_getrlimit();
	hard_limits();
	inheritance();
	prlimit_other();
	nofile();
	nproc();
	memory();
	stack();
	cpu();
	fsize();
	proc_limits();
	return check_done();
}
