/*
 * Signals. The numbers, SA_ and SIG_ constants, sigset_t, siginfo_t,
 * stack_t and the frame a handler runs on are the kernel's
 * (<sprout/signal.h>, <sprout/sigaction.h>, <sprout/siginfo.h>,
 * <sprout/sigcontext.h>), as they are Linux's. Sprout has signals 1 to
 * NSIG - 1 = 31: sigaddset() refuses the others with EINVAL, as the
 * kernel does.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <sprout/signal.h>
#include <sprout/sigaction.h>
#include <sprout/siginfo.h>
#include <sprout/sigcontext.h>

typedef int sig_atomic_t;
typedef void (*sighandler_t)(int);
typedef struct ucontext ucontext_t;     /* an SA_SIGINFO handler's 3rd */
typedef struct sigcontext mcontext_t;   /* uc_mcontext: eip, esp, ... */

/* The C library's struct sigaction (its layout is not the kernel's:
   sigaction() converts, and adds its restorer). */
struct sigaction {
	union {                 /* which one: SA_SIGINFO in sa_flags */
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	};
	sigset_t sa_mask;       /* blocked while the handler runs */
	int sa_flags;           /* SA_RESTART, SA_SIGINFO ... */
	void (*sa_restorer)(void);      /* set by sigaction() itself */
};

int raise(int sig);
sighandler_t signal(int sig, sighandler_t handler);
int sigaction(int sig, const struct sigaction *act, struct sigaction *oact);
int sigprocmask(int how, const sigset_t *set, sigset_t *oset);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

/* Each signal's description ("Segmentation fault"), as strsignal(). */
extern const char *const sys_siglist[NSIG];
void psignal(int sig, const char *s);   /* "s: description" on stderr */

/* Names without "SIG" (POSIX.1-2024), for kill -l and kill -TERM:
   sig2str(15, buf) gives "TERM"; str2sig("TERM" or "15", &sig). Both
   return 0, or -1 for an unknown signal (libc/signame.c). */
#define SIG2STR_MAX 16
int sig2str(int sig, char *str);
int str2sig(const char *str, int *sig);

/* kill, tgkill, sigaltstack: prototypes from the kernel's system-call
   table. */
#define __SYSCALLS_signal __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_signal

#endif
