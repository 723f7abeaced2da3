/* Waiting for any of several descriptors: poll and ppoll. The POLL* bits
   and struct pollfd are the kernel's (<sprout/poll.h>). */
#ifndef _POLL_H
#define _POLL_H

#include <sys/types.h>
#include <sprout/poll.h>
#include <sprout/time.h>
#include <sprout/sigaction.h>

typedef unsigned long nfds_t;   /* the count of pollfds (the table's
				   line says unsigned long) */

/* poll: prototype from the kernel's system-call table. */
#define __SYSCALLS_poll __SYSCALLS_HERE
#include <bits/syscalls.h>
#undef __SYSCALLS_poll

/* poll with a timespec, waiting under sigmask (NULL: the caller's mask)
   (libc/select.c). */
int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *tmo_p,
	  const sigset_t *sigmask);

#endif
