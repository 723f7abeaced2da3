/*
 * Signals in the C library: signal sets, sigaction() and the calls
 * around it, raise(), and the descriptions of the signals.
 *
 * sigaction() calls rt_sigaction with the kernel's layout of the
 * structure and always gives a restorer (sigreturn.S): where the handler
 * returns to, to ask the kernel to resume the interrupted code. Like
 * glibc it gives the rt one only for SA_SIGINFO handlers, whose frame
 * the kernel builds in the rt layout.
 */
#include <signal.h>
#include <setjmp.h>
#include <unistd.h>
#include <string.h>
#include <stdio.h>
#include <errno.h>
#include "syscall.h"

int sigemptyset(sigset_t *set)
{
	set->sig[0] = set->sig[1] = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	set->sig[0] = set->sig[1] = ~0ul;
	return 0;
}

static int bad_signal(int sig)
{
	if (sig > 0 && sig < NSIG)
		return 0;
	errno = EINVAL;
	return 1;
}

#define BIT(sig) (1ul << ((sig) - 1))   /* signal sig in sig[0] */

int sigaddset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	set->sig[0] |= BIT(sig);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	set->sig[0] &= ~BIT(sig);
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	return (set->sig[0] & BIT(sig)) != 0;
}

int sigaction(int sig, const struct sigaction *act, struct sigaction *oact)
{
	struct kernel_sigaction k, old;
	long r;

	if (act) {
		k.sa_handler = act->sa_handler;
		k.sa_flags = act->sa_flags | SA_RESTORER;
		k.sa_restorer = (act->sa_flags & SA_SIGINFO) ? __restore_rt
							     : __restore;
		k.sa_mask = act->sa_mask;
	}
	r = __sys_rt_sigaction(sig, act ? &k : NULL, oact ? &old : NULL,
			       sizeof(sigset_t));
	if (r < 0)
		return __syscall_ret(r);
	if (oact) {
		oact->sa_handler = old.sa_handler;
		oact->sa_mask = old.sa_mask;
		oact->sa_flags = old.sa_flags;
		oact->sa_restorer = old.sa_restorer;
	}
	return 0;
}

/* BSD's (and glibc's) signal(): the handler stays installed, its own
   signal is blocked while it runs, and interrupted calls restart. */
sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction sa = { .sa_flags = SA_RESTART }, old;

	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	if (sigaddset(&sa.sa_mask, sig) < 0 || sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *oset)
{
	return __syscall_ret(__sys_rt_sigprocmask(how, set, oset,
						  sizeof(sigset_t)));
}

int sigpending(sigset_t *set)
{
	return __syscall_ret(__sys_rt_sigpending(set, sizeof(sigset_t)));
}

int sigsuspend(const sigset_t *mask)
{
	return __syscall_ret(__sys_rt_sigsuspend(mask, sizeof(sigset_t)));
}

/* As glibc: the signal goes to this very thread, with si_code SI_TKILL. */
int raise(int sig)
{
	pid_t me = getpid();

	return tgkill(me, me, sig);
}

int __sigjmp_save(sigjmp_buf env, int savemask)
{
	env->__mask_was_saved = savemask &&
		sigprocmask(SIG_BLOCK, NULL, &env->__saved_mask) == 0;
	return 0;
}

void longjmp(jmp_buf env, int val)
{
	if (env->__mask_was_saved)
		sigprocmask(SIG_SETMASK, &env->__saved_mask, NULL);
	__longjmp(env, val ? val : 1);
}

void siglongjmp(sigjmp_buf env, int val) __attribute__((alias("longjmp")));

/* The descriptions, worded as glibc words them (kill -l, strsignal). */
const char *const sys_siglist[NSIG] = {
	[SIGHUP] = "Hangup",
	[SIGINT] = "Interrupt",
	[SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction",
	[SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted",
	[SIGBUS] = "Bus error",
	[SIGFPE] = "Floating point exception",
	[SIGKILL] = "Killed",
	[SIGUSR1] = "User defined signal 1",
	[SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User defined signal 2",
	[SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock",
	[SIGTERM] = "Terminated",
	[SIGSTKFLT] = "Stack fault",
	[SIGCHLD] = "Child exited",
	[SIGCONT] = "Continued",
	[SIGSTOP] = "Stopped (signal)",
	[SIGTSTP] = "Stopped",
	[SIGTTIN] = "Stopped (tty input)",
	[SIGTTOU] = "Stopped (tty output)",
	[SIGURG] = "Urgent I/O condition",
	[SIGXCPU] = "CPU time limit exceeded",
	[SIGXFSZ] = "File size limit exceeded",
	[SIGVTALRM] = "Virtual timer expired",
	[SIGPROF] = "Profiling timer expired",
	[SIGWINCH] = "Window changed",
	[SIGIO] = "I/O possible",
	[SIGPWR] = "Power failure",
	[SIGSYS] = "Bad system call",
};

char *strsignal(int sig)
{
	static char unknown[32];

	if (sig > 0 && sig < NSIG)
		return (char *)sys_siglist[sig];
	snprintf(unknown, sizeof(unknown), "Unknown signal %d", sig);
	return unknown;
}

void psignal(int sig, const char *s)
{
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, strsignal(sig));
	else
		fprintf(stderr, "%s\n", strsignal(sig));
}
