/*
 * Threads made by clone() itself (thread.h): what CLONE_VM, CLONE_FS,
 * CLONE_FILES, CLONE_SIGHAND and CLONE_THREAD share, the ids (getpid is
 * the process's, gettid the thread's), the tid words (PARENT_SETTID,
 * CHILD_CLEARTID), Linux's EINVAL rules for the flags, CLONE_VFORK,
 * CLONE_PARENT and an exit signal other than SIGCHLD. Signals and the
 * ends of thread groups: t_thread_sig; exec and /proc: t_thread_exec.
 */
#define _GNU_SOURCE
#include "check.h"
#include "thread.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define SYS_gettid 224

static char stack[2][THREAD_STACK];
#define TOP(i) (stack[i] + THREAD_STACK)

static volatile int shared_word, thread_done;
static volatile long seen_pid, seen_tid, seen_ppid;
static int ptid, ctid;

static int ids_thread(void *arg)
{
	seen_pid = getpid();
	seen_tid = syscall(SYS_gettid);
	seen_ppid = getppid();
	shared_word = (int)(long)arg;
	thread_done = 1;
	return 0;
}

static void test_ids_and_memory(void)
{
	long tid;

	thread_done = 0;
	ctid = -1;
	tid = start_thread(THREAD_FLAGS, TOP(0), ids_thread, (void *)1234,
			   &ptid, &ctid);
	expect("clone with pthread_create's flags makes a thread", tid > 0,
	       "clone: %ld", tid);
	if (tid <= 0)
		return;
	expect("the thread's store reaches the caller's memory (CLONE_VM)",
	       wait_for(&thread_done, 1) && shared_word == 1234,
	       "word %d", shared_word);
	expect("getpid in the thread is the process's", seen_pid == getpid(),
	       "thread %ld, process %d", seen_pid, getpid());
	expect("gettid in the thread is the tid clone returned",
	       seen_tid == tid && tid != getpid(), "gettid %ld, clone %ld",
	       seen_tid, tid);
	expect("getppid in the thread is the process's parent",
	       seen_ppid == getppid(), "%ld vs %d", seen_ppid, getppid());
	expect("CLONE_PARENT_SETTID wrote the tid", ptid == tid, "%d", ptid);
	expect("CLONE_CHILD_CLEARTID: the word is 0 once the thread is gone",
	       wait_for((volatile int *)&ctid, 0), "still %d", ctid);
	expect("the main thread's gettid is its pid",
	       syscall(SYS_gettid) == getpid(), "%ld", syscall(SYS_gettid));
}

static volatile int fd_seen;

/* Opens a file, changes the cwd, umask and SIGUSR1's handler: all four
   are the process's. */
static void on_usr1(int sig)
{
	(void)sig;
}

static char cwd_seen[64];       /* the thread's getcwd after chdir */

static int sharing_thread(void *arg)
{
	(void)arg;
	fd_seen = open("/", O_RDONLY);
	chdir("/bin");
	getcwd(cwd_seen, sizeof(cwd_seen));     /* /usr/bin if /bin is a link */
	umask(077);
	signal(SIGUSR1, on_usr1);
	thread_done = 1;
	return 0;
}

static void test_sharing(void)
{
	struct sigaction sa;
	char buf[64] = "";
	mode_t old = umask(022);

	thread_done = 0;
	fd_seen = -1;
	if (start_thread(THREAD_FLAGS, TOP(0), sharing_thread, NULL, &ctid,
			 &ctid) <= 0 || !wait_for(&thread_done, 1)) {
		expect("a thread for the sharing cases", 0, "none");
		return;
	}
	wait_for((volatile int *)&ctid, 0);
	expect("an fd the thread opened is open here (CLONE_FILES)",
	       fd_seen >= 0 && fcntl(fd_seen, F_GETFD) >= 0, "fd %d", fd_seen);
	close(fd_seen);
	getcwd(buf, sizeof(buf));
	expect("the thread's chdir moved us too (CLONE_FS)",
	       cwd_seen[0] && strcmp(buf, cwd_seen) == 0, "cwd %s, thread's %s",
	       buf, cwd_seen);
	expect("and its umask is ours", umask(old) == 077, "other");
	sigaction(SIGUSR1, NULL, &sa);
	expect("its handler is ours (CLONE_SIGHAND)", sa.sa_handler == on_usr1,
	       "handler %p", (void *)sa.sa_handler);
	signal(SIGUSR1, SIG_DFL);
	chdir("/");
}

/* A child with its own copies (only CLONE_VM): its chdir and fds are
   its own. */
static int private_thread(void *arg)
{
	(void)arg;
	chdir("/bin");
	fd_seen = open("/", O_RDONLY);
	thread_done = 1;
	return 0;
}

static void test_not_shared(void)
{
	char buf[64] = "";
	int status = -1;
	long pid;

	thread_done = 0;
	pid = start_thread(CLONE_VM | SIGCHLD, TOP(0), private_thread, NULL,
			   NULL, NULL);
	if (pid > 0)
		waitpid(pid, &status, 0);
	expect("clone(CLONE_VM | SIGCHLD): a process sharing only memory",
	       pid > 0 && status == 0, "pid %ld, %s", pid, describe(status));
	getcwd(buf, sizeof(buf));
	expect("its chdir is its own without CLONE_FS",
	       thread_done && strcmp(buf, "/") == 0, "cwd %s", buf);
	expect("its fds are its own without CLONE_FILES",
	       fcntl(fd_seen, F_GETFD) == -1 && errno == EBADF, "fd %d open",
	       fd_seen);
}

/* One thread sleeps in a read of a pipe while another closes the fd it
   reads: the open file stays until the read returns (Linux: the same),
   so a write that comes after the close still has its reader. */
static int pipe_fd[2];
static volatile int read_result = -2;

static int reader_thread(void *arg)
{
	char c = 0;

	(void)arg;
	thread_done = 1;
	read_result = read(pipe_fd[0], &c, 1) == 1 ? c : -1;
	return 0;
}

static void test_close_under_read(void)
{
	ssize_t w;

	if (pipe(pipe_fd) < 0)
		return;
	thread_done = 0;
	read_result = -2;
	ctid = -1;
	start_thread(THREAD_FLAGS, TOP(0), reader_thread, NULL, &ctid, &ctid);
	wait_for(&thread_done, 1);
	sleep_ms(50);                   /* it sleeps in read() now */
	close(pipe_fd[0]);
	w = write(pipe_fd[1], "x", 1);
	expect("a thread's read survives another's close of its fd",
	       w == 1 && wait_for(&read_result, 'x'), "write %zd, read %d",
	       w, read_result);
	wait_for((volatile int *)&ctid, 0);
	close(pipe_fd[1]);
}

static int clone_errno(unsigned long flags)
{
	long r = start_thread(flags, TOP(0), ids_thread, NULL, NULL, NULL);

	if (r == 0 || r > 0)
		return 0;
	return (int)-r;
}

static void test_einval(void)
{
	expect("CLONE_THREAD without CLONE_SIGHAND: EINVAL",
	       clone_errno(CLONE_VM | CLONE_THREAD) == EINVAL, "other");
	expect("CLONE_SIGHAND without CLONE_VM: EINVAL",
	       clone_errno(CLONE_SIGHAND | SIGCHLD) == EINVAL, "other");
	if (is_init())
		expect("CLONE_PARENT from process 1: EINVAL",
		       clone_errno(CLONE_PARENT | SIGCHLD) == EINVAL, "other");
}

/* CLONE_VFORK: the parent sleeps until the child exits; the child runs
   in our memory meanwhile. */
static int vfork_child(void *arg)
{
	(void)arg;
	for (int i = 0; i < 20; i++)
		sched_yield();          /* the parent must still be asleep */
	shared_word = 77;
	return 5;
}

static void test_vfork(void)
{
	int status = -1;
	long pid;

	shared_word = 0;
	pid = start_thread(CLONE_VM | CLONE_VFORK | SIGCHLD, TOP(0),
			   vfork_child, NULL, NULL, NULL);
	expect("CLONE_VFORK: the parent runs again only after the child's exit",
	       pid > 0 && shared_word == 77, "pid %ld word %d", pid,
	       shared_word);
	waitpid(pid, &status, 0);
	expect("and the vfork child's status is reaped as usual",
	       WIFEXITED(status) && WEXITSTATUS(status) == 5, "%s",
	       describe(status));
}

/* vfork (190) itself: the child runs on our stack, so it touches
   nothing and exits at once, straight from the asm; our call returns
   only after that, so the child is a zombie already. */
static long raw_vfork_exit(int code)
{
	long ret;

	__asm__ volatile("int $0x80\n\t"
			 "test %%eax, %%eax\n\t"
			 "jnz 1f\n\t"
			 "mov $1, %%eax\n\t"  /* the child: exit(code) */
			 "int $0x80\n"
			 "1:"
			 : "=a"(ret)
			 : "0"(190), "b"(code)
			 : "memory");
	return ret;
}

static void test_vfork_call(void)
{
	int status = -1;
	long pid = raw_vfork_exit(42);
	long got = pid > 0 ? waitpid(pid, &status, WNOHANG) : -1;

	expect("vfork(): we run again once the child has exited",
	       got == pid && WIFEXITED(status) && WEXITSTATUS(status) == 42,
	       "pid %ld, waitpid %ld, %s", pid, got, describe(status));
}

/* An exit signal other than SIGCHLD makes a "clone" child: the parent
   gets that signal, and waitpid sees it only with __WCLONE or __WALL. */
static volatile int usr2_count;

static void on_usr2(int sig)
{
	(void)sig;
	usr2_count++;
}

static int quick_child(void *arg)
{
	(void)arg;
	return 3;
}

static void test_exit_signal(void)
{
	int status = -1;
	long pid;

	usr2_count = 0;
	signal(SIGUSR2, on_usr2);
	pid = start_thread(CLONE_VM | SIGUSR2, TOP(0), quick_child, NULL,
			   NULL, NULL);
	expect("the parent gets the child's exit signal (SIGUSR2)",
	       pid > 0 && wait_for(&usr2_count, 1), "count %d", usr2_count);
	expect("waitpid without __WCLONE does not see a clone child: ECHILD",
	       waitpid(pid, &status, 0) == -1 && errno == ECHILD,
	       "errno %d", errno);
	waitpid(pid, &status, __WALL);
	expect("waitpid with __WALL reaps it",
	       WIFEXITED(status) && WEXITSTATUS(status) == 3, "%s",
	       describe(status));
	signal(SIGUSR2, SIG_DFL);
}

/* CLONE_PARENT: from a child, a process that is our child, not its. */
static int parent_check(void *arg)
{
	return getppid() == (long)arg ? 0 : 1;
}

static void parent_sibling(void)
{
	long pid = start_thread(CLONE_PARENT | SIGCHLD, TOP(1), parent_check,
				(void *)(long)getppid(), NULL, NULL);

	_exit(pid > 0 ? 0 : 1);
}

static void test_clone_parent(void)
{
	int status = -1, other = -1;
	pid_t child = fork();

	if (child == 0)
		parent_sibling();
	waitpid(child, &status, 0);
	if (status == 0)
		wait(&other);           /* the sibling it made: ours */
	expect("CLONE_PARENT: the new process is our child, its getppid us",
	       status == 0 && other == 0, "%s, then %s", describe(status),
	       describe(other));
}

/* One of each kind of child, each gone again: a thread (shares all), a
   process sharing only memory (its own fd table, cwd, actions), a fork. */
static void one_of_each(void)
{
	int status;
	long pid;

	ctid = -1;
	start_thread(THREAD_FLAGS, TOP(0), quick_child, NULL, &ctid, &ctid);
	wait_for((volatile int *)&ctid, 0);
	pid = start_thread(CLONE_VM | SIGCHLD, TOP(0), quick_child, NULL,
			   NULL, NULL);
	waitpid(pid, &status, 0);
	pid = fork();
	if (pid == 0)
		_exit(0);
	waitpid(pid, &status, 0);
}

static void test_no_leak(void)
{
	long long before;

	if (!on_sprout()) {
		skip("300 threads and children later no memory is lost",
		     "free memory moves on its own elsewhere");
		return;
	}
	one_of_each();                  /* kmalloc's caches filled once */
	before = free_bytes();
	for (int i = 0; i < 300; i++)
		one_of_each();
	expect("300 threads and children later no memory is lost",
	       free_bytes() == before, "free memory went from %lld to %lld",
	       before, free_bytes());
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	test_ids_and_memory();
	test_sharing();
	test_not_shared();
	test_close_under_read();
	test_einval();
	test_vfork();
	test_vfork_call();
	test_exit_signal();
	test_clone_parent();
	test_no_leak();
	return check_done();
}
