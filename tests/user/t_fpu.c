/*
 * The FPU and SSE registers belong to each process, like its general
 * registers: two processes that compute at once must not see each
 * other's values, a forked child starts with its parent's, and a new
 * program starts clean (x87 control word 0x037F, MXCSR 0x1F80).
 */
#include "check.h"
#include <string.h>
#include <unistd.h>
#include <sched.h>
#include <sys/wait.h>

#define FCW_DEFAULT   0x037F
#define MXCSR_DEFAULT 0x1F80
#define FCW_ROUND_DOWN (FCW_DEFAULT | 0x0400)      /* RC = 01 */
#define MXCSR_ROUND_UP (MXCSR_DEFAULT | 0x4000)    /* RC = 10 */

static unsigned short get_fcw(void)
{
	unsigned short cw;

	__asm__ volatile("fnstcw %0" : "=m"(cw));
	return cw;
}

static void set_fcw(unsigned short cw)
{
	__asm__ volatile("fldcw %0" : : "m"(cw));
}

static unsigned int get_mxcsr(void)
{
	unsigned int v;

	__asm__ volatile("stmxcsr %0" : "=m"(v));
	return v;
}

static void set_mxcsr(unsigned int v)
{
	__asm__ volatile("ldmxcsr %0" : : "m"(v));
}

/* Put `seed` into all eight xmm registers and the top of the x87 stack,
   give the CPU away `rounds` times, and say whether they are all still
   there. The values live only in registers, so a kernel that does not
   keep each process's copy hands them to the other process. (kcc builds
   for plain i686: this one function may use SSE2.) */
__attribute__((target("sse2")))
static int registers_survive(unsigned int seed, int rounds)
{
	unsigned int in[4] = { seed, seed + 1, seed + 2, seed + 3 };
	unsigned int out[8][4];
	double x = seed, y = 0;

	__asm__ volatile("movdqu %0, %%xmm0\n\tmovdqa %%xmm0, %%xmm1\n\t"
			 "movdqa %%xmm0, %%xmm2\n\tmovdqa %%xmm0, %%xmm3\n\t"
			 "movdqa %%xmm0, %%xmm4\n\tmovdqa %%xmm0, %%xmm5\n\t"
			 "movdqa %%xmm0, %%xmm6\n\tmovdqa %%xmm0, %%xmm7\n\t"
			 "fldl %1"
			 : : "m"(in), "m"(x) : "xmm0", "xmm1", "xmm2", "xmm3",
			   "xmm4", "xmm5", "xmm6", "xmm7");
	for (int i = 0; i < rounds; i++)
		__asm__ volatile("movl $158, %%eax\n\tint $0x80"   /* sched_yield */
				 : : : "eax", "memory");
	__asm__ volatile("fstpl %0\n\t"
			 "movdqu %%xmm0, 0(%1)\n\tmovdqu %%xmm1, 16(%1)\n\t"
			 "movdqu %%xmm2, 32(%1)\n\tmovdqu %%xmm3, 48(%1)\n\t"
			 "movdqu %%xmm4, 64(%1)\n\tmovdqu %%xmm5, 80(%1)\n\t"
			 "movdqu %%xmm6, 96(%1)\n\tmovdqu %%xmm7, 112(%1)"
			 : "=m"(y) : "r"(out) : "memory");
	for (int r = 0; r < 8; r++)
		if (memcmp(out[r], in, sizeof(in)))
			return 0;
	return y == x;
}

static void two_processes_keep_their_registers(void)
{
	pid_t pid = fork();
	int status = 0, mine;

	if (pid == 0)
		_exit(registers_survive(0x1234, 2000) ? 0 : 1);
	mine = registers_survive(0xabcd0000, 2000);
	waitpid(pid, &status, 0);
	expect("x87 and xmm registers survive 2000 switches (parent)", mine,
	       "a register changed");
	expect("x87 and xmm registers survive 2000 switches (child)",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "child %s",
	       describe(status));
}

/* Sum 1/k for k up to n, in double precision on the x87 (no system
   calls: the timer must preempt it). */
static double harmonic(int n, double step)
{
	double s = 0;

	for (int k = 1; k <= n; k++)
		s += step / k;
	return s;
}

static void preempted_computations_agree(void)
{
	const int n = 3000000;          /* long enough for several ticks */
	/* volatile: compare doubles as stored, not the x87's 80-bit copies */
	volatile double want_a = harmonic(n, 1.0), want_b = harmonic(n, 3.0);
	volatile double a, b;
	pid_t pid = fork();
	int status = 0;

	if (pid == 0) {
		b = harmonic(n, 3.0);
		_exit(b == want_b ? 0 : 1);
	}
	a = harmonic(n, 1.0);
	waitpid(pid, &status, 0);
	expect("a floating-point sum computed while another runs is exact (parent)",
	       a == want_a, "sum differs");
	expect("a floating-point sum computed while another runs is exact (child)",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "child %s",
	       describe(status));
}

static void fork_inherits_control_words(void)
{
	pid_t pid;
	int status = 0;

	set_fcw(FCW_ROUND_DOWN);
	set_mxcsr(MXCSR_ROUND_UP);
	pid = fork();
	if (pid == 0)
		_exit(get_fcw() == FCW_ROUND_DOWN &&
		      get_mxcsr() == MXCSR_ROUND_UP ? 0 : 1);
	waitpid(pid, &status, 0);
	expect("a forked child has its parent's x87 control word and MXCSR",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "child %s",
	       describe(status));
	set_fcw(FCW_DEFAULT);
	set_mxcsr(MXCSR_DEFAULT);
}

static void exec_starts_clean(void)
{
	pid_t pid;
	int status = 0;

	pid = fork();
	if (pid == 0) {
		char *argv[] = { "t_fpu", "--clean-fpu", NULL };

		set_fcw(FCW_ROUND_DOWN);
		set_mxcsr(MXCSR_ROUND_UP);
		execve(disk_path("/bin/tests/t_fpu"), argv, NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	expect("execve gives the new program FNINIT's control word and MXCSR 0x1F80",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, "the new program %s",
	       describe(status));
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--clean-fpu"))
		return get_fcw() == FCW_DEFAULT && get_mxcsr() == MXCSR_DEFAULT
		       ? 0 : 1;
	check_init(argc, argv);
	two_processes_keep_their_registers();
	preempted_computations_agree();
	fork_inherits_control_words();
	exec_starts_clean();
	return check_done();
}
