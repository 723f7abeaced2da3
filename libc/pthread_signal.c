/* Signals and threads: pthread_kill sends to one thread of this process
   (tgkill); pthread_sigmask sets the calling thread's own mask. Both
   return the error instead of setting errno. */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include "pthread_impl.h"
#include "syscall.h"

int pthread_kill(pthread_t t, int sig)
{
	int tid = t->tid;

	if (!tid)
		return ESRCH;           /* it has ended */
	return -__sys_tgkill(getpid(), tid, sig);
}

int pthread_sigmask(int how, const sigset_t *set, sigset_t *oldset)
{
	return -__sys_rt_sigprocmask(how, set, oldset, sizeof(sigset_t));
}
