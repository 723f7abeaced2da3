/*
 * siginfo_t: what an SA_SIGINFO handler learns about its signal, 128
 * bytes laid out as Linux i386 lays them out (asm-generic/siginfo.h).
 * si_code says who sent it and why; it also says which member of the
 * union is filled in:
 *
 *   si_code <= 0 (kill, tkill) or SI_KERNEL   si_pid, si_uid (the sender)
 *   SIGCHLD, si_code CLD_*                    si_pid, si_uid, si_status
 *   SIGSEGV SIGBUS SIGFPE SIGILL SIGTRAP,     si_addr (the faulting
 *     si_code > 0 (a CPU exception)            address or instruction)
 */
#ifndef _SPROUT_SIGINFO_H
#define _SPROUT_SIGINFO_H

typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int _pad[29];
		struct {                /* kill(), tkill(), tgkill() */
			int _pid;
			unsigned int _uid;
		} _kill;
		struct {                /* SIGCHLD */
			int _pid;
			unsigned int _uid;
			int _status;    /* exit code, or the signal */
			long _utime, _stime;
		} _sigchld;
		struct {                /* SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP */
			void *_addr;
		} _sigfault;
	} _sifields;
} siginfo_t;

#define si_pid    _sifields._kill._pid
#define si_uid    _sifields._kill._uid
#define si_status _sifields._sigchld._status
#define si_utime  _sifields._sigchld._utime
#define si_stime  _sifields._sigchld._stime
#define si_addr   _sifields._sigfault._addr

/* si_code: who sent it (any signal) */
#define SI_USER    0            /* kill() */
#define SI_KERNEL  0x80         /* the kernel: the tty's ^C, alarm() */
#define SI_QUEUE   (-1)
#define SI_TIMER   (-2)
#define SI_TKILL   (-6)         /* tkill(), tgkill(): raise() */

/* why, for the CPU's exceptions */
#define ILL_ILLOPC 1            /* SIGILL: illegal opcode */
#define ILL_ILLOPN 2            /*         illegal operand */
#define FPE_INTDIV 1            /* SIGFPE: integer divide by zero */
#define FPE_INTOVF 2            /*         integer overflow */
#define FPE_FLTDIV 3            /*         floating-point divide by zero */
#define FPE_FLTOVF 4            /*         floating-point overflow */
#define FPE_FLTUND 5            /*         floating-point underflow */
#define FPE_FLTRES 6            /*         inexact result */
#define FPE_FLTINV 7            /*         invalid operation */
#define FPE_FLTSUB 8            /*         subscript out of range */
#define SEGV_MAPERR 1           /* SIGSEGV: nothing mapped there */
#define SEGV_ACCERR 2           /*          mapped, but not for this access */
#define BUS_ADRALN 1            /* SIGBUS: misaligned address */
#define BUS_ADRERR 2            /*         no such physical address */
#define TRAP_BRKPT 1            /* SIGTRAP: a breakpoint (int3) */
#define TRAP_TRACE 2            /*          a single step (eflags.TF) */

/* why, for SIGCHLD: what happened to the child */
#define CLD_EXITED    1
#define CLD_KILLED    2
#define CLD_DUMPED    3
#define CLD_TRAPPED   4
#define CLD_STOPPED   5
#define CLD_CONTINUED 6

#endif
