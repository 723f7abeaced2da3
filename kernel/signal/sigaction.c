/*
 * The calls that change what signals do to the caller: sigaction (the
 * action for one signal), sigprocmask (the blocked mask), sigpending,
 * sigaltstack; and what fork and exec do to all of it.
 *
 * Linux i386 has each of the first three twice, and so does Sprout: the
 * old calls with 32-bit sets (sigaction 67, sigprocmask 126, sigpending
 * 73) and the rt_ calls with 64-bit sets and a sigsetsize argument that
 * must be 8 (174, 175, 176), which the C library uses. Both end in the
 * same function. Sprout has signals 1..31 only: bits for 32..64 are
 * dropped on the way in and zero on the way out.
 */
#include "signal/action.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "include/syscall.h"
#include <sprout/errno.h>

/* Set the action for sig (act) and/or tell the old one (oact). */
static int do_sigaction(int sig, const struct sigaction_k *act,
			struct sigaction_k *oact)
{
	struct sigaction_k *ka;
	uint32_t flags;

	if (!valid_signal(sig) || (act && (sigmask(sig) & UNBLOCKABLE)))
		return -EINVAL;
	ka = &current->sighand->action[sig - 1];
	if (oact)
		*oact = *ka;
	if (act) {
		*ka = *act;
		ka->mask &= ALL_SIGNALS & ~UNBLOCKABLE;
		/* POSIX: a pending signal whose action becomes "ignore" is
		   thrown away, blocked or not. */
		if (sig_ignored(current, sig)) {
			flags = irq_save();
			current->signal &= ~sigmask(sig);
			irq_restore(flags);
		}
	}
	return 0;
}

long sys_rt_sigaction(int sig, const struct kernel_sigaction *uact,
		      struct kernel_sigaction *uoact, size_t sigsetsize)
{
	struct kernel_sigaction ka;
	struct sigaction_k new, old;
	int err;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (uact) {
		if (copy_from_user(&ka, uact, sizeof(ka)))
			return -EFAULT;
		new = (struct sigaction_k){ ka.sa_handler, ka.sa_flags,
					    ka.sa_restorer, ka.sa_mask.sig[0] };
	}
	err = do_sigaction(sig, uact ? &new : NULL, &old);
	if (err || !uoact)
		return err;
	ka = (struct kernel_sigaction){ old.handler, old.flags, old.restorer,
					{ { old.mask, 0 } } };
	if (copy_to_user(uoact, &ka, sizeof(ka)))
		return -EFAULT;
	return 0;
}

long sys_sigaction(int sig, const struct old_sigaction *uact,
		   struct old_sigaction *uoact)
{
	struct old_sigaction oa;
	struct sigaction_k new, old;
	int err;

	if (uact) {
		if (copy_from_user(&oa, uact, sizeof(oa)))
			return -EFAULT;
		new = (struct sigaction_k){ oa.sa_handler, oa.sa_flags,
					    oa.sa_restorer, oa.sa_mask };
	}
	err = do_sigaction(sig, uact ? &new : NULL, &old);
	if (err || !uoact)
		return err;
	oa = (struct old_sigaction){ old.handler, old.mask, old.flags,
				     old.restorer };
	if (copy_to_user(uoact, &oa, sizeof(oa)))
		return -EFAULT;
	return 0;
}

/* signal(2), the oldest call: System V's semantics, which Linux keeps for
   it: the handler runs once, then the action is SIG_DFL again, and the
   signal is not blocked while its handler runs. (The C library's
   signal() calls rt_sigaction instead, with BSD's semantics.) Returns
   the old handler. */
long sys_signal(int sig, __sighandler_t handler)
{
	struct sigaction_k new = { handler, SA_RESETHAND | SA_NODEFER, NULL, 0 };
	struct sigaction_k old;
	int err = do_sigaction(sig, &new, &old);

	return err ? err : (long)old.handler;
}

/* sigprocmask's work. SIGKILL and SIGSTOP silently stay unblocked. A
   signal this unblocks is delivered on the way back from the call,
   before the program's next instruction. */
static int set_blocked(int how, uint32_t set)
{
	uint32_t blocked = current->blocked;

	switch (how) {
	case SIG_BLOCK:
		blocked |= set;
		break;
	case SIG_UNBLOCK:
		blocked &= ~set;
		break;
	case SIG_SETMASK:
		blocked = set;
		break;
	default:
		return -EINVAL;
	}
	set_current_blocked(blocked);
	return 0;
}

static int put_sigset(sigset_t *uset, uint32_t mask)
{
	sigset_t set = { { mask, 0 } };

	return copy_to_user(uset, &set, sizeof(set)) ? -EFAULT : 0;
}

long sys_rt_sigprocmask(int how, const sigset_t *uset, sigset_t *uoset,
			size_t sigsetsize)
{
	uint32_t old = current->blocked;
	sigset_t set;
	int err;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (uset) {
		if (copy_from_user(&set, uset, sizeof(set)))
			return -EFAULT;
		err = set_blocked(how, set.sig[0]);
		if (err)
			return err;
	}
	return uoset ? put_sigset(uoset, old) : 0;
}

long sys_sigprocmask(int how, const old_sigset_t *uset, old_sigset_t *uoset)
{
	uint32_t old = current->blocked;
	old_sigset_t set;
	int err;

	if (uset) {
		if (copy_from_user(&set, uset, sizeof(set)))
			return -EFAULT;
		err = set_blocked(how, set);
		if (err)
			return err;
	}
	if (uoset && copy_to_user(uoset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* sigpending: the signals that wait because they are blocked. */
long sys_rt_sigpending(sigset_t *uset, size_t sigsetsize)
{
	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	return put_sigset(uset, current->signal & current->blocked);
}

long sys_sigpending(old_sigset_t *uset)
{
	old_sigset_t set = current->signal & current->blocked;

	if (copy_to_user(uset, &set, sizeof(set)))
		return -EFAULT;
	return 0;
}

/*
 * sigaltstack(ss, old): a stack for handlers installed with SA_ONSTACK,
 * so that one can run even when the program's own stack is full (the
 * SIGSEGV of a runaway recursion). It cannot be changed while a handler
 * runs on it (EPERM).
 */
long sys_sigaltstack(const stack_t *uss, stack_t *uoss)
{
	struct task_struct *me = current;
	uint32_t sp = task_pt_regs(me)->esp;
	stack_t old = { (void *)me->sas_ss_sp, sas_ss_flags(me, sp),
			me->sas_ss_size }, ss;

	if (uss) {
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		if (on_sig_stack(me, sp))
			return -EPERM;
		if (ss.ss_flags == SS_DISABLE) {
			ss.ss_sp = NULL;
			ss.ss_size = 0;
		} else if (ss.ss_flags != 0 && ss.ss_flags != SS_ONSTACK) {
			return -EINVAL;         /* SS_ONSTACK: as 0, as Linux */
		} else if (ss.ss_size < MINSIGSTKSZ) {
			return -ENOMEM;
		}
		me->sas_ss_sp = (uint32_t)ss.ss_sp;
		me->sas_ss_size = ss.ss_size;
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* A table of actions of one's own, a copy of old's. */
static struct sighand_struct *sighand_copy(const struct sighand_struct *old)
{
	struct sighand_struct *sh = kmalloc(sizeof(*sh));

	if (sh) {
		*sh = *old;
		sh->count = 1;
	}
	return sh;
}

/* fork: the child keeps the parent's actions (a copy of the table, or
   with CLONE_SIGHAND the very table), mask and alternate stack; it
   starts with nothing pending and no alarm (POSIX). 0 or -ENOMEM. */
int copy_signals(struct task_struct *child, bool share_actions)
{
	child->signal = 0;
	child->group_stop = 0;
	child->restore_blocked = false;
	init_itimer(child);
	if (share_actions) {
		child->sighand->count++;
		return 0;
	}
	child->sighand = sighand_copy(current->sighand);
	return child->sighand ? 0 : -ENOMEM;
}

/* The task is gone for good (reaped): one user fewer. */
void sighand_put(struct sighand_struct *sh)
{
	if (--sh->count == 0)
		kfree(sh);
}

/* exec: the new program's actions must not change another process's
   (one that shares the table through CLONE_SIGHAND without being our
   thread): a copy of our own first. 0 or -ENOMEM. */
int unshare_sighand(void)
{
	struct sighand_struct *sh;

	if (current->sighand->count == 1)
		return 0;
	if (!(sh = sighand_copy(current->sighand)))
		return -ENOMEM;
	sighand_put(current->sighand);
	current->sighand = sh;
	return 0;
}

/* exec: the handlers are in the old program, gone now, so caught signals
   go back to SIG_DFL; ignored ones stay ignored (that is how `nohup`
   works). The mask, pending signals and alarm stay; the alternate stack
   was in the old memory and goes. */
void flush_signal_handlers(struct task_struct *t)
{
	for (int i = 0; i < NSIG; i++) {
		struct sigaction_k *ka = &t->sighand->action[i];

		*ka = (struct sigaction_k){
			.handler = ka->handler == SIG_IGN ? SIG_IGN : SIG_DFL,
		};
	}
	t->sas_ss_sp = t->sas_ss_size = 0;
}
