/*
 * Scheduling policies and CPU masks, as Linux's <linux/sched.h> and
 * sched_setaffinity(2) have them. Sprout schedules every task one way
 * (round robin, the time slice set by nice: docs/processes.md), which is
 * Linux's SCHED_OTHER; the real-time policies are refused (EPERM, what an
 * unprivileged Linux process gets), and there is one CPU.
 */
#ifndef _SPROUT_SCHED_POLICY_H
#define _SPROUT_SCHED_POLICY_H

#define SCHED_OTHER    0        /* time-sharing: the only one here */
#define SCHED_FIFO     1        /* real-time, first in first out */
#define SCHED_RR       2        /* real-time, round robin */
#define SCHED_BATCH    3
#define SCHED_IDLE     5
#define SCHED_DEADLINE 6
#define SCHED_RESET_ON_FORK 0x40000000  /* or'ed into a policy */

struct sched_param {
	int sched_priority;     /* 1..99 for FIFO and RR; 0 for the others */
};

/* The CPUs a task may run on, one bit each: sched_getaffinity's mask.
   Sprout has one CPU, CPU 0, and its own mask is one long. */
#define SPROUT_NR_CPUS 1

#endif
