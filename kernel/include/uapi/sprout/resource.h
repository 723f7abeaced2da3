/*
 * getrusage and wait4's resource usage, as Linux i386 lays it out. Sprout
 * measures CPU time only (in ticks of 10 ms: see docs/processes.md); the
 * other counts are 0. And the niceness calls' PRIO_ values.
 */
#ifndef _SPROUT_RESOURCE_H
#define _SPROUT_RESOURCE_H

#include <sprout/time.h>
#include <sprout/rlimit.h>      /* getrlimit's RLIMIT_ and struct rlimit */

struct rusage {
	struct timeval ru_utime;        /* CPU time in user mode */
	struct timeval ru_stime;        /* CPU time in the kernel */
	long ru_maxrss;                 /* the rest: not counted, 0 */
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt;
	long ru_majflt;
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;
	long ru_nivcsw;
};

#define RUSAGE_SELF     0
#define RUSAGE_CHILDREN (-1)    /* the children waited for, and theirs */
#define RUSAGE_THREAD   1       /* the calling thread: the process here */

/* getpriority/setpriority: whose niceness (who 0: the caller's own) */
#define PRIO_PROCESS 0          /* process who */
#define PRIO_PGRP    1          /* every process of group who */
#define PRIO_USER    2          /* every process of user who */

#endif
