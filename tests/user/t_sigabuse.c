/*
 * Signals, timers and pipes used the way a buggy or hostile program
 * would: the kernel answers with an error or a signal for the program,
 * and keeps no trace of it afterwards.
 *
 *   a timer left armed by a process that exits must die with it (its
 *   task slot is soon someone else's); a SIGSEGV handler that faults
 *   again, even with SA_NODEFER, ends in SIGSEGV; an alternate stack
 *   that reaches into the kernel or wraps around 4 GiB cannot take a
 *   frame; a pipe buffer half unmapped is EFAULT, moving no byte; pipes
 *   made until EMFILE and ENFILE are given back to the last page.
 */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <stdint.h>
#include <sys/time.h>
#include <sys/wait.h>

static int killed_by(int status, int sig)
{
	return WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

/* ---- timers outliving their process ---- */

static void arm_and_exit(void)
{
	struct itimerval it = { { 0, 10000 }, { 0, 20000 } };

	setitimer(ITIMER_REAL, &it, NULL);
}

static void spin_300ms(void)
{
	long long end = now_ns() + 300000000LL;

	while (now_ns() < end)
		;
}

static void exited_timers(void)
{
	int bad = 0, status = 0;

	for (int i = 0; i < 8; i++)
		if (run_child(arm_and_exit) != 0)
			bad++;
	/* New processes take the freed slots while the timers would fire. */
	for (int i = 0; i < 4 && !bad; i++) {
		status = run_child(spin_300ms);
		bad += status != 0;
	}
	expect("a periodic timer dies with its process: no SIGALRM for the "
	       "slot's next owner", bad == 0, "%s", describe(status));
}

/* ---- faults in a SIGSEGV handler ---- */

static volatile int *volatile nowhere = (int *)16;

static void fault_again(int sig)
{
	(void)sig;
	*nowhere = 1;
}

static void segv_in_handler(void)
{
	install_handler(SIGSEGV, fault_again, 0);
	*nowhere = 1;
}

static void segv_in_nodefer_handler(void)
{
	install_handler(SIGSEGV, fault_again, SA_NODEFER);
	*nowhere = 1;
}

static void blocked_segv(void)
{
	sigset_t set;

	install_handler(SIGSEGV, fault_again, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGSEGV);
	sigprocmask(SIG_BLOCK, &set, NULL);
	*nowhere = 1;
}

static void nested_faults(void)
{
	int status = run_child(segv_in_handler);

	expect("SIGSEGV in the SIGSEGV handler: killed by SIGSEGV",
	       killed_by(status, SIGSEGV), "%s", describe(status));
	status = run_child(segv_in_nodefer_handler);
	expect("... with SA_NODEFER: recursion until the stack is full, then "
	       "killed by SIGSEGV", killed_by(status, SIGSEGV), "%s",
	       describe(status));
	status = run_child(blocked_segv);
	expect("a fault with SIGSEGV blocked: killed by SIGSEGV",
	       killed_by(status, SIGSEGV), "%s", describe(status));
}

/* ---- alternate stacks in the wrong place ---- */

static void note(int sig)
{
	(void)sig;
}

static void raise_on(unsigned long sp, unsigned long size)
{
	stack_t ss = { .ss_sp = (void *)sp, .ss_size = size };

	if (sigaltstack(&ss, NULL) < 0)
		_exit(3);
	install_handler(SIGUSR1, note, SA_ONSTACK);
	raise(SIGUSR1);
	_exit(0);
}

static void altstack_into_kernel(void)
{
	raise_on(0xbffffff0, 0x4000);      /* above our esp */
}

static void altstack_wrapping(void)
{
	raise_on(0xfffff000, 0x4000);
}

static void bad_altstacks(void)
{
	int status = run_child(altstack_into_kernel);

	expect("an alternate stack reaching into the kernel: SIGSEGV",
	       killed_by(status, SIGSEGV), "%s", describe(status));
	status = run_child(altstack_wrapping);
	expect("an alternate stack wrapping past 4 GiB: SIGSEGV",
	       killed_by(status, SIGSEGV), "%s", describe(status));
}

/* ---- pipes ---- */

/* A buffer whose last 90 bytes are past the break: unmapped. */
static char *edge_of_heap(void)
{
	uintptr_t end = (uintptr_t)sbrk(0);
	uintptr_t top = (end + 4096 + 4095) & ~(uintptr_t)4095;

	if (sbrk(top - end) == (void *)-1)
		return NULL;
	memset((char *)top - 4096, 'x', 4096);
	return (char *)top - 10;
}

static void straddling_buffer(void)
{
	char *edge = edge_of_heap(), buf[100];
	int fd[2], r, err, left;

	if (!edge || pipe(fd) < 0) {
		skip("pipe buffers across an unmapped page", "no sbrk or pipe");
		return;
	}
	errno = 0;
	r = write(fd[1], edge, 100);
	err = errno;
	expect("write from a buffer running into an unmapped page: EFAULT",
	       r == -1 && err == EFAULT, "returned %d, errno %d", r, err);
	/* 20 bytes: more than the 10 that fit before the unmapped page
	   (fewer would simply be read, as on Linux) */
	write(fd[1], "hello, hello, hello!", 20);
	errno = 0;
	r = read(fd[0], edge, 100);
	err = errno;
	left = read(fd[0], buf, sizeof(buf));
	expect("read into such a buffer: EFAULT, and the bytes stay in the "
	       "pipe", r == -1 && err == EFAULT && left == 20,
	       "returned %d, errno %d; %d bytes left", r, err, left);
	close(fd[0]);
	close(fd[1]);
}

/* Pipes until pipe() fails: its errno. Every fd stays open. */
static int pipes_until_failure(void)
{
	int fd[2];

	while (pipe(fd) == 0)
		;
	return errno;
}

static void fill_fd_table(void)
{
	_exit(pipes_until_failure() == EMFILE ? 0 : 1);
}

/* Children each fill their fd table; one of them finds the system's
   file table full. Each reports by its exit status. */
static int hog_pipe[2];

static void fill_file_table(void)
{
	int err = pipes_until_failure();

	write(hog_pipe[1], &err, sizeof(err));
	pause();                /* hold them until killed */
}

static void pipe_exhaustion(void)
{
	long long before = free_bytes();
	int status, err = 0, enfile = 0;
	pid_t kids[8];
	int n = 0;

	status = run_child(fill_fd_table);
	expect("pipes until the fd table is full: EMFILE",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s",
	       describe(status));
	pipe(hog_pipe);
	for (; n < 8 && !enfile; n++) {
		kids[n] = fork();
		if (kids[n] == 0) {
			fill_file_table();
			_exit(0);
		}
		if (read(hog_pipe[0], &err, sizeof(err)) != sizeof(err))
			break;
		enfile = err == ENFILE;
	}
	expect("pipes until the file table is full: ENFILE", enfile,
	       "last errno %d after %d processes", err, n);
	for (int i = 0; i < n; i++) {
		kill(kids[i], SIGKILL);
		waitpid(kids[i], &status, 0);
	}
	close(hog_pipe[0]);
	close(hog_pipe[1]);
	expect("... and every page comes back", free_bytes() == before,
	       "free memory went from %lld to %lld bytes", before,
	       free_bytes());
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	exited_timers();
	nested_faults();
	bad_altstacks();
	straddling_buffer();
	pipe_exhaustion();
	return check_done();
}
