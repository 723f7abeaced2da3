/*
 * The clocks: the TSC for fine time since boot, the CMOS real-time clock
 * for the date (clock.c, cmos.c). The periodic tick is timer.h's.
 */
#ifndef _ARCH_CLOCK_H
#define _ARCH_CLOCK_H

#include "include/types.h"

#define NSEC_PER_SEC 1000000000ULL

void clock_init(void);          /* calibrate the TSC, read the CMOS clock */
uint64_t monotonic_ns(void);    /* nanoseconds since boot */
uint64_t realtime_ns(void);     /* nanoseconds since 1970 (Unix time) */
uint32_t get_seconds(void);     /* Unix time, for file timestamps */
uint32_t tsc_mhz(void);
uint32_t ticks_until(uint64_t deadline);        /* 0 once it has passed */
uint32_t read_rtc(void);        /* cmos.c: Unix time from the CMOS clock */

#endif
