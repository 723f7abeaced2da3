/*
 * Turning on the FPU and SSE at boot (see fpu.h for why each task has
 * its own copy of the registers), and the FPU's part in signals: the
 * state a handler starts with, images from signal frames, and SIGFPE's
 * si_code.
 *
 *   CR0.EM = 0   there is an FPU: run its instructions, do not trap
 *   CR0.MP = 1   WAIT/FWAIT checks CR0.TS too (with EM = 0, the setting
 *                Intel recommends)
 *   CR0.NE = 1   report x87 errors as exception 16 (#MF), not through
 *                the old PC's IRQ 13
 *   CR0.TS = 0   no lazy switching: the registers are always current's
 *   CR4.OSFXSR     the kernel saves SSE state with FXSAVE: SSE may run
 *   CR4.OSXMMEXCPT the kernel handles SSE exceptions (#XM, vector 19)
 */
#include "arch/fpu.h"
#include "arch/cpu.h"
#include "arch/io.h"
#include "arch/panic.h"
#include "lib/lib.h"
#include <sprout/siginfo.h>

#define CR0_MP  (1u << 1)
#define CR0_EM  (1u << 2)
#define CR0_TS  (1u << 3)
#define CR0_NE  (1u << 5)
#define CR4_OSFXSR     (1u << 9)
#define CR4_OSXMMEXCPT (1u << 10)
#define CPUID_FXSR     (1u << 24)   /* CPUID 1, edx */
#define CPUID_SSE      (1u << 25)

/* The exception flags, the same six bits in the x87 status word and in
   MXCSR (whose masks are the same six, 7 bits higher). */
#define FP_INVALID   0x01
#define FP_DENORMAL  0x02
#define FP_ZERODIV   0x04
#define FP_OVERFLOW  0x08
#define FP_UNDERFLOW 0x10
#define FP_PRECISION 0x20
#define FP_FLAGS     0x3f
#define FSW_STATUS   0x80ff     /* the flags, stack fault, summary, busy */
#define MXCSR_MASK_SHIFT 7

static struct fpu_state clean_state;    /* what fpu_clear() loads */
static uint32_t mxcsr_mask;

void fpu_init(void)
{
	if ((cpuid(1, 0).edx & (CPUID_FXSR | CPUID_SSE)) !=
	    (CPUID_FXSR | CPUID_SSE))
		panic("this CPU has no FXSAVE/SSE: Sprout needs a Pentium III "
		      "or later");
	write_cr0((read_cr0() & ~(CR0_EM | CR0_TS)) | CR0_MP | CR0_NE);
	write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	__asm__ volatile("fninit");
	/* FXSAVE says which MXCSR bits this CPU has (0: the first SSE
	   CPUs', 0xffbf); a signal frame may set only those. */
	fpu_save(&clean_state);
	mxcsr_mask = clean_state.mxcsr_mask ? clean_state.mxcsr_mask : 0xffbf;
	fpu_init_state(&clean_state);
}

void fpu_init_state(struct fpu_state *s)
{
	memset(s, 0, sizeof(*s));
	s->fcw = FCW_DEFAULT;
	s->mxcsr = MXCSR_DEFAULT;
}

void fpu_clear(void)
{
	fpu_restore(&clean_state);
}

void fpu_sanitize(struct fpu_state *s)
{
	s->mxcsr &= mxcsr_mask;
}

/* The unmasked flags that are set, in Linux's order of importance. */
static int fpe_code(uint32_t err)
{
	if (err & FP_INVALID)
		return FPE_FLTINV;
	if (err & FP_ZERODIV)
		return FPE_FLTDIV;
	if (err & FP_OVERFLOW)
		return FPE_FLTOVF;
	if (err & (FP_UNDERFLOW | FP_DENORMAL))
		return FPE_FLTUND;
	if (err & FP_PRECISION)
		return FPE_FLTRES;
	return 0;
}

/*
 * An unmasked floating-point exception. x87 (#MF) reports it at the next
 * x87 instruction, which has not run yet; SSE (#XM) at the faulting
 * instruction itself. Either is run again when a SIGFPE handler returns,
 * so the exception is cleared here or it would trap forever: the x87
 * flags are cleared; the SSE flags are cleared and the exception that
 * fired is masked, so that the instruction then gives IEEE's default
 * result. (Linux leaves both, and such a handler loops.)
 */
int fpu_math_error(struct fpu_state *s, bool simd)
{
	uint32_t err;

	fpu_save(s);
	if (simd) {
		err = s->mxcsr & FP_FLAGS & ~(s->mxcsr >> MXCSR_MASK_SHIFT);
		s->mxcsr = (s->mxcsr & ~FP_FLAGS) | (err << MXCSR_MASK_SHIFT);
	} else {
		err = s->fsw & FP_FLAGS & ~s->fcw;
		s->fsw &= ~FSW_STATUS;
	}
	fpu_restore(s);
	return fpe_code(err);
}
