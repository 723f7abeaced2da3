/*
 * fork(): one process becomes two. The child gets 0, the parent the
 * child's pid, and each goes on with its own copy of memory; the copy is
 * made lazily (copy-on-write), so writes on one side must stay private.
 */
#include "check.h"
#include <stdlib.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>
#include <sys/wait.h>

static int global = 1;
static char page[4096] __attribute__((aligned(4096)));

static void fork_returns_twice(void)
{
	pid_t parent = getpid();
	pid_t pid = fork(), r;
	int status, err;

	if (pid == 0) {
		/* Tell the parent our pid (mod 200) if all looks right. */
		int ok = getppid() == parent && getpid() != parent;
		_exit(ok ? getpid() % 200 : 250);
	}
	expect("fork returns the child's pid to the parent", pid > 0,
	       "fork returned %d, errno %d", pid, errno);
	if (pid <= 0)
		return;
	expect("getpid is the same before and after fork", getpid() == parent,
	       "getpid %d, was %d", getpid(), parent);
	r = waitpid(pid, &status, 0);
	err = errno;
	expect("waitpid returns the child's pid", r == pid, "errno %d", err);
	expect("the child sees fork return 0, getppid the parent, getpid its pid",
	       WIFEXITED(status) && WEXITSTATUS(status) == pid % 200,
	       "child %s, expected exit %d (250: getppid/getpid wrong)",
	       describe(status), pid % 200);
}

/* The child writes to data, bss, stack and heap; the parent must not see it. */
static void child_writes_are_private(void)
{
	int on_stack = 2;
	int *heap = malloc(sizeof(int));
	pid_t pid;
	int status;

	*heap = 3;
	page[100] = 'p';
	pid = fork();
	if (pid == 0) {
		global = 10;
		on_stack = 20;
		*heap = 30;
		page[100] = 'c';
		_exit(global == 10 && on_stack == 20 && *heap == 30 &&
		      page[100] == 'c' ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	expect("the child can write to its copies of data, stack and heap",
	       pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "child %s", describe(status));
	expect("the child's writes are not seen by the parent",
	       global == 1 && on_stack == 2 && *heap == 3 && page[100] == 'p',
	       "parent sees global %d, stack %d, heap %d, bss '%c'",
	       global, on_stack, *heap, page[100]);
	free(heap);
}

/* The parent writes right after fork; the child looks a little later. */
static void parent_writes_are_private(void)
{
	pid_t pid;
	int status;

	global = 1;
	page[200] = 'o';
	pid = fork();
	if (pid == 0) {
		sleep_ms(100);
		_exit(global == 1 && page[200] == 'o' ? 0 : 1);
	}
	global = 99;
	page[200] = 'n';
	waitpid(pid, &status, 0);
	expect("the parent's writes after fork are not seen by the child",
	       pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "child %s (1: it saw the parent's values)", describe(status));
	global = 1;
}

/* Both sides write the same shared page at the same time. */
static void both_write_one_page(void)
{
	pid_t pid;
	int status, mine = 1;

	memset(page, 'x', sizeof(page));
	pid = fork();
	if (pid == 0) {
		for (int round = 0; round < 50; round++) {
			memset(page, 'c', sizeof(page));
			sleep_ms(1);
		}
		_exit(page[0] == 'c' && page[4095] == 'c' ? 0 : 1);
	}
	for (int round = 0; round < 50; round++) {
		memset(page, 'p', sizeof(page));
		sleep_ms(1);
		mine &= page[0] == 'p' && page[4095] == 'p';
	}
	waitpid(pid, &status, 0);
	expect("parent and child both writing one page each keep their own",
	       mine && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "parent kept its bytes: %d, child %s", mine, describe(status));
}

/* A child forks a grandchild: getppid is the child, not us. */
static void grandchild(void)
{
	pid_t child = getpid();
	pid_t pid = fork();
	int status;

	if (pid == 0)
		_exit(getppid() == child ? 0 : 1);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		_exit(2);
	_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 3);
}

static void forks_nest(void)
{
	int status = run_child(grandchild);

	expect("a child can fork too; the grandchild's getppid is the child",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0,
	       "child %s (1: wrong getppid, 2: fork/wait failed)",
	       describe(status));
}

/* Ten children in a row each get their own pid. */
static void pids_are_distinct(void)
{
	pid_t pids[10];
	int distinct = 1;

	for (int i = 0; i < 10; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(0);
		for (int j = 0; j < i; j++)
			distinct &= pids[i] != pids[j];
		distinct &= pids[i] > 0 && pids[i] != getpid();
	}
	for (int i = 0; i < 10; i++)
		waitpid(pids[i], NULL, 0);
	expect("ten live children have ten different pids", distinct,
	       "pids repeat or fork failed");
}

/* The direction flag is the program's to set: the kernel must not copy
   backwards because of it (its rep movs assume the flag is clear). With
   the flag set, the program forks, then makes many calls - long enough
   for timer interrupts to come in too - and finds it still set. */
static void calls_with_direction_flag_set(void)
{
	long pid, n = 200000;
	unsigned long flags;
	int status;

	asm volatile("std\n\t"
		     "int $0x80\n\t"          /* fork */
		     "movl %%eax, %%ebx\n"
		     "1:\tmovl $20, %%eax\n\t" /* getpid, n times */
		     "int $0x80\n\t"
		     "decl %%ecx\n\t"
		     "jnz 1b\n\t"
		     "pushfl\n\t"
		     "popl %%edx\n\t"
		     "cld"
		     : "=b"(pid), "=d"(flags), "+c"(n) : "a"(2L) : "memory", "cc");
	if (pid == 0)
		_exit(flags & 0x400 ? 7 : 8);
	expect("fork and calls with the direction flag set work", pid > 0,
	       "fork returned %ld", pid);
	if (pid <= 0)
		return;
	expect("the flag is still set after the calls", flags & 0x400,
	       "eflags %#lx", flags);
	waitpid(pid, &status, 0);
	expect("the child's flag is set too", WIFEXITED(status) &&
	       WEXITSTATUS(status) == 7, "child %s", describe(status));
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	fork_returns_twice();
	child_writes_are_private();
	parent_writes_are_private();
	both_write_one_page();
	forks_nest();
	pids_are_distinct();
	calls_with_direction_flag_set();
	return check_done();
}
