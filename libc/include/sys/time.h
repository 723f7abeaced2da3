#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <sprout/time.h>

int gettimeofday(struct timeval *tv, struct timezone *tz);
int setitimer(int which, const struct itimerval *new_value,
	      struct itimerval *old_value);
int getitimer(int which, struct itimerval *curr_value);

#endif
