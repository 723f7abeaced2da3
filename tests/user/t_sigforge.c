/*
 * sigreturn and rt_sigreturn with frames a hostile program forged: the
 * kernel takes from a frame only what a program may set itself. Ring-0
 * or nonsense segment selectors, IOPL, VM and NT in eflags, IF clear, an
 * MXCSR with reserved bits (FXRSTOR would fault in the kernel), an FPU
 * image pointer into the kernel or nowhere, a frame in the kernel or at
 * the top of memory: each ends in the program's SIGSEGV, or in a landing
 * with sane user-mode state; never in a kernel panic. The landing checks
 * what it got and exits 0 if all is as a ring-3 program's must be.
 */
#include "check.h"
#include <stdint.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

#define NR_SIGRETURN 119
#define NR_RT_SIGRETURN 173

/* struct sigcontext, word by word (<sprout/sigcontext.h>, Linux's). */
enum { GS, FS, ES, DS, EDI, ESI, EBP, ESP, EBX, EDX, ECX, EAX, TRAPNO,
       ERR, EIP, CS, EFLAGS, ESP_AT_SIGNAL, SS, FPSTATE, OLDMASK, CR2,
       SC_WORDS };

#define FL_TF 0x100
#define FL_IF 0x200
#define FL_IOPL 0x3000
#define FL_NT 0x4000
#define FL_VM 0x20000
#define FXSR_OFFSET 112         /* the FXSAVE image in struct _fpstate */
#define MXCSR_OFFSET (FXSR_OFFSET + 24)

/* The forged frame, and the stack the landing runs on. */
static uint32_t frame[1024] __attribute__((aligned(16)));
static unsigned char fpimage[624] __attribute__((aligned(16)));
static unsigned char landing_stack[8192] __attribute__((aligned(16)));

/* The landings below call the kernel themselves, not the C library:
   after a forged sigreturn %gs may be null, and a C library may reach
   its thread block through %gs (glibc does; ours never). */
static void __attribute__((noreturn)) raw_exit(int code)
{
	__asm__ volatile("int $0x80" : : "a"(252), "b"(code));  /* exit_group */
	__builtin_unreachable();
}

/* Is sig blocked? rt_sigprocmask (175) reads the mask. */
static int raw_blocked(int sig)
{
	uint32_t mask[2] = { 0, 0 };
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(175), "b"(SIG_BLOCK),
			 "c"(0), "d"(mask), "S"(8) : "memory");
	return r == 0 && (mask[(sig - 1) / 32] >> ((sig - 1) % 32) & 1);
}

/* Where sigreturn lands: exit 0 if eflags and the segments are a ring-3
   program's, and SIGKILL and SIGSTOP are not blocked. */
static void landing(void)
{
	uint32_t fl, cs, ss, ds;

	__asm__ volatile("pushfl\n\tpopl %0\n\tmovl %%cs, %1\n\t"
			 "movl %%ss, %2\n\tmovl %%ds, %3"
			 : "=r"(fl), "=r"(cs), "=r"(ss), "=r"(ds));
	raw_exit((fl & (FL_IOPL | FL_NT | FL_VM)) || !(fl & FL_IF) ? 1 :
		 (cs & 3) != 3 || (ss & 3) != 3 || (ds & 3) != 3 ? 2 :
		 raw_blocked(SIGKILL) || raw_blocked(SIGSTOP) ? 3 : 0);
}

/* Where an FPU image with an exception pending lands: the first x87
   waiting instruction (fwait) raises it. */
static void fpu_landing(void)
{
	__asm__ volatile("fwait\n\tfld1\n\tfstp %%st(0)" : : : "memory");
	raw_exit(0);
}

/* Leave for sigreturn call nr with esp at sp. */
static void __attribute__((noreturn)) jump_sigreturn(uint32_t sp, int nr)
{
	__asm__ volatile("movl %0, %%esp\n\tint $0x80\n\thlt"
			 : : "r"(sp), "a"(nr) : "memory");
	__builtin_unreachable();
}

/* A context that lands sanely, for the cases to spoil. */
static void good_context(uint32_t *sc)
{
	memset(sc, 0, SC_WORDS * 4);
	sc[EIP] = (uint32_t)landing;
	sc[ESP] = (uint32_t)(landing_stack + sizeof(landing_stack) - 4);
	sc[EFLAGS] = 0x202;
}

/* sigreturn's frame: esp at sc (the handler popped pretcode and sig). */
static uint32_t *sigframe_sc(void)
{
	memset(frame, 0, sizeof(frame));
	good_context(&frame[2]);
	return &frame[2];
}

/* rt_sigreturn's frame: esp at sig (pretcode popped); uc_mcontext is 164
   bytes into the frame, uc_sigmask 252. */
static uint32_t *rt_sc(void)
{
	memset(frame, 0, sizeof(frame));
	good_context(&frame[41]);
	return &frame[41];
}

static void rt_go(void)
{
	jump_sigreturn((uint32_t)&frame[1], NR_RT_SIGRETURN);
}

static void ring0_segments(void)
{
	uint32_t *sc = sigframe_sc();

	sc[CS] = 0x08;
	sc[SS] = sc[DS] = sc[ES] = sc[FS] = sc[GS] = 0x10;
	jump_sigreturn((uint32_t)sc, NR_SIGRETURN);
}

static void bad_selectors(void)
{
	uint32_t *sc = sigframe_sc();

	sc[CS] = 0xfffb;
	sc[SS] = sc[DS] = sc[ES] = sc[FS] = sc[GS] = 0xfff7;
	jump_sigreturn((uint32_t)sc, NR_SIGRETURN);
}

static void privileged_eflags(void)
{
	uint32_t *sc = sigframe_sc();

	sc[EFLAGS] = ~(uint32_t)(FL_IF | FL_TF);   /* IOPL 3, NT, VM ... */
	jump_sigreturn((uint32_t)sc, NR_SIGRETURN);
}

static void mask_all(void)
{
	rt_sc();
	frame[63] = frame[64] = 0xffffffff;     /* uc_sigmask */
	rt_go();
}

static void reserved_mxcsr(void)
{
	uint32_t *sc = rt_sc();

	memset(fpimage, 0, sizeof(fpimage));
	fpimage[FXSR_OFFSET] = 0x7f;            /* fcw: all masked */
	fpimage[FXSR_OFFSET + 1] = 0x03;
	memset(fpimage + MXCSR_OFFSET, 0xff, 4);
	sc[FPSTATE] = (uint32_t)fpimage;
	rt_go();
}

/* x87 with every exception unmasked and one pending (the status word's
   summary bit set): raised at the landing's first x87 instruction, in
   user mode, as SIGFPE. */
static void pending_x87_exception(void)
{
	uint32_t *sc = rt_sc();

	memset(fpimage, 0, sizeof(fpimage));
	fpimage[FXSR_OFFSET + 2] = 0x81;        /* fsw: invalid, summary */
	fpimage[FXSR_OFFSET + 3] = 0x80;        /* busy */
	fpimage[MXCSR_OFFSET + 1] = 0x1f;       /* MXCSR's default 0x1f80 */
	fpimage[MXCSR_OFFSET] = 0x80;
	sc[FPSTATE] = (uint32_t)fpimage;
	sc[EIP] = (uint32_t)fpu_landing;
	rt_go();
}

static void kernel_fpstate(void)
{
	rt_sc()[FPSTATE] = 0xc0001000;
	rt_go();
}

static void unmapped_fpstate(void)
{
	rt_sc()[FPSTATE] = 0x1000;
	rt_go();
}

static void kernel_eip(void)
{
	rt_sc()[EIP] = 0xc0100000;
	rt_go();
}

static void kernel_frame(void)
{
	jump_sigreturn(0xc0000100, NR_SIGRETURN);
}

static void wrapping_frame(void)
{
	jump_sigreturn(4, NR_RT_SIGRETURN);
}

static int killed_by(int status, int sig)
{
	return WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

/* Either outcome is safe: sigreturn refused the frame (SIGSEGV, as
   Linux does for some), or it took only what is harmless and the landing
   found all in order (always, on Sprout). */
static void landed_or_segv(const char *name, void (*fn)(void))
{
	int status = run_child(fn);
	int landed = WIFEXITED(status) && WEXITSTATUS(status) == 0;

	expect(name, landed || (!on_sprout() && killed_by(status, SIGSEGV)),
	       "%s", describe(status));
}

static void segv(const char *name, void (*fn)(void))
{
	int status = run_child(fn);

	expect(name, killed_by(status, SIGSEGV), "%s", describe(status));
}

int main(int argc, char **argv)
{
	int status;

	check_init(argc, argv);
	landed_or_segv("sigreturn to ring-0 CS and SS: user segments or "
		       "SIGSEGV", ring0_segments);
	landed_or_segv("sigreturn with nonsense selectors: user segments or "
		       "SIGSEGV", bad_selectors);
	landed_or_segv("sigreturn with IOPL 3, NT, VM, IF clear: none of them "
		       "taken", privileged_eflags);
	landed_or_segv("rt_sigreturn with a mask of all ones: SIGKILL, SIGSTOP "
		       "stay unblocked", mask_all);
	landed_or_segv("rt_sigreturn with MXCSR's reserved bits set: no "
		       "FXRSTOR fault in the kernel", reserved_mxcsr);
	status = run_child(pending_x87_exception);
	expect("rt_sigreturn with an x87 exception pending: SIGFPE in user "
	       "mode", WIFSIGNALED(status) && WTERMSIG(status) == SIGFPE,
	       "%s", describe(status));
	segv("rt_sigreturn with fpstate in the kernel: SIGSEGV",
	     kernel_fpstate);
	segv("rt_sigreturn with fpstate unmapped: SIGSEGV", unmapped_fpstate);
	segv("rt_sigreturn to a kernel eip: SIGSEGV there", kernel_eip);
	segv("sigreturn with the frame in the kernel: SIGSEGV", kernel_frame);
	segv("rt_sigreturn with the frame wrapping past 4 GiB: SIGSEGV",
	     wrapping_frame);
	return check_done();
}
