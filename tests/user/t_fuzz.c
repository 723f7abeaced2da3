/*
 * A small system-call fuzzer: children make thousands of calls with random
 * numbers and random arguments (pointers into the kernel, into unmapped
 * space, into their own memory, small and huge integers). Whatever they
 * do, the kernel must not fall over: each child ends (normally or by a
 * signal, maybe one it sent itself), and afterwards fork, exec and the
 * file system still work. The seed is fixed, so a failure repeats;
 * `t_fuzz SEED` tries another one.
 *
 * Signals are fuzzed too: tkill and tgkill send the child itself a
 * random signal (never SIGKILL, SIGTERM or SIGSTOP, which would only end
 * or park it), and sigaction and rt_sigaction install random actions:
 * handlers anywhere, random flags, masks and restorers.
 *
 * Left out: calls that would end the whole test rather than probe the
 * kernel (exit, fork, execve, kill, reboot) and calls
 * that may sleep for as long as an argument says (nanosleep, wait4,
 * waitpid) or until a signal comes (pause, sigsuspend, rt_sigsuspend).
 * And two kinds of call are tamed, because they would let a later call
 * wait for ever: pipes are made non-blocking (a child may read a pipe
 * whose write end it holds itself), and mknod makes no FIFOs (opening
 * one waits for a partner that never comes).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include "check.h"

#define CHILDREN 8
#define CALLS_PER_CHILD 5000
#define TIME_LIMIT_MS 20000

static unsigned long long state = 0x5eed;

static unsigned long rnd(void)
{
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned long)(state >> 33);
}

static char scratch[8192];

/* An argument: each kind of value a buggy or hostile program might pass. */
static long random_arg(void)
{
	switch (rnd() % 8) {
	case 0: return 0;
	case 1: return rnd() % 16;                      /* small: fds, flags */
	case 2: return (long)(0xC0000000UL + rnd() % 0x40000000UL); /* kernel */
	case 3: return (long)(0x1000 + rnd() % 0x10000);   /* unmapped, low */
	case 4: return (long)(scratch + rnd() % sizeof(scratch)); /* ours */
	case 5: return -(long)(rnd() % 4096);            /* negative, -errno */
	case 6: return (long)0xBFFFF000UL;               /* top of the stack */
	default: return (long)rnd();
	}
}

#define NR_MKNOD 14
#define NR_PIPE 42
#define NR_PIPE2 331
#define NR_SIGACTION 67
#define NR_RT_SIGACTION 174
#define NR_TKILL 238
#define NR_TGKILL 270

static int excluded(long nr)
{
	static const long skip[] = { 1, 2, 7, 11, 29, 37, 72, 88, 114, 162,
				     179, 252 };

	for (size_t i = 0; i < sizeof(skip) / sizeof(skip[0]); i++)
		if (nr == skip[i])
			return 1;
	return 0;
}

/* A signal for the child to send itself: any but those that would end
   it or stop it for good. */
static long random_signal(void)
{
	long sig = rnd() % 33;          /* 0 and 32 too: EINVAL, a check */

	return sig == SIGKILL || sig == SIGTERM || sig == SIGSTOP ? SIGUSR1
								  : sig;
}

/* An action of random bytes, or a random pointer for one. */
static void random_action(void)
{
	static long act[8];
	long sig = 1 + rnd() % 31;

	for (int i = 0; i < 8; i++)
		act[i] = rnd() % 2 ? random_arg() : (long)rnd();
	syscall(NR_RT_SIGACTION, sig, rnd() % 4 ? (long)act : random_arg(),
		random_arg(), 8);
}

static void random_call(long nr)
{
	long a = random_arg(), b = random_arg(), c = random_arg();

	if (nr == NR_TKILL || nr == NR_TGKILL)
		syscall(NR_TGKILL, getpid(), getpid(), random_signal());
	else if (nr == NR_SIGACTION || nr == NR_RT_SIGACTION)
		random_action();
	else if (nr == NR_PIPE || nr == NR_PIPE2)
		syscall(NR_PIPE2, a, O_NONBLOCK);
	else if (nr == NR_MKNOD && (b & S_IFMT) == S_IFIFO)
		syscall(NR_MKNOD, a, b & ~S_IFMT, c);
	else
		syscall(nr, a, b, c, random_arg(), random_arg());
}

/* Keep the console clean: standard fds go to /dev/null. And work in a
   folder of our own. */
static void fuzz_setup(void)
{
	int null = open("/dev/null", O_RDWR);

	for (int fd = 0; fd < 3; fd++)
		dup2(null, fd);
	mkdir("/tmp/fuzz", 0755);
	chdir("/tmp/fuzz");
}

static void fuzz(void)
{
	fuzz_setup();
	for (int i = 0; i < CALLS_PER_CHILD; i++) {
		long nr = rnd() % 400;
		if (excluded(nr))
			continue;
		for (size_t j = 0; j < sizeof(scratch); j += 512)
			scratch[j] = (char)rnd();
		random_call(nr);
	}
}

static void exec_true(void)
{
	char *argv[] = { "/bin/true", NULL };

	execve(argv[0], argv, NULL);
	_exit(127);
}

static void nothing(void)
{
}

/* Wait for pid, killing it if it outlives the deadline. */
static int reap(pid_t pid, long long deadline)
{
	int status;

	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (now_ns() > deadline) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return -1;
		}
		sleep_ms(10);
	}
	return status;
}

int main(int argc, char **argv)
{
	long long before, deadline;
	int hung = 0, status;

	check_init(argc, argv);
	if (argc > 1)
		state = strtoul(argv[1], NULL, 0);
	if (!on_sprout()) {
		skip("random system calls leave the kernel standing",
		     "random calls could harm the host");
		return check_done();
	}
	/* The kernel keeps the inodes of files used lately: use the ones the
	   children and the checks below will once before counting, so that
	   only a leak can change the count. */
	run_child(fuzz_setup);
	run_child(exec_true);
	before = free_bytes();
	for (int c = 0; c < CHILDREN; c++) {
		pid_t pid;

		state += 0x9E3779B9ULL * (c + 1);
		pid = fork();
		if (pid == 0) {
			fuzz();
			_exit(0);
		}
		deadline = now_ns() + TIME_LIMIT_MS * 1000000LL;
		hung += reap(pid, deadline) == -1;
	}
	expect("8 x 5000 random system calls leave the kernel standing", 1,
	       "%s", "");
	expect("no fuzzing child hung in the kernel", hung == 0,
	       "%d children had to be killed after %d s", hung,
	       TIME_LIMIT_MS / 1000);
	expect("fork still works", run_child(nothing) == 0, "it does not");
	status = run_child(exec_true);
	expect("exec still works", status == 0, "/bin/true %s",
	       describe(status));
	expect("no memory leaked", free_bytes() == before,
	       "free memory went from %lld to %lld bytes", before,
	       free_bytes());
	return check_done();
}
