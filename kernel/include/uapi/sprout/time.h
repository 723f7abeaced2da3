/* Time structures and clocks, as Linux i386. */
#ifndef _SPROUT_TIME_H
#define _SPROUT_TIME_H

struct timespec {
	long tv_sec;
	long tv_nsec;
};

/* The time64 calls' timespec (clock_gettime64 ...): seconds that do not
   run out in 2038, on 32-bit machines too. */
struct __kernel_timespec {
	long long tv_sec;
	long long tv_nsec;
};

struct timeval {
	long tv_sec;
	long tv_usec;
};

/* setitimer/getitimer: the timer fires after it_value, then every
   it_interval (0: once). */
struct itimerval {
	struct timeval it_interval;
	struct timeval it_value;
};

#define ITIMER_REAL    0        /* real time: SIGALRM (alarm() uses it) */
#define ITIMER_VIRTUAL 1        /* user CPU time: not in Sprout (EINVAL) */
#define ITIMER_PROF    2        /* all CPU time: not in Sprout (EINVAL) */

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

#define CLOCK_REALTIME           0
#define CLOCK_MONOTONIC          1
#define CLOCK_PROCESS_CPUTIME_ID 2      /* the CPU time this process used */
#define CLOCK_THREAD_CPUTIME_ID  3      /* ... this thread: the same here */
#define CLOCK_MONOTONIC_RAW      4
#define CLOCK_REALTIME_COARSE    5
#define CLOCK_MONOTONIC_COARSE   6
#define CLOCK_BOOTTIME           7

#define TIMER_ABSTIME 0x01      /* clock_nanosleep: req is a time on the clock */

#endif
