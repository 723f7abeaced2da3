#ifndef _PROC_TIME_H
#define _PROC_TIME_H

#include "include/types.h"

void time_init(void);
uint64_t monotonic_ns(void);    /* nanoseconds since boot */
uint32_t get_seconds(void);     /* Unix time, for file timestamps */
uint32_t tsc_mhz(void);
uint32_t ticks_until(uint64_t deadline);        /* 0 once it has passed */

#endif
