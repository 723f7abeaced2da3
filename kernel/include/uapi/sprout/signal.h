/*
 * Signals as Linux i386 has them (see `man 7 signal`, `man 2 sigaction`):
 * the numbers, the action flags, and the structures that sigaction(67),
 * rt_sigaction(174), sigprocmask and sigaltstack pass.
 *
 * Sprout has the 31 standard signals only: sets are 64 bits wide in the
 * rt_* calls, as Linux's, but a signal number above 31 is EINVAL and the
 * bits for 32..64 in a mask are dropped. The siginfo a handler receives
 * is <sprout/siginfo.h>; the frame it runs on is <sprout/sigcontext.h>.
 */
#ifndef _SPROUT_SIGNAL_H
#define _SPROUT_SIGNAL_H

#define SIGHUP     1
#define SIGINT     2
#define SIGQUIT    3
#define SIGILL     4
#define SIGTRAP    5
#define SIGABRT    6
#define SIGIOT     6
#define SIGBUS     7
#define SIGFPE     8
#define SIGKILL    9
#define SIGUSR1   10
#define SIGSEGV   11
#define SIGUSR2   12
#define SIGPIPE   13
#define SIGALRM   14
#define SIGTERM   15
#define SIGSTKFLT 16
#define SIGCHLD   17
#define SIGCONT   18
#define SIGSTOP   19
#define SIGTSTP   20
#define SIGTTIN   21
#define SIGTTOU   22
#define SIGURG    23
#define SIGXCPU   24
#define SIGXFSZ   25
#define SIGVTALRM 26
#define SIGPROF   27
#define SIGWINCH  28
#define SIGIO     29
#define SIGPOLL   SIGIO
#define SIGPWR    30
#define SIGSYS    31
#define NSIG      32            /* signals 1..31; no real-time signals */

#define SIG_DFL ((void (*)(int))0)
#define SIG_IGN ((void (*)(int))1)
#define SIG_ERR ((void (*)(int))-1)

/* sa_flags */
#define SA_NOCLDSTOP 0x00000001 /* SIGCHLD: not for a child's stop/continue */
#define SA_NOCLDWAIT 0x00000002 /* SIGCHLD: children leave no zombies */
#define SA_SIGINFO   0x00000004 /* handler(sig, siginfo_t *, ucontext *) */
#define SA_RESTORER  0x04000000 /* sa_restorer is where the handler returns */
#define SA_ONSTACK   0x08000000 /* run on the sigaltstack() stack */
#define SA_RESTART   0x10000000 /* restart an interrupted system call */
#define SA_NODEFER   0x40000000 /* do not block sig during its handler */
#define SA_RESETHAND 0x80000000 /* back to SIG_DFL once delivered */
#define SA_NOMASK    SA_NODEFER
#define SA_ONESHOT   SA_RESETHAND

/* sigprocmask's how */
#define SIG_BLOCK   0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* A set of signals as the rt_* calls pass it: 64 bits, signal n is bit
   n - 1 of sig[(n - 1) / 32]. sigsetsize must be sizeof(sigset_t), 8. */
typedef struct {
	unsigned long sig[2];
} sigset_t;

/* rt_sigaction(sig, act, oact, sigsetsize): Linux's kernel layout, which
   differs from the C library's struct sigaction in order and set size. */
struct kernel_sigaction {
	void (*sa_handler)(int);
	unsigned long sa_flags;
	void (*sa_restorer)(void);
	sigset_t sa_mask;
};

/* sigaction(67) and sigprocmask(126): the old calls, 32-bit sets. */
typedef unsigned long old_sigset_t;

struct old_sigaction {
	void (*sa_handler)(int);
	old_sigset_t sa_mask;
	unsigned long sa_flags;
	void (*sa_restorer)(void);
};

/* sigaltstack(): an alternate stack for handlers with SA_ONSTACK. */
typedef struct {
	void *ss_sp;
	int ss_flags;
	unsigned long ss_size;
} stack_t;

#define SS_ONSTACK  1           /* ss_flags: we are running on it now */
#define SS_DISABLE  2           /* there is none */
#define MINSIGSTKSZ 2048
#define SIGSTKSZ    8192

#endif
