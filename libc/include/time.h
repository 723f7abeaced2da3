/* Clocks and sleeping. */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>
#include <sprout/time.h>

time_t time(time_t *t);
int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_gettime(clockid_t clock, struct timespec *ts);

#endif
