/*
 * The scheduling-policy calls a program may ask about: sched_getscheduler,
 * sched_setscheduler, sched_getparam, sched_setparam, the priority range
 * of each policy, sched_rr_get_interval, the CPU affinity mask and getcpu.
 *
 * Sprout has one policy - every task takes turns round robin, its time
 * slice set by its nice value (sched/sched.c) - and one CPU. So these
 * calls mostly report: the policy is SCHED_OTHER, priority 0, the CPU set
 * is {0}. A request for what Sprout does not have is refused the way
 * Linux refuses an unprivileged process: EPERM for the real-time
 * policies, EINVAL for a CPU set without CPU 0.
 */
#include "proc/proc.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/sched_policy.h>

#define MAX_RT_PRIO 99          /* FIFO and RR priorities: 1..99 */
#define MASK_BYTES  sizeof(unsigned long)   /* the kernel's CPU mask */

/* pid 0 is the caller; a negative pid is no process at all. */
static int lookup(pid_t pid, struct task_struct **t)
{
	if (pid < 0)
		return -EINVAL;
	*t = pid ? find_task(pid) : current;
	return *t ? 0 : -ESRCH;
}

static bool real_time(int policy)
{
	return policy == SCHED_FIFO || policy == SCHED_RR;
}

long sys_sched_get_priority_max(int policy)
{
	if (real_time(policy))
		return MAX_RT_PRIO;
	if (policy == SCHED_OTHER || policy == SCHED_BATCH ||
	    policy == SCHED_IDLE || policy == SCHED_DEADLINE)
		return 0;
	return -EINVAL;
}

long sys_sched_get_priority_min(int policy)
{
	long max = sys_sched_get_priority_max(policy);

	return max > 0 ? 1 : max;       /* 1 for FIFO and RR, else 0 or error */
}

long sys_sched_getscheduler(pid_t pid)
{
	struct task_struct *t;

	return lookup(pid, &t) ?: SCHED_OTHER;
}

long sys_sched_getparam(pid_t pid, struct sched_param *uparam)
{
	struct sched_param p = { 0 };
	struct task_struct *t;
	int err;

	if (!uparam)
		return -EINVAL;
	if ((err = lookup(pid, &t)))
		return err;
	return copy_to_user(uparam, &p, sizeof(p)) ? -EFAULT : 0;
}

/*
 * Linux's checks, in its order: the arguments, the process, the policy
 * and the priority it allows, then permission. Only SCHED_OTHER at
 * priority 0 - what every task already has - passes them all here.
 */
static long set_policy(pid_t pid, int policy,
		       const struct sched_param *uparam)
{
	struct task_struct *t;
	struct sched_param p;
	int err;

	if (!uparam || pid < 0)
		return -EINVAL;
	if (copy_from_user(&p, uparam, sizeof(p)))
		return -EFAULT;
	if ((err = lookup(pid, &t)))
		return err;
	policy &= ~SCHED_RESET_ON_FORK;
	if (policy == SCHED_DEADLINE || sys_sched_get_priority_max(policy) < 0)
		return -EINVAL;
	if (p.sched_priority < sys_sched_get_priority_min(policy) ||
	    p.sched_priority > sys_sched_get_priority_max(policy))
		return -EINVAL;
	return policy == SCHED_OTHER ? 0 : -EPERM;
}

long sys_sched_setscheduler(pid_t pid, int policy,
			    const struct sched_param *uparam)
{
	if (policy < 0)
		return -EINVAL;
	return set_policy(pid, policy, uparam);
}

/* The policy stays; only its priority changes: SCHED_OTHER allows 0. */
long sys_sched_setparam(pid_t pid, const struct sched_param *uparam)
{
	return set_policy(pid, SCHED_OTHER, uparam);
}

/* The round-robin quantum: the task's time slice, in either layout. */
static long rr_interval(pid_t pid, void *uts, bool time64)
{
	struct task_struct *t;
	int err = lookup(pid, &t);

	if (err)
		return err;
	return put_user_timespec(uts, time64,
				 (uint64_t)t->priority * (NSEC_PER_SEC / HZ));
}

long sys_sched_rr_get_interval(pid_t pid, struct timespec *uts)
{
	return rr_interval(pid, uts, false);
}

long sys_sched_rr_get_interval_time64(pid_t pid, struct __kernel_timespec *uts)
{
	return rr_interval(pid, uts, true);
}

/*
 * Affinity. The user's mask may be any length: a short one stands for
 * zeros after it, a long one's extra CPUs do not exist. The set must
 * hold a CPU there is, which here means CPU 0.
 */
long sys_sched_setaffinity(pid_t pid, unsigned int len,
			   const unsigned long *umask)
{
	unsigned long mask = 0;
	struct task_struct *t;
	int err;

	if (copy_from_user(&mask, umask, len < MASK_BYTES ? len : MASK_BYTES))
		return -EFAULT;
	if ((err = lookup(pid, &t)))
		return err == -EINVAL ? -ESRCH : err;
	return mask & 1 ? 0 : -EINVAL;
}

/* The raw call returns the mask's size in bytes; the buffer must hold
   every CPU there is and be a whole number of longs (Linux's rules). */
long sys_sched_getaffinity(pid_t pid, unsigned int len, unsigned long *umask)
{
	unsigned long mask = (1ul << SPROUT_NR_CPUS) - 1;
	struct task_struct *t;
	int err;

	if (len * 8 < SPROUT_NR_CPUS || len % MASK_BYTES)
		return -EINVAL;
	if ((err = lookup(pid, &t)))
		return err == -EINVAL ? -ESRCH : err;
	if (copy_to_user(umask, &mask, MASK_BYTES))
		return -EFAULT;
	return MASK_BYTES;
}

/* Which CPU and NUMA node the caller runs on: 0 and 0. The cache
   argument is unused since Linux 2.6.24. */
static int put_zero(unsigned int *u)
{
	unsigned int zero = 0;

	return u && copy_to_user(u, &zero, sizeof(zero)) ? -EFAULT : 0;
}

long sys_getcpu(unsigned int *ucpu, unsigned int *unode, void *tcache)
{
	return put_zero(ucpu) ?: put_zero(unode);
}
