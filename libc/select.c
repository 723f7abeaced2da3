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

/* What pselect6's sixth argument points at: the mask and its size. */
struct sigset_argpack {
	const sigset_t *ss;
	size_t ss_len;
};

/*
 * pselect6 is the one call with six arguments, and the sixth goes in ebp,
 * which the compiler will not hand out: the asm pushes the value first
 * (while the compiler's idea of the stack is still right), saves ebp,
 * loads ebp from the pushed copy, and undoes both after the trap.
 */
static long sys_pselect6(int nfds, fd_set *r, fd_set *w, fd_set *e,
			 struct timespec *ts, struct sigset_argpack *sig)
{
	long ret;

	__asm__ volatile("pushl %7\n\t"
			 "pushl %%ebp\n\t"
			 "movl 4(%%esp), %%ebp\n\t"
			 "int $0x80\n\t"
			 "popl %%ebp\n\t"
			 "addl $4, %%esp"
			 : "=a"(ret)
			 : "a"(308), "b"(nfds), "c"(r), "d"(w), "S"(e),
			   "D"(ts), "g"(sig)
			 : "memory");
	return ret;
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
	return __syscall_ret(sys_pselect6(nfds, readfds, writefds, exceptfds,
					  tp, &sig));
}
