/*
 * The signal lab's test: sigalarm(ticks, handler) and sigalarmreturn(),
 * as in xv6's alarmtest, and then the registers.
 *
 * Time here is the process's own CPU time in ticks (times()), which is
 * what sigalarm counts: a slow or busy host makes the runs longer, not
 * different. Each wait gives up after GIVE_UP ticks of CPU, and alarm()
 * ends the program (with a FAIL line) if a case hangs, so a broken
 * kernel gives failures, never a stuck grader.
 *
 * The register cases run a loop written in assembly that fills every
 * general register (and the arithmetic flags) with a pattern and spins
 * until the handler has run a few times; the handler, also assembly,
 * overwrites them all before it calls sigalarmreturn. Afterwards the
 * loop's registers must still hold the pattern: the kernel saved them
 * when it diverted the program to the handler, and put them back.
 */
#include "alarm_lab.h"
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/times.h>
#include <sys/wait.h>

#define GIVE_UP    300          /* ticks of CPU: 3 s at HZ=100 */
#define PERIOD     4            /* the ticks of the periodic case */
#define CALLS      8
#define REENTERED  200          /* the re-entry case child's exit status, */
#define NEVER_RAN  201          /*   or sigalarm's errno */

volatile int alarm_count;       /* the handlers' calls (the assembly's too) */
volatile uint8_t asm_done;      /* the assembly handler's: CALLS_ASM calls */
static long call_ticks[CALLS];  /* the CPU time of each call */
static volatile int in_handler;
static const char *running_case;

static long cpu_ticks(void)
{
	struct tms t;

	times(&t);
	return t.tms_utime + t.tms_stime;
}

/* Spin until the handlers have run n times: false if they did not
   within GIVE_UP ticks of CPU. */
static int wait_calls(int n)
{
	long end = cpu_ticks() + GIVE_UP;

	while (alarm_count < n)
		if (cpu_ticks() > end)
			return 0;
	return 1;
}

/* Spin for n ticks of CPU. */
static void spin(long n)
{
	long end = cpu_ticks() + n;

	while (cpu_ticks() < end)
		;
}

static void periodic(void)
{
	if (alarm_count < CALLS)
		call_ticks[alarm_count] = cpu_ticks();
	alarm_count++;
	sigalarmreturn();
}

/* Slow: it runs for longer than the period, so a kernel that let the
   next alarm in while it runs would enter it again. Then it would never
   finish: the process ends at once instead. */
static void slow(void)
{
	if (in_handler)
		_exit(REENTERED);
	in_handler = 1;
	spin(3);
	in_handler = 0;
	alarm_count++;
	sigalarmreturn();
}

/* Start a case: the handler, every `ticks`. */
static int start(const char *name, int ticks, void (*handler)(void))
{
	running_case = name;
	alarm_count = 0;
	asm_done = 0;
	if (sigalarm(ticks, handler) == 0)
		return 1;
	expect(name, 0, "sigalarm(%d, handler): %s", ticks, strerror(errno));
	return 0;
}

static void test_runs(void)
{
	const char *name = "the handler runs";

	if (!start(name, PERIOD, periodic))
		return;
	expect(name, wait_calls(1), "not within %d ticks of CPU (every %d "
	       "asked)", GIVE_UP, PERIOD);
	sigalarm(0, 0);
}

/* The calls come every PERIOD ticks of CPU: on average within a factor
   of two (a kernel that never restarts the count, or runs the handler at
   every tick, is far outside). */
static void test_period(void)
{
	const char *name = "the handler runs every n ticks";
	long span;

	if (!start(name, PERIOD, periodic))
		return;
	if (!wait_calls(CALLS)) {
		expect(name, 0, "%d calls, not %d, in %d ticks of CPU",
		       alarm_count, CALLS, GIVE_UP);
		sigalarm(0, 0);
		return;
	}
	sigalarm(0, 0);
	span = call_ticks[CALLS - 1] - call_ticks[0];
	printf("%d calls every %d ticks: %ld ticks from the first to the "
	       "last\n", CALLS, PERIOD, span);
	expect(name, span >= (CALLS - 1) * PERIOD / 2 &&
	       span <= (CALLS - 1) * PERIOD * 2,
	       "%ld ticks between the first call and the last, want about %d",
	       span, (CALLS - 1) * PERIOD);
}

/* What the re-entry case's child says by its wait status. */
static const char *reentry_why(int status)
{
	static char why[80];
	int code = WEXITSTATUS(status);

	if (!WIFEXITED(status))
		return "the child was killed by a signal";
	if (code == REENTERED)
		return "entered while it ran";
	if (code == NEVER_RAN)
		return "it did not run 3 times";
	snprintf(why, sizeof(why), "sigalarm(1, handler): %s", strerror(code));
	return why;
}

/* In a child, which a re-entered handler ends: its exit status says
   what happened, or is sigalarm's errno. */
static void test_no_reentry(void)
{
	const char *name = "the handler is not re-entered";
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		if (sigalarm(1, slow) < 0)
			_exit(errno);
		_exit(wait_calls(3) ? 0 : NEVER_RAN);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid) {
		expect(name, 0, "fork or waitpid: %s", strerror(errno));
		return;
	}
	expect(name, WIFEXITED(status) && WEXITSTATUS(status) == 0, "%s",
	       reentry_why(status));
}

static void test_stop(void)
{
	const char *name = "sigalarm(0, 0) stops it";
	int before;

	if (!start(name, 1, periodic))
		return;
	if (!wait_calls(1)) {
		expect(name, 0, "the handler never ran");
		return;
	}
	if (sigalarm(0, 0) < 0) {
		expect(name, 0, "sigalarm(0, 0): %s", strerror(errno));
		return;
	}
	before = alarm_count;
	spin(10);
	expect(name, alarm_count == before, "%d more calls after it",
	       alarm_count - before);
}

static void test_return_outside(void)
{
	int r;

	errno = 0;
	r = sigalarmreturn();
	expect("sigalarmreturn outside a handler", r == -1 && errno == EINVAL,
	       "gave %d (%s), not EINVAL", r, strerror(errno));
}

/*
 * The registers. regs_loop and flags_loop are called from C (cdecl:
 * they keep ebx, esi, edi and ebp for their caller) and leave what they
 * found in after[]: eax ebx ecx edx esi edi ebp esp, then eflags.
 *
 * Both spin until the handler has run CALLS_ASM times (it sets
 * asm_done then). regs_loop holds a pattern in all seven general
 * registers and spins on a compare with memory. flags_loop holds the
 * pattern in the arithmetic flags (CF PF AF ZF SF OF) and in five
 * registers; it spins with instructions that leave the flags alone
 * (movzbl, jecxz), so it needs ecx and uses eax for nothing. Not DF:
 * Sprout's kernel entry does not clear it, and C code (the kernel's and
 * libc's) assumes it clear.
 *
 * clobber_handler is the handler: it counts, trashes every register and
 * the flags, and makes the sigalarmreturn call itself (never returning).
 */
#define CALLS_ASM  5
#define FLAGS_PATTERN 0x8d5     /* OF SF ZF AF PF CF */

uint32_t after[9], esp_before;
static const uint32_t pattern[7] = {
	0x11111111, 0x22222222, 0x33333333, 0x44444444,
	0x55555555, 0x66666666, 0x77777777,
};
static const char *const reg_names[8] = {
	"eax", "ebx", "ecx", "edx", "esi", "edi", "ebp", "esp",
};

void regs_loop(void);
void flags_loop(void);
void clobber_handler(void);

#define STR(x) #x
#define XSTR(x) STR(x)

__asm__(
	".text\n"
	"regs_loop:\n"
	"	pushl %ebp; pushl %ebx; pushl %esi; pushl %edi\n"
	"	movl %esp, esp_before\n"
	"	movl $0x11111111, %eax; movl $0x22222222, %ebx\n"
	"	movl $0x33333333, %ecx; movl $0x44444444, %edx\n"
	"	movl $0x55555555, %esi; movl $0x66666666, %edi\n"
	"	movl $0x77777777, %ebp\n"
	"1:	cmpb $0, asm_done\n"
	"	je 1b\n"
	"	jmp store_regs\n"

	"flags_loop:\n"
	"	pushl %ebp; pushl %ebx; pushl %esi; pushl %edi\n"
	"	movl %esp, esp_before\n"
	"	movl $0x22222222, %ebx; movl $0x44444444, %edx\n"
	"	movl $0x55555555, %esi; movl $0x66666666, %edi\n"
	"	movl $0x77777777, %ebp\n"
	"	pushl $" XSTR(FLAGS_PATTERN) " | 0x202; popfl\n"
	"2:	movzbl asm_done, %ecx\n"
	"	jecxz 2b\n"

	"store_regs:\n"
	"	pushfl; popl after+32\n"
	"	movl %eax, after; movl %ebx, after+4\n"
	"	movl %ecx, after+8; movl %edx, after+12\n"
	"	movl %esi, after+16; movl %edi, after+20\n"
	"	movl %ebp, after+24; movl %esp, after+28\n"
	"	popl %edi; popl %esi; popl %ebx; popl %ebp\n"
	"	ret\n"

	"clobber_handler:\n"
	"	incl alarm_count\n"
	"	cmpl $" XSTR(CALLS_ASM) ", alarm_count\n"
	"	setae asm_done\n"
	"	pushl $0x202; popfl\n"      /* all arithmetic flags clear */
	"	movl $0xbad0bad0, %ebx; movl $0xbad1bad1, %ecx\n"
	"	movl $0xbad2bad2, %edx; movl $0xbad3bad3, %esi\n"
	"	movl $0xbad4bad4, %edi; movl $0xbad5bad5, %ebp\n"
	"	movl $" XSTR(__NR_sigalarmreturn) ", %eax\n"
	"	int $0x80\n"
	"	ud2\n"                       /* sigalarmreturn came back */
);

/* Run loop under clobber_handler; the registers of `kept` (a bit for
   each of reg_names) must hold their pattern, and esp its value. NULL
   if they do, else what went wrong. */
static const char *loop_keeps(void (*loop)(void), unsigned kept)
{
	static char why[80];

	loop();
	sigalarm(0, 0);
	for (int i = 0; i < 7; i++) {
		if ((kept & 1u << i) && after[i] != pattern[i]) {
			snprintf(why, sizeof(why), "%s was %#x, is %#x",
				 reg_names[i], pattern[i], after[i]);
			return why;
		}
	}
	if (after[7] != esp_before) {
		snprintf(why, sizeof(why), "esp was %#x, is %#x", esp_before,
			 after[7]);
		return why;
	}
	return NULL;
}

static void test_registers(void)
{
	const char *name = "registers survive", *why;

	if (!start(name, 1, clobber_handler))
		return;
	why = loop_keeps(regs_loop, 0x7f);
	expect(name, !why, "%s after the handler", why);
}

static void test_flags(void)
{
	const char *name = "eflags survive", *why;
	uint32_t flags;

	if (!start(name, 1, clobber_handler))
		return;
	why = loop_keeps(flags_loop, 0x7a);     /* not eax, ecx */
	flags = after[8] & FLAGS_PATTERN;
	expect(name, !why && flags == FLAGS_PATTERN, "%s after the handler",
	       why ? why : "the arithmetic flags changed");
	if (flags != FLAGS_PATTERN)
		printf("eflags & %#x was %#x, is %#x\n", FLAGS_PATTERN,
		       FLAGS_PATTERN, flags);
}

static void timed_out(int sig)
{
	(void)sig;
	char line[160];
	int n = snprintf(line, sizeof(line), "FAIL %s -- timed out: %d calls "
			 "of the handler\n", running_case, alarm_count);

	write(1, line, n);
	_exit(1);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGALRM, timed_out);
	alarm(60);
	test_runs();
	test_period();
	test_no_reentry();
	test_stop();
	test_return_outside();
	test_registers();
	test_flags();
	return 0;
}
