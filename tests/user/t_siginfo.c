/*
 * What an SA_SIGINFO handler learns: si_signo, and si_code saying who
 * sent the signal and why; then, by kind, the sender's pid (kill, tkill),
 * the child and its status (SIGCHLD), or the faulting address (a CPU
 * exception). Each CPU exception raises its own signal in the task that
 * caused it. A handler for a fault leaves with siglongjmp: returning
 * would run the faulting instruction again.
 */
#include "check.h"
#include <unistd.h>
#include <errno.h>
#include <signal.h>
#include <setjmp.h>
#include <string.h>
#include <sys/wait.h>

static siginfo_t got;
static volatile int calls;
static sigjmp_buf back;
static volatile int jump_back;          /* leave the handler by siglongjmp */

static void record(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	got = *si;
	calls++;
	if (sig != si->si_signo)
		got.si_signo = -sig;
	if (jump_back)
		siglongjmp(back, 1);
}

static void catch_info(int sig, int flags)
{
	struct sigaction sa = { .sa_sigaction = record,
				.sa_flags = SA_SIGINFO | flags };

	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void from_kill(void)
{
	memset(&got, 0, sizeof(got));
	catch_info(SIGUSR1, 0);
	kill(getpid(), SIGUSR1);
	expect("kill: si_signo SIGUSR1, si_code SI_USER, si_pid me, si_uid 0",
	       got.si_signo == SIGUSR1 && got.si_code == SI_USER &&
	       got.si_pid == getpid() && got.si_uid == getuid(),
	       "signo %d code %d pid %d uid %u", got.si_signo, got.si_code,
	       got.si_pid, got.si_uid);
	memset(&got, 0, sizeof(got));
	raise(SIGUSR1);
	expect("raise (tgkill): si_code SI_TKILL, si_pid me",
	       got.si_signo == SIGUSR1 && got.si_code == SI_TKILL &&
	       got.si_pid == getpid(), "signo %d code %d pid %d",
	       got.si_signo, got.si_code, got.si_pid);
}

static void kill_parent(void)
{
	kill(getppid(), SIGUSR2);
}

static void from_child(void)
{
	sigset_t usr2, old;
	pid_t pid;
	int status;

	memset(&got, 0, sizeof(got));
	catch_info(SIGUSR2, 0);
	sigemptyset(&usr2);
	sigaddset(&usr2, SIGUSR2);
	sigprocmask(SIG_BLOCK, &usr2, &old);
	calls = 0;
	pid = fork();
	if (pid == 0) {
		kill_parent();
		_exit(0);
	}
	while (!calls)
		sigsuspend(&old);
	sigprocmask(SIG_SETMASK, &old, NULL);
	waitpid(pid, &status, 0);
	expect("kill from a child: si_pid is the child's",
	       got.si_code == SI_USER && got.si_pid == pid,
	       "code %d pid %d, child %d", got.si_code, got.si_pid, pid);
}

/* Run fn with a SA_SIGINFO handler for sig that jumps back here. */
static int fault(int sig, void (*fn)(void))
{
	memset(&got, 0, sizeof(got));
	catch_info(sig, 0);
	jump_back = 1;
	calls = 0;
	if (sigsetjmp(back, 1) == 0)
		fn();
	jump_back = 0;
	signal(sig, SIG_DFL);
	return calls;
}

static void write_null(void)
{
	*(volatile int *)0 = 1;
}

static void write_text(void)
{
	*(volatile unsigned char *)write_text = 0xc3;
}

/* Instructions whose address the handler should see in si_addr: each
   is at a global label. */
extern char ud2_at[], div_at[], int3_at[], hlt_at[];

__attribute__((noinline)) static void illegal(void)
{
	__asm__ volatile(".globl ud2_at\nud2_at: ud2");
}

__attribute__((noinline)) static void divide(void)
{
	__asm__ volatile(".globl div_at\ndiv_at: divl %%ecx"
			 : : "a"(1), "d"(0), "c"(0));
}

__attribute__((noinline)) static void breakpoint(void)
{
	__asm__ volatile(".globl int3_at\nint3_at: int3");
}

__attribute__((noinline)) static void privileged(void)
{
	__asm__ volatile(".globl hlt_at\nhlt_at: hlt");
}

static void faults(void)
{
	int n;

	n = fault(SIGSEGV, write_null);
	expect("NULL write: SIGSEGV, SEGV_MAPERR, si_addr 0",
	       n == 1 && got.si_signo == SIGSEGV && got.si_code == SEGV_MAPERR &&
	       got.si_addr == NULL, "%d calls, signo %d code %d addr %p", n,
	       got.si_signo, got.si_code, got.si_addr);
	n = fault(SIGSEGV, write_text);
	expect("write to read-only code: SIGSEGV, SEGV_ACCERR, si_addr there",
	       n == 1 && got.si_code == SEGV_ACCERR &&
	       got.si_addr == (void *)write_text, "%d calls, code %d addr %p",
	       n, got.si_code, got.si_addr);
	n = fault(SIGILL, illegal);
	expect("ud2: SIGILL, ILL_ILLOPN, si_addr the instruction",
	       n == 1 && got.si_signo == SIGILL && got.si_code == ILL_ILLOPN &&
	       got.si_addr == ud2_at, "%d calls, signo %d code %d addr %p "
	       "(ud2 at %p)", n, got.si_signo, got.si_code, got.si_addr,
	       (void *)ud2_at);
	n = fault(SIGFPE, divide);
	expect("divide by zero: SIGFPE, FPE_INTDIV, si_addr the instruction",
	       n == 1 && got.si_signo == SIGFPE && got.si_code == FPE_INTDIV &&
	       got.si_addr == div_at, "%d calls, signo %d code %d addr %p "
	       "(div at %p)", n, got.si_signo, got.si_code, got.si_addr,
	       (void *)div_at);
	n = fault(SIGSEGV, privileged);
	expect("hlt in user mode (#GP): SIGSEGV, SI_KERNEL",
	       n == 1 && got.si_signo == SIGSEGV && got.si_code == SI_KERNEL,
	       "%d calls, signo %d code %d", n, got.si_signo, got.si_code);
	n = fault(SIGTRAP, breakpoint);
	if (on_sprout())
		expect("int3: SIGTRAP, TRAP_BRKPT, si_addr after the int3",
		       n == 1 && got.si_code == TRAP_BRKPT &&
		       got.si_addr == int3_at + 1, "%d calls, code %d addr %p",
		       n, got.si_code, got.si_addr);
	else                    /* Linux says SI_KERNEL */
		expect("int3: SIGTRAP", n == 1 && got.si_signo == SIGTRAP,
		       "%d calls, signo %d", n, got.si_signo);
}

/* Single stepping: with eflags.TF set, every instruction traps. The
   handler turns TF off in the saved context, so the stepping stops when
   it returns: sigreturn takes eflags from the frame. */
static volatile int steps;

static void step(int sig, siginfo_t *si, void *ucv)
{
	ucontext_t *uc = ucv;
	struct sigcontext sc;   /* uc_mcontext's, in our libc and glibc alike */

	(void)sig;
	got = *si;
	steps++;
	memcpy(&sc, &uc->uc_mcontext, sizeof(sc));
	sc.eflags &= ~0x100u;
	memcpy(&uc->uc_mcontext, &sc, sizeof(sc));
}

static void single_step(void)
{
	struct sigaction sa = { .sa_sigaction = step, .sa_flags = SA_SIGINFO };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGTRAP, &sa, NULL);
	steps = 0;
	__asm__ volatile("pushfl\n\torl $0x100, (%%esp)\n\tpopfl\n\t"
			 "nop\n\tnop\n\tnop" : : : "memory", "cc");
	signal(SIGTRAP, SIG_DFL);
	expect("eflags.TF: SIGTRAP, TRAP_TRACE, once, as the handler clears TF",
	       steps == 1 && got.si_code == TRAP_TRACE, "%d steps, code %d",
	       steps, got.si_code);
}

#define MXCSR_ZM 0x200                  /* divide-by-zero masked */
#define FCW_ZM 0x4

__attribute__((noinline, target("sse")))
static void sse_divide_by_zero(void)
{
	float one = 1, zero = 0;
	unsigned int mxcsr = 0x1f80 & ~MXCSR_ZM;

	__asm__ volatile("ldmxcsr %2\n\tmovss %0, %%xmm0\n\tdivss %1, %%xmm0"
			 : : "m"(one), "m"(zero), "m"(mxcsr) : "xmm0");
}

__attribute__((noinline))
static void x87_divide_by_zero(void)
{
	unsigned short cw = 0x37f & ~FCW_ZM;
	double one = 1, zero = 0;

	__asm__ volatile("fldcw %2\n\tfldl %0\n\tfdivl %1\n\tfwait\n\tfstp %%st(0)"
			 : : "m"(one), "m"(zero), "m"(cw));
}

/* QEMU's TCG (7.2) sets MXCSR's flags but never raises #XM: then the SSE
   cases cannot apply. */
static void float_faults(void)
{
	int n, sse_traps;

	n = fault(SIGFPE, x87_divide_by_zero);
	expect("x87 1.0/0.0 with the exception unmasked: SIGFPE, FPE_FLTDIV",
	       n == 1 && got.si_code == FPE_FLTDIV, "%d calls, code %d", n,
	       got.si_code);
	n = fault(SIGFPE, sse_divide_by_zero);
	sse_traps = n > 0;
	if (sse_traps)
		expect("SSE 1.0/0.0 with the exception unmasked: SIGFPE, "
		       "FPE_FLTDIV", n == 1 && got.si_code == FPE_FLTDIV,
		       "%d calls, code %d", n, got.si_code);
	else
		skip("SSE 1.0/0.0 with the exception unmasked: SIGFPE, "
		     "FPE_FLTDIV", "this CPU does not raise #XM (QEMU's TCG)");
	if (!on_sprout()) {
		skip("a SIGFPE handler that returns: the x87 code goes on",
		     "Linux leaves the exception pending: it traps forever");
		skip("a SIGFPE handler that returns: the SSE code goes on",
		     "Linux leaves the exception pending: it traps forever");
		return;
	}
	catch_info(SIGFPE, 0);
	calls = 0;
	x87_divide_by_zero();
	expect("a SIGFPE handler that returns: the x87 code goes on",
	       calls == 1, "%d calls", calls);
	calls = 0;
	sse_divide_by_zero();
	if (sse_traps)
		expect("a SIGFPE handler that returns: the SSE code goes on",
		       calls == 1, "%d calls", calls);
	else
		skip("a SIGFPE handler that returns: the SSE code goes on",
		     "this CPU does not raise #XM (QEMU's TCG)");
	signal(SIGFPE, SIG_DFL);
}

/* SIGCHLD: si_code says what happened to the child, si_status the exit
   code or the signal. Wait for the next SIGCHLD with it blocked, so none
   is lost between fork and the wait. */
static sigset_t chld_old;

static void chld_catch(void)
{
	sigset_t chld;

	catch_info(SIGCHLD, 0);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &chld_old);
	calls = 0;
}

static void chld_wait(void)
{
	while (!calls)
		sigsuspend(&chld_old);
	calls = 0;
}

static void sigchld_info(void)
{
	pid_t pid;
	int status, ok;

	chld_catch();
	pid = fork();
	if (pid == 0)
		_exit(3);
	chld_wait();
	ok = got.si_signo == SIGCHLD && got.si_code == CLD_EXITED &&
	     got.si_pid == pid && got.si_status == 3;
	waitpid(pid, &status, 0);
	expect("SIGCHLD for _exit(3): CLD_EXITED, si_pid the child, si_status 3",
	       ok, "code %d pid %d (child %d) status %d", got.si_code,
	       got.si_pid, pid, got.si_status);

	pid = fork();
	if (pid == 0)
		for (;;)
			pause();
	kill(pid, SIGSTOP);
	chld_wait();
	expect("SIGCHLD for a stop: CLD_STOPPED, si_status SIGSTOP",
	       got.si_code == CLD_STOPPED && got.si_status == SIGSTOP &&
	       got.si_pid == pid, "code %d status %d", got.si_code,
	       got.si_status);
	kill(pid, SIGCONT);
	chld_wait();
	expect("SIGCHLD for a continue: CLD_CONTINUED, si_status SIGCONT",
	       got.si_code == CLD_CONTINUED && got.si_status == SIGCONT,
	       "code %d status %d", got.si_code, got.si_status);
	kill(pid, SIGTERM);
	chld_wait();
	waitpid(pid, &status, 0);
	expect("SIGCHLD for death by SIGTERM: CLD_KILLED, si_status SIGTERM",
	       got.si_code == CLD_KILLED && got.si_status == SIGTERM,
	       "code %d status %d", got.si_code, got.si_status);
	expect("death by SIGTERM: no core flag in the wait status",
	       WIFSIGNALED(status) && !WCOREDUMP(status), "status 0x%x",
	       status);

	pid = fork();
	if (pid == 0)
		write_null();
	chld_wait();
	waitpid(pid, &status, 0);
	if (on_sprout()) {
		expect("SIGCHLD for death by SIGSEGV: CLD_DUMPED, si_status SIGSEGV",
		       got.si_code == CLD_DUMPED && got.si_status == SIGSEGV,
		       "code %d status %d", got.si_code, got.si_status);
		expect("its wait status has the core flag (WCOREDUMP)",
		       WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV &&
		       WCOREDUMP(status), "status 0x%x", status);
	} else {                /* Linux: only if a core file was written */
		expect("SIGCHLD for death by SIGSEGV: CLD_DUMPED or CLD_KILLED",
		       (got.si_code == CLD_DUMPED || got.si_code == CLD_KILLED) &&
		       got.si_status == SIGSEGV, "code %d status %d",
		       got.si_code, got.si_status);
	}
	sigprocmask(SIG_SETMASK, &chld_old, NULL);
	signal(SIGCHLD, SIG_DFL);
}

int main(int argc, char **argv)
{
	check_init(argc, argv);
	from_kill();
	from_child();
	faults();
	single_step();
	float_faults();
	sigchld_info();
	return check_done();
}
