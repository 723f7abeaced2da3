#ifndef _SCHED_H
#define _SCHED_H

int sched_yield(void);  /* give the CPU to another runnable process */

#endif
