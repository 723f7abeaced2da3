/*
 * Waiting for a signal: pause() and sigsuspend(); and the temporary mask
 * that sigsuspend, ppoll and pselect wait under.
 *
 * Both sleep until a signal arrives that the caller does not block, and
 * both return -1 with EINTR once a handler has run: the kernel returns
 * -ERESTARTNOHAND, which the way back to user mode (deliver.c) turns
 * into EINTR if a handler runs, and into a restart of the call if none
 * does (a SIGSTOP then SIGCONT, say), so the wait goes on unseen.
 *
 * sigsuspend(mask) swaps in mask for the wait and puts the caller's own
 * mask back afterwards, in one step that no signal can slip between. The
 * old mask is put back only after the handler has run (it is the mask
 * saved in the handler's frame), so a signal that mask blocks cannot
 * interrupt the handler either. ppoll() and pselect() (fs/select.c) wait
 * under a mask of their own the same way.
 */
#include "signal/action.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "include/syscall.h"
#include <sprout/errno.h>

static long sleep_until_signal(void)
{
	while (!signal_pending(current)) {
		current->state = TASK_INTERRUPTIBLE;
		schedule();     /* sees a signal sent in between: returns */
	}
	return -ERESTARTNOHAND;
}

long sys_pause(void)
{
	return sleep_until_signal();
}

static void set_saved_sigmask(uint32_t mask)
{
	current->saved_blocked = current->blocked;
	current->restore_blocked = true;        /* by do_signal */
	set_current_blocked(mask);
}

int set_user_sigmask(const sigset_t *umask, size_t sigsetsize)
{
	sigset_t mask;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	set_saved_sigmask(mask.sig[0]);
	return 0;
}

void restore_saved_sigmask_unless(bool interrupted)
{
	if (interrupted || !current->restore_blocked)
		return;
	current->blocked = current->saved_blocked;
	current->restore_blocked = false;
}

long sys_rt_sigsuspend(const sigset_t *umask, size_t sigsetsize)
{
	int err = set_user_sigmask(umask, sigsetsize);

	return err ? err : sleep_until_signal();
}

/* The old i386 call: the mask is the third argument, the first two are
   left over from an older ABI. */
long sys_sigsuspend(int unused1, int unused2, old_sigset_t mask)
{
	set_saved_sigmask(mask);
	return sleep_until_signal();
}
