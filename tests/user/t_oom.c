/*
 * Running out of memory. A child touches ever more heap until no page is
 * left: the kernel must kill it (SIGKILL, like Linux's OOM killer), not
 * panic, and every page must come back once it is reaped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>
#include "check.h"

#define STEP (1 << 20)

/* Grow the heap a MiB at a time and touch every page of it. */
static void eat_memory(void)
{
	for (;;) {
		char *p = sbrk(STEP);
		if (p == (char *)-1)
			_exit(2);       /* the break refused: not what we test */
		for (int i = 0; i < STEP; i += 4096)
			p[i] = 1;
	}
}

static void nothing(void)
{
}

static void exec_true(void)
{
	char *argv[] = { "/bin/true", NULL };

	execve(argv[0], argv, NULL);
	_exit(127);
}

int main(int argc, char **argv)
{
	long long before, after;
	int status;

	check_init(argc, argv);
	if (!on_sprout()) {
		skip("a child that eats all memory is killed", "Linux would "
		     "take the whole machine down with it");
		return check_done();
	}
	before = free_bytes();
	status = run_child(eat_memory);
	expect("a child that eats all memory is killed with SIGKILL",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	       "it %s", describe(status));
	after = free_bytes();
	expect("every page comes back after it is reaped", after == before,
	       "free memory went from %lld to %lld bytes", before, after);
	expect("afterwards fork still works", run_child(nothing) == 0,
	       "a new child could not run");
	status = run_child(exec_true);
	expect("and so does exec", status == 0, "/bin/true %s",
	       describe(status));
	return check_done();
}
