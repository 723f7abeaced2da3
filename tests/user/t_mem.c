/*
 * Process memory: the heap's break moves with brk(); fork shares pages
 * copy-on-write instead of copying them; and every page a process had
 * comes back when it is gone. Free memory is read with sysinfo().
 */
#include "check.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>

#define SELF "/bin/tests/t_mem"
#define KiB 1024L
#define MiB (1024 * 1024L)
#define HEAP (4 * MiB)

static void brk_moves(void)
{
	char *start = sbrk(0), *p;
	int zero = 1;

	p = sbrk(64 * KiB);
	expect("sbrk(64 KiB) returns the old break and moves it",
	       p == start && sbrk(0) == start + 64 * KiB,
	       "sbrk returned %p, break now %p, was %p", p, sbrk(0), start);
	for (long i = 0; i < 64 * KiB; i++)
		zero &= p[i] == 0;
	memset(p, 0x5a, 64 * KiB);
	expect("new heap memory reads as zeros and can be written",
	       zero && p[64 * KiB - 1] == 0x5a, "not zero");
	sbrk(-64 * KiB);
	expect("sbrk(-64 KiB) gives the memory back", sbrk(0) == start,
	       "break %p, expected %p", sbrk(0), start);
	expect("brk below the program's data is refused with ENOMEM",
	       brk((void *)0x1000) == -1 && errno == ENOMEM &&
	       sbrk(0) == start, "break now %p", sbrk(0));
	if (!on_sprout()) {
		skip("brk into the kernel's half is refused with ENOMEM",
		     "64-bit Linux gives 32-bit programs all 4 GiB");
		return;
	}
	expect("brk into the kernel's half is refused with ENOMEM",
	       brk((void *)0xC0001000) == -1 && errno == ENOMEM &&
	       sbrk(0) == start, "break now %p", sbrk(0));
}

/* A child reports how much free memory dropped, in 16 KiB units. */
static int used_16k(long long before)
{
	long long used = before - free_bytes();

	if (used < 0)
		used = 0;
	return used / (16 * KiB) > 254 ? 254 : (int)(used / (16 * KiB));
}

static void fork_is_lazy(void)
{
	char *heap = malloc(HEAP);
	long long before;
	pid_t pid;
	int status;

	if (!heap) {
		expect("a 4 MiB heap can be allocated", 0, "malloc failed");
		return;
	}
	memset(heap, 1, HEAP);          /* every page really there */
	before = free_bytes();
	pid = fork();
	if (pid == 0)
		_exit(used_16k(before));
	waitpid(pid, &status, 0);
	expect("fork with a 4 MiB heap takes under 256 KiB of memory",
	       WIFEXITED(status) && WEXITSTATUS(status) < 16,
	       "the child saw %d KiB used (%s)", WEXITSTATUS(status) * 16,
	       describe(status));

	if (!on_sprout()) {
		skip("writing the 4 MiB in the child copies it (COW breaks)",
		     "Linux's free count lags (per-CPU page lists)");
		free(heap);
		return;
	}
	before = free_bytes();
	pid = fork();
	if (pid == 0) {
		memset(heap, 2, HEAP);  /* now the pages must be copied */
		/* ... really: with glibc's attributes on malloc and _exit,
		   gcc would drop a store nobody reads afterwards. */
		__asm__ volatile("" : : "r"(heap) : "memory");
		_exit(used_16k(before));
	}
	waitpid(pid, &status, 0);
	expect("writing the 4 MiB in the child copies it (COW breaks)",
	       WIFEXITED(status) && WEXITSTATUS(status) * 16 * KiB >=
	       HEAP - 256 * KiB,
	       "the child saw only %d KiB used (%s)",
	       WEXITSTATUS(status) * 16, describe(status));
	expect("the parent's heap is unchanged by the child's writes",
	       heap[0] == 1 && heap[HEAP - 1] == 1, "it changed");
	free(heap);
}

static void fork_exec_exit(void)
{
	char *argv[] = { "t_mem", "--exit", "3", NULL };
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		execve(disk_path(SELF), argv, environ);
		_exit(99);
	}
	waitpid(pid, &status, 0);
}

/* 100 rounds of fork, exec, exit, wait: no page may stay behind. The
   first few rounds fill caches (disk blocks of the program) first. */
static void no_leak(void)
{
	long long before, after;

	for (int i = 0; i < 5; i++)
		fork_exec_exit();
	before = free_bytes();
	for (int i = 0; i < 100; i++)
		fork_exec_exit();
	after = free_bytes();
	if (!on_sprout()) {
		skip("100 fork/exec/exit rounds give back every page",
		     "other processes share this machine's memory");
		return;
	}
	expect("100 fork/exec/exit rounds give back every page",
	       after == before, "free memory %lld KiB before, %lld KiB after",
	       before / KiB, after / KiB);
}

/* Fork until it fails: the process table fills, fork says EAGAIN,
   and everything still works. Children sleep until killed. */
static void fork_bomb(void)
{
	int max = on_sprout() ? 100000 : 200;
	pid_t *pids = malloc(max * sizeof(pid_t)), pid;
	int n = 0, err = 0, reaped = 0, status;

	while (n < max) {
		pid = fork();
		if (pid == 0)
			for (;;)
				sleep_ms(1000);
		if (pid < 0) {
			err = errno;
			break;
		}
		pids[n++] = pid;
	}
	if (n == max) {
		skip("a fork bomb is stopped by EAGAIN", "no limit reached here");
	} else if (n == 0) {
		expect("a fork bomb is stopped by EAGAIN", 0,
		       "not even one fork worked: errno %d", err);
	} else {
		int answers, works;

		expect("a fork bomb is stopped by EAGAIN", err == EAGAIN,
		       "fork failed after %d children with errno %d", n, err);
		answers = getpid() > 0 && free_bytes() > 0 &&
			  kill(pids[n - 1], SIGKILL) == 0 &&
			  waitpid(pids[n - 1], &status, 0) == pids[n - 1];
		n -= answers;
		expect("with the table full, the system still answers",
		       answers, "errno %d", errno);
		pid = fork();
		if (pid == 0)
			_exit(0);
		works = pid > 0 && waitpid(pid, NULL, 0) == pid;
		err = errno;
		expect("with one slot free again, fork works", works,
		       "errno %d", err);
	}
	for (int i = 0; i < n; i++)
		kill(pids[i], SIGKILL);
	while (waitpid(-1, &status, 0) > 0)
		reaped += WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
	expect("all the bomb's children are killed and reaped", reaped == n,
	       "reaped %d of %d", reaped, n);
	free(pids);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	brk_moves();
	fork_is_lazy();
	no_leak();
	fork_bomb();
	return check_done();
}
