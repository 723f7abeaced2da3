/*
 * select, pselect and ppoll: the C library's side of the kernel's
 * _newselect, pselect6 and ppoll.
 *
 * pselect and ppoll promise to leave the caller's timeout alone, but the
 * kernel writes the time left into it (so that a restarted call waits
 * only for the rest): they hand it a copy. select keeps Linux's habit of
 * updating the timeval.
 */
#include "syscall.h"

int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	   struct timeval *timeout)
{
	return __syscall_ret(__sys__newselect(nfds, readfds, writefds,
					      exceptfds, timeout));
}

int ppoll(struct pollfd *fds, nfds_t nfds, const struct timespec *tmo_p,
	  const sigset_t *sigmask)
{
	struct timespec ts, *tp = NULL;

	if (tmo_p) {
		ts = *tmo_p;
		tp = &ts;
	}
	return __syscall_ret(__sys_ppoll(fds, nfds, tp, sigmask,
					 sizeof(sigset_t)));
}

int pselect(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	    const struct timespec *timeout, const sigset_t *sigmask)
{
	struct sigset_argpack sig = { sigmask, sizeof(sigset_t) };
	struct timespec ts, *tp = NULL;

	if (timeout) {
		ts = *timeout;
		tp = &ts;
	}
	return __syscall_ret(__sys_pselect6(nfds, readfds, writefds, exceptfds,
					    tp, &sig));
}
