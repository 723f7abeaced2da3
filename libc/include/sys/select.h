/* Waiting for any of several descriptors with bitmaps: select, pselect,
   fd_set and its macros (libc/select.c). */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <sys/types.h>
#include <sprout/select.h>
#include <sprout/time.h>
#include <sprout/sigaction.h>

#define FD_ZERO(s) do { \
	for (unsigned int __i = 0; \
	     __i < sizeof((s)->fds_bits) / sizeof((s)->fds_bits[0]); __i++) \
		(s)->fds_bits[__i] = 0; \
} while (0)
#define __FD_WORD(fd)   ((fd) / __NFDBITS)
#define __FD_BIT(fd)    (1ul << ((fd) % __NFDBITS))
#define FD_SET(fd, s)   ((void)((s)->fds_bits[__FD_WORD(fd)] |= __FD_BIT(fd)))
#define FD_CLR(fd, s)   ((void)((s)->fds_bits[__FD_WORD(fd)] &= ~__FD_BIT(fd)))
#define FD_ISSET(fd, s) (((s)->fds_bits[__FD_WORD(fd)] & __FD_BIT(fd)) != 0)

int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	   struct timeval *timeout);
int pselect(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	    const struct timespec *timeout, const sigset_t *sigmask);

#endif
