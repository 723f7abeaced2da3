/*
 * The OOM killer: what happens when a page for a user address cannot be
 * found, even after the page cache gave back its clean pages. Something
 * has to die; the question is who. Before, it was whoever asked next -
 * often a small process that did nothing wrong, sometimes process 1,
 * whose end powers the machine off.
 *
 * Linux's answer (mm/oom_kill.c) is a "badness" score: roughly the
 * memory killing a process gives back. Ours is the same idea, in pages:
 *
 *   badness(t) = resident pages (mm_rss_pages: not the shared zero page)
 *              + page-table pages (mm_pgtable_pages)
 *
 * and the rules around it:
 *   - kernel threads have no user memory: never chosen;
 *   - process 1 only when no other process is left to choose;
 *   - a process already killed (SIGKILL pending) and not gone yet is
 *     not chosen again: we wait for it, as its memory is on its way back.
 *
 *      mm/fault.c                        proc/oom_kill.c
 *   alloc_user_page():                 out_of_memory():
 *     alloc_page() -> NULL  ---------->  victim = dying one, or the worst
 *                                        SIGKILL it, printk why
 *     retry  <-------- true -----------  wait until its mm is freed
 *     give up <------- false ----------  (the victim is us, or it took
 *                                         too long: maybe it waits for a
 *                                         lock we hold)
 *
 * mm/ is below proc/, so mm calls out_of_memory through a hook that
 * oom_init() sets (set_oom_killer), as the page cache's reclaim is
 * reached (set_page_reclaim).
 */
#include "proc/proc.h"
#include "signal/signal.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"

/* How long the caller waits for a victim to free its memory. A victim
   asleep on a lock the caller holds (the fs lock, in a read()) can never
   exit meanwhile: after this, the caller gives up its page instead -
   a system call returns what it copied - and the lock goes free. */
#define OOM_WAIT_TICKS HZ

static bool being_killed(const struct task_struct *t)
{
	return (t->signal & sigmask(SIGKILL)) != 0;
}

uint32_t oom_badness(struct task_struct *t)
{
	return mm_rss_pages(t->mm) + mm_pgtable_pages(t->mm);
}

/* The process to free memory from: one already dying if there is one;
   else the largest badness, process 1 counting only if alone.
   *init_larger: process 1 was passed over though it is larger. */
static struct task_struct *select_victim(bool *init_larger)
{
	struct task_struct *t, *worst = NULL, *init = NULL;
	uint32_t worst_pages = 0;

	for_each_task(t) {
		if (!t->mm->pgdir)
			continue;       /* a kernel thread, or a zombie */
		if (being_killed(t))
			return t;
		if (t->pid == 1) {
			init = t;
			continue;
		}
		uint32_t pages = oom_badness(t);
		if (!worst || pages > worst_pages) {
			worst = t;
			worst_pages = pages;
		}
	}
	*init_larger = worst && init && oom_badness(init) > worst_pages;
	return worst ? worst : init;
}

/* Until t's memory is back (do_exit frees the page tables, then its slot
   may be reused), we are killed, or OOM_WAIT_TICKS pass. */
static bool wait_for_victim(struct task_struct *t, pid_t pid)
{
	uint32_t deadline = jiffies + OOM_WAIT_TICKS;

	while (t->pid == pid && t->mm->pgdir) {
		if (being_killed(current) || (int32_t)(jiffies - deadline) >= 0)
			return false;
		schedule_timeout(1);
	}
	return !being_killed(current);
}

static bool out_of_memory(void)
{
	bool init_larger;
	struct task_struct *victim = select_victim(&init_larger);

	if (!victim)
		return false;
	if (!being_killed(victim)) {
		printk("oom: killed process %d (%s): %u KiB resident, the most "
		       "of any process%s\n", victim->pid, victim->comm,
		       mm_rss_pages(victim->mm) * (PAGE_SIZE / 1024),
		       init_larger ? " but process 1" : "");
		send_sig(victim, SIGKILL);
	}
	if (victim == current)
		return false;           /* our own end: give the page up */
	return wait_for_victim(victim, victim->pid);
}

void oom_init(void)
{
	set_oom_killer(out_of_memory);
}
