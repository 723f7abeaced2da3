/*
 * Signals: a pending bit per signal in task->signal, a blocked mask in
 * task->blocked, and a per-signal action. Sending sets the bit; delivery
 * happens when the task is about to return to user mode (do_signal).
 */
#ifndef _SIGNAL_SIGNAL_H
#define _SIGNAL_SIGNAL_H

#include "include/types.h"
#include <sprout/signal.h>

struct task_struct;
struct pt_regs;

#define sigmask(sig) (1u << ((sig) - 1))

#define CONTINUED_STATUS 0xffff /* wait status of a child continued by
				   SIGCONT (WIFCONTINUED) */

int send_sig(struct task_struct *t, int sig);
void notify_parent(struct task_struct *t);      /* SIGCHLD and wake-up */
void force_sig(struct task_struct *t, int sig);  /* even if blocked/ignored */
int kill_pg(pid_t pgrp, int sig);
bool signal_pending(struct task_struct *t);
void do_signal(struct pt_regs *regs);

#endif
