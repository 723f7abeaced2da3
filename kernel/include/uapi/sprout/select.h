/* select(2)'s descriptor sets, as Linux i386: a bitmap of FD_SETSIZE
   bits, descriptor n is bit n % 32 of fds_bits[n / 32]. */
#ifndef _SPROUT_SELECT_H
#define _SPROUT_SELECT_H

#define FD_SETSIZE 1024
#define __NFDBITS  (8 * (int)sizeof(unsigned long))

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / __NFDBITS];
} fd_set;

#endif
