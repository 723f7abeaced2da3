/*
 * Faults in user mode end the process with a signal, as on Linux: a bad
 * memory access is SIGSEGV, an invalid instruction SIGILL, a division by
 * zero SIGFPE. The parent sees it in the wait status; nothing else is hurt.
 */
#include "check.h"
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

static void write_null(void)
{
	*(volatile int *)0 = 1;
}

static void read_null(void)
{
	(void)*(volatile int *)0;
}

static void write_kernel(void)
{
	*(volatile int *)0xC0000000 = 1;
}

static void read_kernel(void)
{
	(void)*(volatile int *)0xC0100000;      /* where the kernel's code is */
}

static void write_code(void)
{
	*(volatile unsigned char *)write_code = 0xc3;   /* text is read-only */
}

static void call_null(void)
{
	((void (*)(void))0)();
}

static void after_brk_shrink(void)
{
	char *p = sbrk(0);

	p += 4096 - ((unsigned long)p & 4095);  /* the next page boundary */
	if (brk(p + 8192) < 0)
		_exit(2);
	p[4096] = 1;                            /* mapped now */
	brk(p);
	p[4096] = 2;                            /* not any more */
}

static void illegal(void)
{
	__asm__ volatile("ud2");
}

static void divide(void)
{
	unsigned q;

	/* In assembly: C compilers may turn 1 / x into a comparison. */
	__asm__ volatile("divl %1" : "=a"(q) : "r"(0), "a"(1), "d"(0));
	_exit(q);
}

static void fault(const char *name, void (*fn)(void), int sig)
{
	int status = run_child(fn);

	expect(name, status != -1 && WIFSIGNALED(status) &&
	       WTERMSIG(status) == sig, "child %s, expected signal %d",
	       describe(status), sig);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	fault("NULL write: the child dies of SIGSEGV", write_null, SIGSEGV);
	fault("NULL read: SIGSEGV", read_null, SIGSEGV);
	fault("write to 0xC0000000 (kernel space): SIGSEGV", write_kernel,
	      SIGSEGV);
	fault("read of kernel code at 0xC0100000: SIGSEGV", read_kernel,
	      SIGSEGV);
	fault("write to the program's own code: SIGSEGV", write_code, SIGSEGV);
	fault("call through a NULL function pointer: SIGSEGV", call_null,
	      SIGSEGV);
	fault("touching heap freed by brk: SIGSEGV", after_brk_shrink,
	      SIGSEGV);
	fault("invalid instruction (ud2): SIGILL", illegal, SIGILL);
	fault("division by zero: SIGFPE", divide, SIGFPE);
	expect("after all that the parent is fine", getpid() > 0, "?");
	return check_done();
}
