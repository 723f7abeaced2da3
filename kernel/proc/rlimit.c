/*
 * Resource limits: getrlimit, setrlimit, prlimit64, and the checks that
 * live with the process (see docs/limits.md for where each limit bites).
 *
 * Each task carries RLIM_NLIMITS pairs (sched.h, task->rlim): the soft
 * limit, which the kernel enforces, and the hard limit, the most the soft
 * one may be raised to. fork copies the task_struct, so a child starts
 * with its parent's limits; exec leaves them alone. That is how `ulimit`
 * in a shell reaches every program the shell starts.
 *
 * Sprout has no capabilities and no users but root, so it treats every
 * process as Linux treats an unprivileged one: a hard limit, once
 * lowered, cannot be raised again (EPERM), and RLIMIT_NPROC applies to
 * everybody (Linux exempts root; the course wants `ulimit -u` to stop a
 * fork bomb).
 */
#include "proc/proc.h"
#include "signal/signal.h"
#include "sched/sched.h"
#include "fs/fs.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/rlimit.h>

#define INF RLIM_INFINITY

/* What process 0 starts with, and so every process: Linux's defaults,
   with the table sizes for the counted ones (NR_OPEN fds, NR_TASKS
   tasks: the real ceilings). */
static const struct rlimit init_rlimits[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = { INF, INF },
	[RLIMIT_FSIZE] = { INF, INF },
	[RLIMIT_DATA] = { INF, INF },
	[RLIMIT_STACK] = { STACK_MAX, INF },
	[RLIMIT_CORE] = { 0, INF },
	[RLIMIT_RSS] = { INF, INF },
	[RLIMIT_NPROC] = { NR_TASKS, NR_TASKS },
	[RLIMIT_NOFILE] = { NR_OPEN, NR_OPEN },
	[RLIMIT_MEMLOCK] = { 8 << 20, 8 << 20 },
	[RLIMIT_AS] = { INF, INF },
	[RLIMIT_LOCKS] = { INF, INF },
	[RLIMIT_SIGPENDING] = { NR_TASKS, NR_TASKS },
	[RLIMIT_MSGQUEUE] = { 819200, 819200 },
	[RLIMIT_NICE] = { 0, 0 },
	[RLIMIT_RTPRIO] = { 0, 0 },
	[RLIMIT_RTTIME] = { INF, INF },
};

void rlimit_init(void)
{
	memcpy(init_task->rlim, init_rlimits, sizeof(init_rlimits));
}

/* mm/ is below the task: it keeps its own copy of RLIMIT_STACK, in
   bytes the fault handler can use (never past the layout's STACK_MAX). */
void set_stack_limit(struct task_struct *t)
{
	rlim_t lim = t->rlim[RLIMIT_STACK].rlim_cur;

	t->mm->stack_limit = lim > STACK_MAX ? STACK_MAX
					    : ALIGN_DOWN(lim, PAGE_SIZE);
}

/* ---- the checks that belong to processes ---- */

/* Linux counts a user's processes, zombies too, and kernel threads are
   root's; here everyone is root, and a kernel thread (no program, no
   exe_path) is not counted, so `ulimit -u N` means N programs. */
static uint32_t nr_user_processes(void)
{
	struct task_struct *t;
	uint32_t n = 0;

	for_each_task(t)
		if (t->exe_path || t->state == TASK_ZOMBIE)
			n++;
	return n;
}

/* fork: EAGAIN when the caller's user already has RLIMIT_NPROC. The
   kernel's own threads (no program) start theirs unchecked. */
bool fork_over_nproc(void)
{
	return current->exe_path && nr_user_processes() >= rlimit(RLIMIT_NPROC);
}

static uint32_t page_span(uint32_t start, uint32_t end)
{
	return ALIGN_UP(end, PAGE_SIZE) - ALIGN_DOWN(start, PAGE_SIZE);
}

/*
 * May an address space laid out as mm exist under current's limits?
 * brk asks before it moves the break, exec before it commits the image.
 *   RLIMIT_DATA  data, bss and heap: from the writable segment to the
 *                break (Linux's check_data_rlimit)
 *   RLIMIT_AS    all of it: the pages of every VMA (mm->total_vm, which
 *                mmap checks the same way: may_expand_vm)
 */
bool mm_within_rlimits(const struct mm_struct *mm)
{
	uint32_t data_start = mm->end_data ? mm->start_data : mm->start_brk;
	uint64_t data = page_span(data_start, mm->brk);
	uint64_t as = (uint64_t)mm->total_vm * PAGE_SIZE;

	return data <= rlimit(RLIMIT_DATA) && as <= rlimit(RLIMIT_AS);
}

/*
 * RLIMIT_CPU, checked on every way back to user mode (entry/return.c),
 * which a busy program passes at each timer tick. Past the soft limit:
 * SIGXCPU, and the soft limit moves one second on, so the signal comes
 * again each second (Linux does the same); at the hard limit: SIGKILL.
 */
void check_cpu_rlimit(void)
{
	struct rlimit *lim = &current->rlim[RLIMIT_CPU];
	rlim_t secs;

	if (lim->rlim_cur == RLIM_INFINITY)     /* nearly always: be quick */
		return;
	secs = (current->utime + current->stime) / HZ;
	if (secs < lim->rlim_cur)
		return;
	if (secs >= lim->rlim_max) {
		send_sig(current, SIGKILL);
		return;
	}
	lim->rlim_cur++;
	send_sig(current, SIGXCPU);
}

/* ---- the system calls ---- */

/*
 * Read and/or set task t's limit on resource, Linux's do_prlimit: the
 * new soft limit may not pass the new hard one (EINVAL), the hard limit
 * may not rise (EPERM: see the top), and no more fds than the table has.
 */
static int do_prlimit(struct task_struct *t, unsigned int resource,
		      const struct rlimit *new, struct rlimit *old)
{
	struct rlimit *lim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	lim = &t->rlim[resource];
	if (new && new->rlim_cur > new->rlim_max)
		return -EINVAL;
	if (new && (new->rlim_max > lim->rlim_max ||
		    (resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN)))
		return -EPERM;
	if (old)
		*old = *lim;
	if (new) {              /* a process's limit: each thread's copy */
		struct task_struct *th;

		for_each_thread(t, th) {
			th->rlim[resource] = *new;
			if (resource == RLIMIT_STACK)
				set_stack_limit(th);
		}
	}
	return 0;
}

long sys_setrlimit(int resource, const struct rlimit *urlim)
{
	struct rlimit new;

	if (copy_from_user(&new, urlim, sizeof(new)))
		return -EFAULT;
	return do_prlimit(current, resource, &new, NULL);
}

/* ugetrlimit (191): the limit as it is. */
long sys_ugetrlimit(int resource, struct rlimit *urlim)
{
	struct rlimit old;
	int err = do_prlimit(current, resource, NULL, &old);

	if (!err && copy_to_user(urlim, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

/* The old getrlimit (76), from before rlim_t was unsigned: the values
   fit a signed long, so infinity reads as 0x7fffffff. */
long sys_getrlimit(int resource, struct rlimit *urlim)
{
	struct rlimit old;
	int err = do_prlimit(current, resource, NULL, &old);

	if (err)
		return err;
	if (old.rlim_cur > 0x7fffffff)
		old.rlim_cur = 0x7fffffff;
	if (old.rlim_max > 0x7fffffff)
		old.rlim_max = 0x7fffffff;
	return copy_to_user(urlim, &old, sizeof(old)) ? -EFAULT : 0;
}

/* prlimit64's 64-bit values and the kernel's 32-bit ones: whatever does
   not fit in 32 bits is infinity. */
static rlim_t rlim64_to_rlim(unsigned long long v)
{
	return v >= RLIM_INFINITY ? RLIM_INFINITY : (rlim_t)v;
}

static unsigned long long rlim_to_rlim64(rlim_t v)
{
	return v == RLIM_INFINITY ? RLIM64_INFINITY : v;
}

/* Any process's limits (pid 0: the caller's), read and set at once. */
long sys_prlimit64(pid_t pid, int resource, const struct rlimit64 *unew,
		   struct rlimit64 *uold)
{
	struct rlimit64 new64, old64;
	struct rlimit new, old;
	struct task_struct *t = pid > 0 ? find_task(pid) : current;
	int err;

	if (unew) {
		if (copy_from_user(&new64, unew, sizeof(new64)))
			return -EFAULT;
		new = (struct rlimit){ rlim64_to_rlim(new64.rlim_cur),
				       rlim64_to_rlim(new64.rlim_max) };
	}
	if (pid < 0 || !t)
		return -ESRCH;
	err = do_prlimit(t, resource, unew ? &new : NULL, uold ? &old : NULL);
	if (err || !uold)
		return err;
	old64 = (struct rlimit64){ rlim_to_rlim64(old.rlim_cur),
				   rlim_to_rlim64(old.rlim_max) };
	return copy_to_user(uold, &old64, sizeof(old64)) ? -EFAULT : 0;
}
