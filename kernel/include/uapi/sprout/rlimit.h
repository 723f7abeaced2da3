/*
 * The resource limits of getrlimit, setrlimit and prlimit64, as Linux
 * i386 numbers and lays them out (docs/limits.md). On its own, without
 * <sprout/time.h>, because the task_struct (sched.h) holds them.
 */
#ifndef _SPROUT_RLIMIT_H
#define _SPROUT_RLIMIT_H

/*
 * Each is a pair: a soft limit, the one enforced, and a hard limit, the
 * ceiling the soft one may be raised to. i386 numbers them as Linux's
 * generic list does. Sprout enforces the ones marked *; it keeps and
 * reports the others, as Linux would, without acting on them.
 */
#define RLIMIT_CPU        0     /* * seconds of CPU: SIGXCPU, then SIGKILL */
#define RLIMIT_FSIZE      1     /* * bytes a file may grow to: SIGXFSZ, EFBIG */
#define RLIMIT_DATA       2     /* * bytes of data, bss and heap */
#define RLIMIT_STACK      3     /* * bytes the stack may grow to */
#define RLIMIT_CORE       4     /*   core file size (no core dumps here) */
#define RLIMIT_RSS        5     /*   resident set (Linux ignores it too) */
#define RLIMIT_NPROC      6     /* * processes of the user: fork's EAGAIN */
#define RLIMIT_NOFILE     7     /* * one more than the highest fd: EMFILE */
#define RLIMIT_MEMLOCK    8     /*   locked memory */
#define RLIMIT_AS         9     /* * bytes of address space */
#define RLIMIT_LOCKS      10    /*   file locks */
#define RLIMIT_SIGPENDING 11    /*   queued signals */
#define RLIMIT_MSGQUEUE   12    /*   POSIX message queue bytes */
#define RLIMIT_NICE       13    /*   the highest nice setpriority may give */
#define RLIMIT_RTPRIO     14    /*   real-time priority */
#define RLIMIT_RTTIME     15    /*   real-time CPU, microseconds */
#define RLIM_NLIMITS      16

typedef unsigned long rlim_t;

/* setrlimit and getrlimit (ugetrlimit, 191) in the kernel's own word
   size; the old getrlimit (76) clamps both to 0x7fffffff. */
#define RLIM_INFINITY   (~0UL)
struct rlimit {
	rlim_t rlim_cur;                /* soft */
	rlim_t rlim_max;                /* hard */
};

/* prlimit64: 64-bit values on every architecture. */
#define RLIM64_INFINITY (~0ULL)
struct rlimit64 {
	unsigned long long rlim_cur;
	unsigned long long rlim_max;
};

#endif
