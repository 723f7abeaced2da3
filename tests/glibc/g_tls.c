/*
 * __thread variables in a glibc program's main thread: glibc's start-up
 * set_thread_area's its thread block and loads %gs; initialised and
 * zeroed TLS, errno (itself per thread), and a forked child's own copy.
 */
#include "../user/check.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <asm/ldt.h>

static __thread int counter = 41;
static __thread char zeroed[64];

static volatile int raised;

static void on_usr1(int sig)
{
	raised = sig;
}

static void child(void)
{
	counter = 1000;                 /* the child's copy */
	_exit(zeroed[0] == 'x' ? 0 : 1);
}

int main(void)
{
	unsigned short gs;
	unsigned int self;
	struct user_desc d = { 0 };
	int r;

	/* glibc's thread block starts with a pointer to itself. */
	__asm__ volatile("movw %%gs, %0\n\tmovl %%gs:0, %1"
			 : "=r"(gs), "=r"(self));
	d.entry_number = gs >> 3;
	r = syscall(SYS_get_thread_area, &d);
	expect("%gs selects the thread block get_thread_area shows",
	       r == 0 && d.base_addr == self, "gs %#x, base %#x, self %#x",
	       gs, d.base_addr, self);
	if (on_sprout())
		expect("glibc got entry 6: %gs is 0x33", gs == 0x33, "gs %#x",
		       gs);
	counter++;
	expect("an initialised __thread variable", counter == 42, "%d",
	       counter);
	expect("a zeroed __thread array", zeroed[10] == 0, "%d", zeroed[10]);
	zeroed[0] = 'x';
	r = run_child(child);
	expect("fork: the child has a copy", r == 0 && counter == 42,
	       "child %s, counter %d", describe(r), counter);
	errno = 0;
	r = close(-1);
	expect("errno, a TLS variable, is set", r == -1 && errno == EBADF,
	       "errno %d", errno);
	signal(SIGUSR1, on_usr1);
	r = raise(SIGUSR1);             /* glibc: tgkill(getpid(), gettid()) */
	expect("raise() reaches the handler", r == 0 && raised == SIGUSR1,
	       "raise %d, handler saw %d", r, raised);
	return check_done();
}
