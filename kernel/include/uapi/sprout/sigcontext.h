/*
 * What the kernel leaves on the user stack when it runs a signal handler,
 * laid out as Linux i386 lays it out, so that gdb can walk back through a
 * handler and libc's restorers work unchanged. docs/signals.md draws it.
 *
 * Without SA_SIGINFO the handler is called as handler(sig) on a
 * struct sigframe; with it, as handler(sig, &info, &uc) on a struct
 * rt_sigframe. Either way the handler's `ret` pops pretcode and lands in
 * the restorer (libc's, given with SA_RESTORER) or in the frame's own
 * retcode, which calls sigreturn (119) or rt_sigreturn (173). Those read
 * the saved registers back from the frame.
 */
#ifndef _SPROUT_SIGCONTEXT_H
#define _SPROUT_SIGCONTEXT_H

#include <sprout/sigaction.h>
#include <sprout/siginfo.h>

/* The floating-point registers. The first 112 bytes are the x87 state in
   FSAVE's format; with magic 0 the next 512 are FXSAVE's image, which
   also holds MXCSR and xmm0-7. Sprout restores from the FXSAVE image
   only. */
struct _fpreg {
	unsigned short significand[4];
	unsigned short exponent;
};

struct _fpxreg {
	unsigned short significand[4];
	unsigned short exponent;
	unsigned short padding[3];
};

struct _xmmreg {
	unsigned long element[4];
};

struct _fpstate {
	unsigned long cw, sw, tag, ipoff, cssel, dataoff, datasel;
	struct _fpreg _st[8];
	unsigned short status;  /* sw when the signal came */
	unsigned short magic;   /* X86_FXSR_MAGIC: the image below is there */
	/* FXSAVE's 512 bytes */
	unsigned long _fxsr_env[6];
	unsigned long mxcsr;
	unsigned long reserved;
	struct _fpxreg _fxsr_st[8];
	struct _xmmreg _xmm[8];
	unsigned long padding1[44];
	unsigned long padding2[12];
};

#define X86_FXSR_MAGIC 0x0000

/* The interrupted registers (88 bytes). */
struct sigcontext {
	unsigned short gs, __gsh;
	unsigned short fs, __fsh;
	unsigned short es, __esh;
	unsigned short ds, __dsh;
	unsigned long edi, esi, ebp, esp, ebx, edx, ecx, eax;
	unsigned long trapno, err, eip;
	unsigned short cs, __csh;
	unsigned long eflags;
	unsigned long esp_at_signal;
	unsigned short ss, __ssh;
	struct _fpstate *fpstate;
	unsigned long oldmask;  /* the blocked mask to restore, signals 1-32 */
	unsigned long cr2;      /* the faulting address of a page fault */
};

/* An SA_SIGINFO handler's third argument. */
struct ucontext {
	unsigned long uc_flags;
	struct ucontext *uc_link;
	stack_t uc_stack;               /* the alternate stack at the time */
	struct sigcontext uc_mcontext;  /* the interrupted registers */
	sigset_t uc_sigmask;            /* the blocked mask to restore */
};

/* The frame of a handler(sig). */
struct sigframe {
	unsigned long pretcode;         /* the handler's return address */
	int sig;                        /* its argument */
	struct sigcontext sc;
	struct _fpstate fpstate;        /* sc.fpstate points here */
	unsigned long extramask[1];     /* the mask's bits for signals 33-64 */
	char retcode[8];                /* popl %eax; movl $119,%eax; int $0x80 */
};

/* The frame of a handler(sig, info, uc). */
struct rt_sigframe {
	unsigned long pretcode;
	int sig;
	unsigned long pinfo;            /* &info */
	unsigned long puc;              /* &uc */
	siginfo_t info;
	struct ucontext uc;
	char retcode[8];                /* movl $173,%eax; int $0x80 */
	struct _fpstate fpstate;        /* uc.uc_mcontext.fpstate points here */
};

#endif
