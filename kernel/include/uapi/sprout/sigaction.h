/*
 * What sigaction(67), rt_sigaction(174), sigprocmask, sigpending,
 * sigsuspend and sigaltstack pass, laid out as Linux i386 has them. (The
 * host's C library has its own sigset_t and stack_t: kernel headers that
 * the host unit tests build do not include this file.)
 */
#ifndef _SPROUT_SIGACTION_H
#define _SPROUT_SIGACTION_H

#include <sprout/signal.h>

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

/* What signal(48) takes and gives back: a handler, SIG_DFL or SIG_IGN. */
typedef void (*__sighandler_t)(int);

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

/* pselect6(308)'s sixth argument points at this: the mask to wait under
   and its size (sizeof(sigset_t)); ss NULL leaves the mask alone. */
struct sigset_argpack {
	const sigset_t *ss;
	unsigned long ss_len;
};

#endif
