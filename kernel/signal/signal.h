/*
 * Signals: a pending bit per signal in task->signal, a blocked mask in
 * task->blocked, and a per-signal action. Sending sets the bit; delivery
 * happens when the task is about to return to user mode (do_signal).
 *
 * signal/ sits above sched/ (it changes tasks' states and wakes them) and
 * below the drivers, files and processes that send signals.
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
bool sig_ignored_or_blocked(struct task_struct *t, int sig);

/* pgrp.c: process groups, as job control sees them (docs/jobs.md). */
pid_t session_of_pgrp(pid_t pgrp);      /* 0: no such group */
bool is_orphaned_pgrp(pid_t pgrp);

/* Act on current's deliverable signals, lowest first, on its way back to
   user mode. Returns a signal whose default action ends the process
   (the caller, entry/return.c, then calls do_exit), or 0. */
int do_signal(struct pt_regs *regs);

#endif
