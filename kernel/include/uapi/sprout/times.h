/* times(): CPU times in clock ticks (sysconf(_SC_CLK_TCK), 100 a second),
   as Linux i386 (linux/times.h). */
#ifndef _SPROUT_TIMES_H
#define _SPROUT_TIMES_H

struct tms {
	long tms_utime;         /* this process, in user mode */
	long tms_stime;         /* this process, in the kernel */
	long tms_cutime;        /* its children waited for, and theirs */
	long tms_cstime;
};

#endif
