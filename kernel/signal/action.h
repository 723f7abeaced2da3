/*
 * signal/'s own header: what a signal does by default, and the tests on
 * a task's actions and masks that sending, sigaction and delivery share.
 */
#ifndef _SIGNAL_ACTION_H
#define _SIGNAL_ACTION_H

#include "signal/signal.h"
#include "sched/sched.h"
#include <sprout/sigaction.h>

/* The default actions (man 7 signal); the table is in deliver.c. */
enum sig_default {
	ACT_TERM,       /* end the process */
	ACT_CORE,       /* end it, "core dumped" in the wait status */
	ACT_IGNORE,     /* nothing */
	ACT_STOP,       /* stop it until SIGCONT */
	ACT_CONT,       /* continue it if stopped (done when sent) */
};

enum sig_default default_action(int sig);

/* SIGKILL and SIGSTOP can be neither caught, blocked nor ignored: every
   mask the user gives loses them. */
#define UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))
#define ALL_SIGNALS 0x7fffffffu        /* 1..31: what a mask may hold */
#define STOP_SIGNALS (sigmask(SIGSTOP) | sigmask(SIGTSTP) | \
		      sigmask(SIGTTIN) | sigmask(SIGTTOU))

static inline bool valid_signal(int sig)
{
	return sig >= 1 && sig < NSIG;
}

/* Does t's action for sig throw it away? SIGCONT's default work
   (continuing a stopped task) is done when it is sent, so like Linux it
   then counts as ignored: it must not interrupt a task that was not
   stopped. */
static inline bool sig_ignored(const struct task_struct *t, int sig)
{
	void (*h)(int) = t->sighand->action[sig - 1].handler;

	return h == SIG_IGN || (h == SIG_DFL && (default_action(sig) == ACT_IGNORE ||
						 default_action(sig) == ACT_CONT));
}

/* The alternate stack grows down from sas_ss_sp + sas_ss_size: is sp on
   it, i.e. is a handler running there? */
static inline bool on_sig_stack(const struct task_struct *t, uint32_t sp)
{
	return sp > t->sas_ss_sp && sp - t->sas_ss_sp <= t->sas_ss_size;
}

/* stack_t's ss_flags for t's alternate stack, seen from stack pointer sp. */
static inline int sas_ss_flags(const struct task_struct *t, uint32_t sp)
{
	if (!t->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(t, sp) ? SS_ONSTACK : 0;
}

/* A new blocked mask for current, without what cannot be blocked. */
static inline void set_current_blocked(uint32_t mask)
{
	current->blocked = mask & ALL_SIGNALS & ~UNBLOCKABLE;
}

void init_itimer(struct task_struct *t);        /* itimer.c: none armed */

#endif
