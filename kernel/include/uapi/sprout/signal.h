/*
 * Signals as Linux i386 has them (see `man 7 signal`, `man 2 sigaction`):
 * the numbers and the constants. Only macros, which the host's C library
 * defines alike, so that kernel headers including this one also build in
 * the host unit tests. The structures sigaction, sigprocmask and
 * sigaltstack pass are <sprout/sigaction.h>; the siginfo a handler
 * receives is <sprout/siginfo.h>; the frame it runs on is
 * <sprout/sigcontext.h>.
 *
 * Sprout has the 31 standard signals only: sets are 64 bits wide in the
 * rt_* calls, as Linux's, but a signal number above 31 is EINVAL and the
 * bits for 32..64 in a mask are dropped.
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
#define SA_NOCLDSTOP 1          /* SIGCHLD: not for a child's stop/continue */
#define SA_NOCLDWAIT 2          /* SIGCHLD: children leave no zombies */
#define SA_SIGINFO   4          /* handler(sig, siginfo_t *, ucontext *) */
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

#endif
