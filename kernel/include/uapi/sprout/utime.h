/* utime()'s times, as Linux i386 (linux/utime.h). */
#ifndef _SPROUT_UTIME_H
#define _SPROUT_UTIME_H

struct utimbuf {
	long actime;            /* access time */
	long modtime;           /* modification time */
};

#endif
