/*
 * The handler's frame and sigreturn: every register, the flags and the
 * FPU come back exactly as they were when the handler returns, even when
 * the signal interrupts code that never calls the kernel. The frame
 * holds the saved context where the handler can read and change it; it
 * goes on the alternate stack for SA_ONSTACK handlers; a stack that
 * cannot take it ends the process with SIGSEGV. setjmp/longjmp and
 * sigsetjmp/siglongjmp are the other way out of a handler.
 */
#include "check.h"
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <setjmp.h>
#include <string.h>
#include <sys/wait.h>

static volatile int calls;

static void install_info(int sig, void (*fn)(int, siginfo_t *, void *),
			 int flags)
{
	struct sigaction sa = { .sa_sigaction = fn,
				.sa_flags = SA_SIGINFO | flags };

	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/*
 * regs_around_ud2(out): load known values into every general register,
 * set CF and DF, execute ud2, and store what the registers hold after
 * it into out[0..6] (eax ebx ecx edx esi edi ebp), eflags into out[7].
 * The SIGILL handler steps over the ud2; sigreturn must bring back the
 * rest untouched. esp before and after go to esp_before, esp_after.
 */
unsigned long esp_before, esp_after;
void regs_around_ud2(unsigned long *out);
__asm__(
	".globl regs_around_ud2\n"
	"regs_around_ud2:\n"
	"	pushl %ebp\n	pushl %ebx\n	pushl %esi\n	pushl %edi\n"
	"	pushl 20(%esp)\n"               /* out, at 0(%esp) */
	"	movl $0x11111111, %eax\n	movl $0x22222222, %ebx\n"
	"	movl $0x33333333, %ecx\n	movl $0x44444444, %edx\n"
	"	movl $0x55555555, %esi\n	movl $0x66666666, %edi\n"
	"	movl $0x77777777, %ebp\n"
	"	stc\n	std\n"
	"	movl %esp, esp_before\n"
	"	ud2\n"
	"	movl %esp, esp_after\n"
	"	pushfl\n	cld\n"
	"	pushl %eax\n"
	"	movl 8(%esp), %eax\n"           /* out */
	"	movl %ebx, 4(%eax)\n	movl %ecx, 8(%eax)\n"
	"	movl %edx, 12(%eax)\n	movl %esi, 16(%eax)\n"
	"	movl %edi, 20(%eax)\n	movl %ebp, 24(%eax)\n"
	"	popl %ebx\n	movl %ebx, 0(%eax)\n"
	"	popl %ebx\n	movl %ebx, 28(%eax)\n"
	"	addl $4, %esp\n"
	"	popl %edi\n	popl %esi\n	popl %ebx\n	popl %ebp\n"
	"	ret\n");

static struct sigcontext seen;

/* uc_mcontext holds the kernel's struct sigcontext, in our libc and in
   glibc alike; glibc only names its words differently (gregs[REG_EIP]),
   so both are copied out and back under the kernel's names. */
_Static_assert(sizeof(struct sigcontext) == sizeof(mcontext_t),
	       "uc_mcontext is a struct sigcontext");

static struct sigcontext get_sc(const ucontext_t *uc)
{
	struct sigcontext sc;

	memcpy(&sc, &uc->uc_mcontext, sizeof(sc));
	return sc;
}

static void skip_ud2(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;

	(void)sig;
	(void)si;
	seen = get_sc(uc);
	seen.eip += 2;                  /* over the ud2 */
	memcpy(&uc->uc_mcontext, &seen, sizeof(seen));
	seen.eip -= 2;
	/* trash what we can: the registers are restored from the frame */
	__asm__ volatile("movl $0, %%eax\n\tmovl $0, %%ecx\n\tmovl $0, %%edx\n\t"
			 "cld\n\tclc" : : : "eax", "ecx", "edx", "cc");
	calls++;
}

#define FL_CF 0x001
#define FL_DF 0x400

static void registers_exact(void)
{
	static const unsigned long want[7] = {
		0x11111111, 0x22222222, 0x33333333, 0x44444444,
		0x55555555, 0x66666666, 0x77777777,
	};
	unsigned long out[8] = { 0 };
	int same = 1;

	install_info(SIGILL, skip_ud2, 0);
	calls = 0;
	regs_around_ud2(out);
	signal(SIGILL, SIG_DFL);
	for (int i = 0; i < 7; i++)
		same &= out[i] == want[i];
	expect("the handler sees the interrupted registers in uc_mcontext",
	       calls == 1 && seen.eax == want[0] && seen.ebx == want[1] &&
	       seen.ecx == want[2] && seen.edx == want[3] &&
	       seen.esi == want[4] && seen.edi == want[5] &&
	       seen.ebp == want[6] && seen.esp == esp_before &&
	       (seen.eflags & (FL_CF | FL_DF)) == (FL_CF | FL_DF),
	       "%d calls, eax %lx ebp %lx esp %lx (was %lx) eflags %lx",
	       calls, seen.eax, seen.ebp, seen.esp, esp_before, seen.eflags);
	expect("after sigreturn every general register is as it was",
	       same && esp_after == esp_before,
	       "eax %lx ebx %lx ecx %lx edx %lx esi %lx edi %lx ebp %lx "
	       "esp %lx/%lx", out[0], out[1], out[2], out[3], out[4], out[5],
	       out[6], esp_before, esp_after);
	expect("after sigreturn CF and DF are as they were (set)",
	       (out[7] & (FL_CF | FL_DF)) == (FL_CF | FL_DF),
	       "eflags %lx", out[7]);
	expect("eip changed in the frame: the program goes on from there",
	       calls == 1, "%d calls", calls);
}

/*
 * A child spins with all seven registers holding the same counter, and
 * checks after each step that they still agree; the parent sends
 * signals at it meanwhile, and the handler uses every register. Exit 0:
 * signals came and nothing changed; 1: a register changed; 2: no signal.
 */
static volatile int spin_signals;

static void busy_handler(int sig)
{
	volatile double x = sig;

	for (int i = 0; i < 10; i++)
		x = x * 1.5 + i;
	spin_signals++;
}

static int lockstep(unsigned long rounds)
{
	int bad;

	__asm__ volatile(
		"pushl %%ebp\n\t"
		"pushl %%ebx\n\t"
		"xorl %%ebx, %%ebx\n\txorl %%ecx, %%ecx\n\txorl %%edx, %%edx\n\t"
		"xorl %%esi, %%esi\n\txorl %%edi, %%edi\n\txorl %%ebp, %%ebp\n"
		"1:\n\t"
		"incl %%ebx\n\tincl %%ecx\n\tincl %%edx\n\t"
		"incl %%esi\n\tincl %%edi\n\tincl %%ebp\n\t"
		"cmpl %%ebx, %%ecx\n\tjne 2f\n\tcmpl %%ebx, %%edx\n\tjne 2f\n\t"
		"cmpl %%ebx, %%esi\n\tjne 2f\n\tcmpl %%ebx, %%edi\n\tjne 2f\n\t"
		"cmpl %%ebx, %%ebp\n\tjne 2f\n\t"
		"cmpl %%ebx, %%eax\n\tjne 1b\n\t"
		"xorl %%eax, %%eax\n\tjmp 3f\n"
		"2:\n\tmovl $1, %%eax\n"
		"3:\n\t"
		"popl %%ebx\n\t"
		"popl %%ebp"
		: "=a"(bad) : "a"(rounds) : "ecx", "edx", "esi", "edi", "cc");
	return bad;
}

static void spinner(void)
{
	int bad = 0;

	install_handler(SIGUSR1, busy_handler, 0);
	kill(getppid(), SIGUSR2);               /* ready */
	/* Spin until a few signals have come, however fast the CPU: one
	   fixed count ended within a single time slice on a fast host,
	   before the parent ever ran to send one. */
	for (int i = 0; i < 500 && spin_signals < 5; i++)
		if ((bad = lockstep(1000000)))
			break;
	_exit(bad ? 1 : spin_signals ? 0 : 2);
}

static void async_registers(void)
{
	sigset_t usr2, old;
	pid_t pid, r = 0;
	int status = 0, sent = 0;

	install_handler(SIGUSR2, busy_handler, 0);
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr2, &old);
	spin_signals = 0;
	pid = fork();
	if (pid == 0)
		spinner();
	while (!spin_signals)
		sigsuspend(&old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	while ((r = waitpid(pid, &status, WNOHANG)) == 0) {
		kill(pid, SIGUSR1);
		sent++;
		sleep_ms(5);
	}
	expect("signals at a process that spins with every register in use "
	       "change none of them", r == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0, "%s after %d signals (1: a register "
	       "changed, 2: no handler ran)", describe(status), sent);
}

/*
 * The FPU: set xmm0, st0, the x87 control word and MXCSR, make the
 * system call that raises SIGUSR1, and read them all back. The handler
 * changes every one of them (and first records what it started with).
 */
static unsigned short handler_fcw;
static unsigned int handler_mxcsr;

__attribute__((target("sse2")))
static void fpu_handler(int sig)
{
	unsigned int junk[4] = { 1, 2, 3, 4 }, mx = 0x1f80 | 0x6000;
	unsigned short cw = 0x27f;
	double y = 99;

	(void)sig;
	__asm__ volatile("fnstcw %0\n\tstmxcsr %1" : "=m"(handler_fcw),
			 "=m"(handler_mxcsr));
	__asm__ volatile("movdqu %0, %%xmm0\n\tfldl %1\n\tfldl %1\n\t"
			 "fldcw %2\n\tldmxcsr %3"
			 : : "m"(junk), "m"(y), "m"(cw), "m"(mx) : "xmm0");
	calls++;
}

__attribute__((target("sse2")))
static void fpu_preserved(void)
{
	unsigned int in[4] = { 0xdeadbeef, 0x12345678, 0x9abcdef0, 0x0badcafe };
	unsigned int out[4];
	unsigned short cw = 0x37f | 0x400, cw_after;         /* round down */
	unsigned int mx = 0x1f80 | 0x4000, mx_after;        /* round up */
	double x = 2.718281828, y = 0;
	pid_t me = getpid();

	install_handler(SIGUSR1, fpu_handler, 0);
	calls = 0;
	__asm__ volatile(
		"movdqu %[in], %%xmm0\n\t"
		"fldl %[x]\n\t"
		"fldcw %[cw]\n\t"
		"ldmxcsr %[mx]\n\t"
		"movl $270, %%eax\n\t"          /* tgkill(me, me, SIGUSR1) */
		"int $0x80\n\t"
		"movdqu %%xmm0, %[out]\n\t"
		"fstpl %[y]\n\t"
		"fnstcw %[cwa]\n\t"
		"stmxcsr %[mxa]\n\t"
		"movw $0x37f, %[cw]\n\t"
		"fldcw %[cw]\n\t"
		"movl $0x1f80, %[mx]\n\t"
		"ldmxcsr %[mx]"
		: [out] "=m"(out), [y] "=m"(y), [cwa] "=m"(cw_after),
		  [mxa] "=m"(mx_after), [cw] "+m"(cw), [mx] "+m"(mx)
		: [in] "m"(in), [x] "m"(x), "b"(me), "c"(me), "d"(SIGUSR1)
		: "eax", "xmm0", "memory", "cc");
	expect("a handler that uses x87 and SSE leaves xmm0 and st0 as they were",
	       calls == 1 && !memcmp(in, out, sizeof(in)) && y == x,
	       "%d calls, xmm0 %x %x %x %x, st0 %f", calls, out[0], out[1],
	       out[2], out[3], y);
	expect("... and the x87 control word and MXCSR (rounding modes)",
	       cw_after == (0x37f | 0x400) && mx_after == (0x1f80 | 0x4000),
	       "fcw %x, mxcsr %x", cw_after, mx_after);
	expect("the handler starts with a clean FPU (fcw 0x37f, MXCSR 0x1f80)",
	       handler_fcw == 0x37f && (handler_mxcsr & ~0x3f) == 0x1f80,
	       "fcw %x, mxcsr %x", handler_fcw, handler_mxcsr);
}

/* What the frame holds: in an SA_SIGINFO handler, the saved FPU state
   (FXSAVE's image, magic 0) and the mask to put back; in a plain one,
   the sigcontext right above the sig argument. */
static unsigned long rt_oldmask, rt_fp_magic, rt_fp_mxcsr, rt_align;
static unsigned long plain_oldmask, plain_fp_magic;

static void rt_look(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	struct _fpstate *fp = get_sc(uc).fpstate;

	(void)sig;
	(void)si;
	memcpy(&rt_oldmask, &uc->uc_sigmask, sizeof(rt_oldmask));  /* 1-32 */
	rt_fp_magic = fp ? fp->magic : 0xdead;
	rt_fp_mxcsr = fp ? fp->mxcsr : 0;
	rt_align = ((unsigned long)__builtin_frame_address(0) + 8) & 15;
	calls++;
}

/* Above the handler's saved ebp: its return address, sig, then sc. */
static void plain_look(int sig)
{
	struct sigcontext *sc = (struct sigcontext *)
		((char *)__builtin_frame_address(0) + 12);

	(void)sig;
	plain_oldmask = sc->oldmask;
	plain_fp_magic = sc->fpstate ? sc->fpstate->magic : 0xdead;
	calls++;
}

static void frame_contents(void)
{
	sigset_t usr2, old;
	unsigned int mx = 0x1f80 | 0x2000, mx0 = 0x1f80;     /* round down */

	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr2, &old);
	install_info(SIGUSR1, rt_look, 0);
	calls = 0;
	__asm__ volatile("ldmxcsr %0" : : "m"(mx));
	raise(SIGUSR1);
	__asm__ volatile("ldmxcsr %0" : : "m"(mx0));
	expect("rt frame: uc_sigmask is the mask before the signal",
	       calls == 1 && rt_oldmask == (1ul << (SIGUSR2 - 1)),
	       "%d calls, mask %lx", calls, rt_oldmask);
	expect("rt frame: fpstate holds FXSAVE's image (magic 0) with MXCSR",
	       rt_fp_magic == 0 && (rt_fp_mxcsr & ~0x3f) == mx,
	       "magic %lx, mxcsr %lx", rt_fp_magic, rt_fp_mxcsr);
	expect("the handler's stack is aligned as after a call (esp+4 % 16 == 0)",
	       rt_align == 0, "off by %lu", rt_align);
	install_handler(SIGUSR1, plain_look, 0);
	raise(SIGUSR1);
	expect("plain frame: the sigcontext above sig has oldmask and fpstate",
	       calls == 2 && plain_oldmask == (1ul << (SIGUSR2 - 1)) &&
	       plain_fp_magic == 0, "%d calls, oldmask %lx, magic %lx", calls,
	       plain_oldmask, plain_fp_magic);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* Without SA_RESTORER the handler returns into code on the frame (or,
   on Linux, the vdso's copy of it): the bytes gdb knows. */
static const unsigned char sigreturn_bytes[] = {
	0x58, 0xb8, 0x77, 0, 0, 0, 0xcd, 0x80 };
static const unsigned char rt_sigreturn_bytes[] = {
	0xb8, 0xad, 0, 0, 0, 0xcd, 0x80 };
static unsigned char ret_bytes[8];

static void note_return(int sig)
{
	(void)sig;
	memcpy(ret_bytes, __builtin_return_address(0), sizeof(ret_bytes));
	calls++;
}

static void note_return_rt(int sig, siginfo_t *si, void *uc)
{
	(void)si;
	(void)uc;
	note_return(sig);
}

struct kernel_sa {
	void *handler;
	unsigned long flags;
	void *restorer;
	unsigned long mask[2];
};

static void no_restorer(void)
{
	struct kernel_sa ka = { (void *)note_return, 0, NULL, { 0, 0 } };
	int r;

	calls = 0;
	r = syscall(174, SIGUSR1, &ka, NULL, 8);        /* rt_sigaction */
	raise(SIGUSR1);
	expect("no SA_RESTORER: handler(sig) returns through "
	       "popl %eax; movl $119,%eax; int $0x80",
	       r == 0 && calls == 1 &&
	       !memcmp(ret_bytes, sigreturn_bytes, sizeof(sigreturn_bytes)),
	       "returned %d, %d calls, bytes %02x %02x %02x", r, calls,
	       ret_bytes[0], ret_bytes[1], ret_bytes[2]);
	ka = (struct kernel_sa){ (void *)note_return_rt, SA_SIGINFO, NULL,
				 { 0, 0 } };
	r = syscall(174, SIGUSR1, &ka, NULL, 8);
	raise(SIGUSR1);
	expect("no SA_RESTORER: an SA_SIGINFO handler returns through "
	       "movl $173,%eax; int $0x80", r == 0 && calls == 2 &&
	       !memcmp(ret_bytes, rt_sigreturn_bytes,
		       sizeof(rt_sigreturn_bytes)),
	       "returned %d, %d calls, bytes %02x %02x %02x", r, calls,
	       ret_bytes[0], ret_bytes[1], ret_bytes[2]);
	signal(SIGUSR1, SIG_DFL);
}

/* The frame cannot be written: esp points where nothing is mapped. */
static void raise_on_bad_stack(void)
{
	pid_t me = getpid();

	__asm__ volatile("movl $0x1000, %%esp\n\t"
			 "movl $270, %%eax\n\t"         /* tgkill */
			 "int $0x80\n\t"
			 "hlt" : : "b"(me), "c"(me), "d"(SIGUSR1) : "eax");
}

static void bad_stack_child(void)
{
	install_handler(SIGUSR1, note_return, 0);
	raise_on_bad_stack();
}

static void bad_stack_segv_handler_child(void)
{
	install_handler(SIGUSR1, note_return, 0);
	install_handler(SIGSEGV, note_return, 0);
	raise_on_bad_stack();
}

static char altstack[16384];

static void exit_42(int sig)
{
	(void)sig;
	_exit(42);
}

static void bad_stack_altstack_child(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };

	sigaltstack(&ss, NULL);
	install_handler(SIGUSR1, note_return, 0);
	install_handler(SIGSEGV, exit_42, SA_ONSTACK);
	raise_on_bad_stack();
}

static void bad_stack(void)
{
	int status = run_child(bad_stack_child);

	expect("a handler's frame on an unmapped stack: killed by SIGSEGV",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "%s",
	       describe(status));
	status = run_child(bad_stack_segv_handler_child);
	expect("... even with a SIGSEGV handler (its frame fails too)",
	       WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "%s",
	       describe(status));
	status = run_child(bad_stack_altstack_child);
	expect("... unless the SIGSEGV handler runs on the alternate stack",
	       WIFEXITED(status) && WEXITSTATUS(status) == 42, "%s",
	       describe(status));
}

static volatile unsigned long handler_sp;
static stack_t in_handler, uc_stack;
static int in_handler_err;

static void on_alt(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	int local;

	(void)sig;
	(void)si;
	handler_sp = (unsigned long)&local;
	sigaltstack(NULL, &in_handler);
	in_handler_err = sigaltstack(&ss, NULL) == -1 ? errno : 0;
	uc_stack = uc->uc_stack;
	calls++;
}

static int on_altstack(unsigned long sp)
{
	return sp >= (unsigned long)altstack &&
	       sp < (unsigned long)altstack + sizeof(altstack);
}

static void alternate_stack(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) }, old;
	int r, err;

	r = sigaltstack(NULL, &old);
	expect("at first there is no alternate stack (SS_DISABLE)",
	       r == 0 && old.ss_flags == SS_DISABLE, "returned %d, flags %d",
	       r, old.ss_flags);
	ss.ss_size = MINSIGSTKSZ - 1;
	r = sigaltstack(&ss, NULL);
	err = errno;
	expect("sigaltstack smaller than MINSIGSTKSZ fails with ENOMEM",
	       r == -1 && err == ENOMEM, "returned %d, errno %d", r, err);
	ss.ss_size = sizeof(altstack);
	ss.ss_flags = 99;
	r = sigaltstack(&ss, NULL);
	err = errno;
	expect("sigaltstack with bad flags fails with EINVAL",
	       r == -1 && err == EINVAL, "returned %d, errno %d", r, err);
	r = sigaltstack((void *)1, NULL);
	err = errno;
	expect("sigaltstack with a bad pointer fails with EFAULT",
	       r == -1 && err == EFAULT, "returned %d, errno %d", r, err);
	ss.ss_flags = 0;
	sigaltstack(&ss, NULL);
	install_info(SIGUSR1, on_alt, SA_ONSTACK);
	calls = 0;
	raise(SIGUSR1);
	expect("an SA_ONSTACK handler runs on the alternate stack",
	       calls == 1 && on_altstack(handler_sp), "%d calls, sp %lx, "
	       "stack %p..%p", calls, handler_sp, (void *)altstack,
	       (void *)(altstack + sizeof(altstack)));
	expect("... where sigaltstack says SS_ONSTACK",
	       in_handler.ss_flags == SS_ONSTACK, "ss_flags %d",
	       in_handler.ss_flags);
	expect("uc_stack: the alternate stack, not in use where the signal came",
	       uc_stack.ss_sp == altstack && uc_stack.ss_flags == 0 &&
	       uc_stack.ss_size == sizeof(altstack), "sp %p flags %d",
	       uc_stack.ss_sp, uc_stack.ss_flags);
	expect("... and it cannot be changed from there (EPERM)",
	       in_handler_err == EPERM, "errno %d", in_handler_err);
	install_info(SIGUSR1, on_alt, 0);
	raise(SIGUSR1);
	expect("a handler without SA_ONSTACK runs on the normal stack",
	       calls == 2 && !on_altstack(handler_sp), "sp %lx", handler_sp);
	sigaltstack(NULL, &old);
	expect("afterwards sigaltstack reports it, not in use (flags 0)",
	       old.ss_flags == 0 && old.ss_sp == altstack &&
	       old.ss_size == sizeof(altstack), "flags %d sp %p size %lu",
	       old.ss_flags, old.ss_sp, (unsigned long)old.ss_size);
	ss.ss_flags = SS_DISABLE;
	sigaltstack(&ss, NULL);
	sigaltstack(NULL, &old);
	expect("SS_DISABLE takes it away", old.ss_flags == SS_DISABLE,
	       "flags %d", old.ss_flags);
	signal(SIGUSR1, SIG_DFL);
}

/* Runaway recursion fills the stack; the SIGSEGV handler can run only on
   the alternate stack, and leaves with siglongjmp. */
static sigjmp_buf out_of_handler;
static volatile int overflow_caught;

static void segv_jump(int sig)
{
	(void)sig;
	overflow_caught = 1;
	siglongjmp(out_of_handler, 1);
}

static int recurse(int depth)
{
	volatile char page[4096];

	page[0] = (char)depth;
	if (depth > 16384)
		return 0;               /* 64 MiB and no fault: give up */
	return recurse(depth + 1) + page[0];
}

static void stack_overflow(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };

	sigaltstack(&ss, NULL);
	install_handler(SIGSEGV, segv_jump, SA_ONSTACK);
	overflow_caught = 0;
	if (sigsetjmp(out_of_handler, 1) == 0)
		recurse(0);
	signal(SIGSEGV, SIG_DFL);
	ss.ss_flags = SS_DISABLE;
	sigaltstack(&ss, NULL);
	expect("a stack overflow's SIGSEGV is caught on the alternate stack",
	       overflow_caught, "no SIGSEGV after 64 MiB of stack");
}

/* setjmp/longjmp, and the way out of a handler. */
static jmp_buf env;
static sigjmp_buf senv;

/* Called through a pointer, so the compiler does not see that it
   never returns. */
static void (*volatile jump)(jmp_buf, int) = longjmp;

static __attribute__((noinline)) void jump_from_deep(int depth, int val)
{
	if (depth > 0)
		jump_from_deep(depth - 1, val);
	else
		jump(env, val);
}

static void sigjump(int sig)
{
	(void)sig;
	siglongjmp(senv, 5);
}

static int usr1_blocked(void)
{
	sigset_t now;

	sigprocmask(SIG_BLOCK, NULL, &now);
	return sigismember(&now, SIGUSR1);
}

static void jumps(void)
{
	volatile int passes = 0;
	int r;

	r = setjmp(env);
	passes++;
	if (r == 0)
		jump_from_deep(10, 7);
	expect("longjmp from 10 calls down: setjmp returns again, with 7",
	       r == 7 && passes == 2, "returned %d, %d passes", r, passes);
	passes = 0;
	r = setjmp(env);
	passes++;
	if (r == 0)
		jump_from_deep(0, 0);
	expect("longjmp(env, 0) makes setjmp return 1", r == 1 && passes == 2,
	       "returned %d", r);

	install_handler(SIGUSR1, sigjump, 0);
	r = sigsetjmp(senv, 1);
	if (r == 0)
		raise(SIGUSR1);
	expect("siglongjmp out of a handler: sigsetjmp returns 5",
	       r == 5, "returned %d", r);
	expect("sigsetjmp(env, 1): the jump puts the mask back (SIGUSR1 "
	       "unblocked)", usr1_blocked() == 0, "SIGUSR1 still blocked");
	r = sigsetjmp(senv, 0);
	if (r == 0)
		raise(SIGUSR1);
	expect("sigsetjmp(env, 0): the mask stays as the handler had it "
	       "(SIGUSR1 blocked)", r == 5 && usr1_blocked() == 1,
	       "returned %d, blocked %d", r, usr1_blocked());
	{
		sigset_t none;

		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
	}
	signal(SIGUSR1, SIG_DFL);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	registers_exact();
	async_registers();
	fpu_preserved();
	frame_contents();
	no_restorer();
	bad_stack();
	alternate_stack();
	stack_overflow();
	jumps();
	return check_done();
}
