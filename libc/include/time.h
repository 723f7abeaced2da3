/* Clocks and sleeping. */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>
#include <sprout/time.h>

/* A date and time of day, "broken down" (libc/time.c). Sprout has no
   time zones: local time is UTC and tm_isdst is always 0. */
struct tm {
	int tm_sec;             /* 0-60 (60: a leap second, never made here) */
	int tm_min;             /* 0-59 */
	int tm_hour;            /* 0-23 */
	int tm_mday;            /* 1-31 */
	int tm_mon;             /* 0-11 */
	int tm_year;            /* years since 1900 */
	int tm_wday;            /* 0-6, Sunday 0 */
	int tm_yday;            /* 0-365 */
	int tm_isdst;           /* daylight saving: never */
};

/* clock(): CPU time used, in these units (clock.c) */
#define CLOCKS_PER_SEC 1000000L
clock_t clock(void);

struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *t, struct tm *tm);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *tm);
time_t mktime(struct tm *tm);
double difftime(time_t end, time_t start);
size_t strftime(char *buf, size_t size, const char *fmt, const struct tm *tm);
char *asctime(const struct tm *tm);
char *ctime(const time_t *t);

/* time, nanosleep, clock_gettime, clock_getres: prototypes from the
   kernel's table. */
#define __SYSCALLS_time __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_time

#endif
