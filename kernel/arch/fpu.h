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

/* The FXSAVE image. Only the first words have names we use. */
struct fpu_state {
	uint16_t fcw;               /* x87 control word: masks, rounding */
	uint16_t fsw;               /* x87 status word */
	uint8_t rest_of_header[20];
	uint32_t mxcsr;             /* SSE control and status */
	uint32_t mxcsr_mask;
	uint8_t regs[FPU_STATE_SIZE - 32];  /* st0-7, xmm0-7, reserved */
} __attribute__((aligned(16)));

/* What a new program starts with: FNINIT's x87 state (all exceptions
   masked, round to nearest, 64-bit precision) and MXCSR's reset value. */
#define FCW_DEFAULT   0x037F
#define MXCSR_DEFAULT 0x1F80

void fpu_init(void);            /* boot: turn on the FPU and SSE */
void fpu_init_state(struct fpu_state *s);      /* a new program's state */

static inline void fpu_save(struct fpu_state *s)
{
	__asm__ volatile("fxsave %0" : "=m"(*s));
}

static inline void fpu_restore(const struct fpu_state *s)
{
	__asm__ volatile("fxrstor %0" : : "m"(*s));
}

#endif
