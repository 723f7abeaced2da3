/*
 * The registers a program sees after a system call: the kernel gives back
 * every one but eax (as Linux i386 does), and libc's stubs keep the ones
 * a C function must (ebx, esi, edi, ebp).
 */
#include "check.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/wait.h>

struct regs { unsigned long ebx, ecx, edx, esi, edi, ebp; };

static const struct regs magic = { 0x11111111, 0x22222222, 0x33333333,
				   0x44444444, 0x55555555, 0x66666666 };

/* int $0x80 for call nr with the magic values in every register (the
   arguments are nonsense: 0x11111111 is no fd, no pointer); the values
   after it come back in *out, eax is the result. */
static long raw_call(long nr, struct regs *out)
{
	long ret;

	__asm__ volatile(
		"pushl %%ebp\n\t"
		"pushl %%ebx\n\t"
		"pushl %1\n\t"                  /* out */
		"movl $0x11111111, %%ebx\n\t"
		"movl $0x22222222, %%ecx\n\t"
		"movl $0x33333333, %%edx\n\t"
		"movl $0x44444444, %%esi\n\t"
		"movl $0x55555555, %%edi\n\t"
		"movl $0x66666666, %%ebp\n\t"
		"int $0x80\n\t"
		"xchgl %%eax, (%%esp)\n\t"      /* eax: out, result on the stack */
		"movl %%ebx, 0(%%eax)\n\t"
		"movl %%ecx, 4(%%eax)\n\t"
		"movl %%edx, 8(%%eax)\n\t"
		"movl %%esi, 12(%%eax)\n\t"
		"movl %%edi, 16(%%eax)\n\t"
		"movl %%ebp, 20(%%eax)\n\t"
		"popl %%eax\n\t"
		"popl %%ebx\n\t"
		"popl %%ebp"
		: "=a"(ret) : "r"(out), "0"(nr)
		: "ecx", "edx", "esi", "edi", "memory", "cc");
	return ret;
}

static int same(const struct regs *r)
{
	return r->ebx == magic.ebx && r->ecx == magic.ecx &&
	       r->edx == magic.edx && r->esi == magic.esi &&
	       r->edi == magic.edi && r->ebp == magic.ebp;
}

static void check_call(const char *name, long nr)
{
	struct regs r;
	long ret = raw_call(nr, &r);

	expect(name, same(&r), "ret %ld ebx %#lx ecx %#lx edx %#lx esi %#lx "
	       "edi %#lx ebp %#lx", ret, r.ebx, r.ecx, r.edx, r.esi, r.edi,
	       r.ebp);
}

static void kernel_keeps_registers(void)
{
	check_call("getpid keeps every register but eax", 20);
	check_call("a failing call (bad fd) keeps them", 6);
	check_call("an unknown call keeps them", 9999);
	check_call("sched_yield keeps them", 158);
	check_call("a 6-argument call (pselect6, bad) keeps them",
		   308);
	check_call("a 5-argument call (mount, bad) keeps them", 21);
}

/* Call fn (a libc function; six arguments, all -1: bad ones) with the
   magic in the callee-saved registers, and read them after. */
long (*call_fn)();             /* globals: the asm names them */
struct regs *call_out;

static void libc_call(long (*fn)(), struct regs *out)
{
	call_fn = fn;
	call_out = out;
	__asm__ volatile(
		"pushl %%ebp\n\t"
		"pushl %%ebx\n\t"
		"pushl $-1\n\t" "pushl $-1\n\t" "pushl $-1\n\t"
		"pushl $-1\n\t" "pushl $-1\n\t" "pushl $-1\n\t"
		"movl $0x11111111, %%ebx\n\t"
		"movl $0x44444444, %%esi\n\t"
		"movl $0x55555555, %%edi\n\t"
		"movl $0x66666666, %%ebp\n\t"
		"call *call_fn\n\t"
		"addl $24, %%esp\n\t"
		"movl call_out, %%eax\n\t"
		"movl %%ebx, 0(%%eax)\n\t"
		"movl %%esi, 12(%%eax)\n\t"
		"movl %%edi, 16(%%eax)\n\t"
		"movl %%ebp, 20(%%eax)\n\t"
		"popl %%ebx\n\t"
		"popl %%ebp"
		: : : "eax", "ecx", "edx", "esi", "edi", "memory", "cc");
}

extern long __sys_llseek();
extern long __sys_pselect6();
extern long __sys_getpid();

static void libc_keeps_registers(void)
{
	static const struct { const char *name; long (*fn)(); } calls[] = {
		{ "libc getpid keeps ebx esi edi ebp", __sys_getpid },
		{ "libc mount (5 args) keeps them", (long (*)())mount },
		{ "libc _llseek (5 args) keeps them", __sys_llseek },
		{ "libc pselect6 (6 args) keeps them", __sys_pselect6 },
		{ "libc syscall() keeps them", (long (*)())syscall },
	};

	for (unsigned i = 0; i < sizeof(calls) / sizeof(calls[0]); i++) {
		struct regs r = magic;

		r.ebx = r.esi = r.edi = r.ebp = 0;
		libc_call(calls[i].fn, &r);
		expect(calls[i].name, same(&r), "ebx %#lx esi %#lx edi %#lx "
		       "ebp %#lx", r.ebx, r.esi, r.edi, r.ebp);
	}
}

/* fork's child leaves the kernel with the parent's registers, eax 0. */
static void fork_child_registers(void)
{
	struct regs r;
	int status;
	long pid = raw_call(2, &r);     /* fork */

	if (pid == 0)
		_exit(same(&r) ? 0 : 1);
	expect("fork keeps the parent's registers", same(&r), "ebx %#lx",
	       r.ebx);
	waitpid(pid, &status, 0);
	expect("and gives them to the child", WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0, "status %#x", status);
}

/* The run queue and the timer ring: a child asleep in nanosleep is
   stopped, continued, and ends its sleep; another, stopped, is killed.
   (If the child is not asleep yet when SIGSTOP comes, the outcome is the
   same: the pause only makes the sleeping case the likely one.) */
static void stop_and_continue_sleeper(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		struct timespec ts = { 0, 300 * 1000 * 1000 };
		nanosleep(&ts, NULL);
		_exit(5);
	}
	usleep(50 * 1000);
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	expect("a sleeper stops", WIFSTOPPED(status), "status %#x", status);
	kill(pid, SIGCONT);
	waitpid(pid, &status, 0);
	expect("and after SIGCONT finishes its sleep and exits",
	       WIFEXITED(status) && WEXITSTATUS(status) == 5,
	       "status %#x", status);

	pid = fork();
	if (pid == 0) {
		for (;;)
			sleep(1);
	}
	usleep(50 * 1000);
	kill(pid, SIGSTOP);
	waitpid(pid, &status, WUNTRACED);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	expect("a stopped sleeper dies of SIGKILL",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	       "status %#x", status);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	kernel_keeps_registers();
	libc_keeps_registers();
	fork_child_registers();
	stop_and_continue_sleeper();
	return check_done();
}
