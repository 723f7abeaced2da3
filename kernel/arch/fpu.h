/*
 * The floating-point unit: the x87 registers and the SSE registers
 * (xmm0-7, MXCSR). They belong to the program, like eax or esp, so each
 * task keeps its own copy, saved and loaded with FXSAVE/FXRSTOR (a
 * 512-byte image, Intel SDM vol. 1, 10.5.1). The kernel itself never
 * touches them (it is built with -mgeneral-regs-only), so they need no
 * saving on a trap: only when the CPU passes to another task (eager
 * switching, in schedule()), at fork, at exec and in a signal frame.
 */
#ifndef _ARCH_FPU_H
#define _ARCH_FPU_H

#include "include/types.h"

#define FPU_STATE_SIZE 512

/* The FXSAVE image (32-bit format). */
struct fpu_state {
	uint16_t fcw;               /* x87 control word: masks, rounding */
	uint16_t fsw;               /* x87 status word: flags, stack top */
	uint8_t ftw;                /* abridged tags: bit i set = register
				       i holds a value */
	uint8_t reserved1;
	uint16_t fop;               /* the last x87 instruction: opcode, */
	uint32_t fip;               /*   address, */
	uint16_t fcs, reserved2;    /*   code segment, */
	uint32_t fdp;               /*   operand address and */
	uint16_t fds, reserved3;    /*   its segment */
	uint32_t mxcsr;             /* SSE control and status */
	uint32_t mxcsr_mask;        /* the MXCSR bits this CPU has */
	uint8_t st[8][16];          /* st0-7: 80 bits each, padded */
	uint8_t xmm[8][16];         /* xmm0-7 */
	uint8_t reserved4[224];
} __attribute__((aligned(16)));

/* What a new program starts with: FNINIT's x87 state (all exceptions
   masked, round to nearest, 64-bit precision) and MXCSR's reset value. */
#define FCW_DEFAULT   0x037F
#define MXCSR_DEFAULT 0x1F80

void fpu_init(void);            /* boot: turn on the FPU and SSE */
void fpu_init_state(struct fpu_state *s);      /* a new program's state */
void fpu_clear(void);           /* load that state into the registers */
/* An image that came from user memory (a signal frame): clear the MXCSR
   bits FXRSTOR would fault on. */
void fpu_sanitize(struct fpu_state *s);
/* After #MF (x87) or #XM (simd): which floating-point exception it was,
   as SIGFPE's si_code (FPE_FLTDIV ...), 0 if none. s is saved, cleared
   of the exception and loaded again (see fpu.c). */
int fpu_math_error(struct fpu_state *s, bool simd);

static inline void fpu_save(struct fpu_state *s)
{
	__asm__ volatile("fxsave %0" : "=m"(*s));
}

static inline void fpu_restore(const struct fpu_state *s)
{
	__asm__ volatile("fxrstor %0" : : "m"(*s));
}

#endif
