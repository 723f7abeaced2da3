/*
 * Kernel self-tests chosen on the command line, for the test suite (and
 * for students who want to see what a crash looks like):
 *
 *   ktest=divzero    divide by zero in the kernel: the exception report
 *   ktest=pagefault  write through a NULL pointer in the kernel
 *   ktest=panic      call panic() directly
 *   ktest=echo       echo typed lines back as "echo: <line>" (read through
 *                    the tty); "quit" or ^D ends
 */
#include "init/init.h"
#include "arch/arch.h"
#include "dev/dev.h"
#include "lib/lib.h"

static void __attribute__((noinline)) divide_by_zero(void)
{
	uint32_t quotient, remainder;

	/* In C, gcc may turn 1/x into a comparison: use the instruction. */
	printk("ktest: dividing by zero\n");
	__asm__ volatile("divl %2" : "=a"(quotient), "=d"(remainder)
			 : "r"(0), "a"(1), "d"(0));
	printk("%u\n", quotient);
}

static void __attribute__((noinline)) write_null(void)
{
	printk("ktest: writing through a NULL pointer\n");
	*(volatile int *)0 = 1;
}

/* Wait for a line from the console's tty, in canonical mode (echoed,
   editable with Backspace, ^W, ^U), as a process's read() would get it,
   but by halting until the next interrupt: no processes exist yet.
   Returns 0 at end of file (^D at the start of a line). */
static size_t read_line(char *buf, size_t n)
{
	bool line_done;
	size_t got;

	cli();
	while (!tty_readable(&console_tty)) {
		/* sti; hlt is atomic: an interrupt cannot slip in between and
		   leave us asleep with a line waiting. */
		__asm__ volatile("sti; hlt; cli");
	}
	got = tty_take(&console_tty, buf, n, &line_done);
	sti();
	return got;
}

static void echo_lines(void)
{
	char line[80];
	size_t n;

	printk("ktest: echo ready\n");
	while ((n = read_line(line, sizeof(line) - 1)) > 0) {
		if (line[n - 1] == '\n')
			n--;
		line[n] = '\0';
		if (!strcmp(line, "quit"))
			break;
		printk("echo: %s\n", line);
	}
	printk("ktest: echo done\n");
}

void run_ktest(void)
{
	if (cmdline_has("ktest", "divzero"))
		divide_by_zero();
	else if (cmdline_has("ktest", "pagefault"))
		write_null();
	else if (cmdline_has("ktest", "panic"))
		panic("ktest: panic requested on the command line");
	else if (cmdline_has("ktest", "echo"))
		echo_lines();
}
