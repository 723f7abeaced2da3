/*
 * The scheduler: round robin with time slices, the counter/priority idea
 * of Linux 0.11.
 *
 * Every task has a counter: the ticks left in its time slice. The timer
 * takes one tick from the running task (do_timer); when it reaches zero
 * the task is preempted, but only on its way back to user mode, because
 * the kernel itself is never preempted. schedule() runs the runnable task
 * with the largest counter; when every runnable task has used up its
 * slice, all counters are refilled:
 *
 *     counter = counter / 2 + priority
 *
 * Sleeping tasks keep half of what they had, so a task that often waits
 * (for the keyboard, the disk) comes back with a bigger counter and runs
 * first: interactive programs feel quick, and nobody starves.
 */
#include "proc/sched.h"
#include "arch/io.h"
#include "arch/timer.h"
#include "mm/vm.h"
#include "lib/printk.h"
#include "lib/string.h"
#include "include/syscall.h"

union task_union task_table[NR_TASKS] __attribute__((aligned(TASK_UNION_SIZE)));
struct task_struct *current = init_task;
bool need_resched;

void switch_to(struct task_struct *prev, struct task_struct *next);

_Static_assert(offsetof(struct task_struct, kernel_esp) == 12,
		      "switch.S uses this offset");

void sched_init(void)
{
	for (int i = 1; i < NR_TASKS; i++)
		task_table[i].task.state = TASK_UNUSED;
	*init_task = (struct task_struct){
		.state = TASK_RUNNING, .priority = DEF_PRIORITY,
		.comm = "idle",
	};
	tss_set_kernel_stack((uint32_t)&task_table[1]);  /* top of task 0 */
}

static bool timed_out(const struct task_struct *t)
{
	return (t->state == TASK_INTERRUPTIBLE ||
		t->state == TASK_UNINTERRUPTIBLE) &&
	       t->timeout && (int32_t)(jiffies - t->timeout) >= 0;
}

/* Wake sleepers whose timeout has passed, and interruptible sleepers
   that have a signal. */
static void wake_sleepers(void)
{
	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i].task;
		if (timed_out(t) || (t->state == TASK_INTERRUPTIBLE &&
				     signal_pending(t)))
			t->state = TASK_RUNNING;
	}
}

/* The runnable task with the most ticks left, refilling slices when all
   are spent. The idle task runs only when nobody else can. */
static struct task_struct *pick_next(void)
{
	for (;;) {
		struct task_struct *best = NULL;
		for (int i = 1; i < NR_TASKS; i++) {
			struct task_struct *t = &task_table[i].task;
			if (t->state == TASK_RUNNING &&
			    (!best || t->counter > best->counter))
				best = t;
		}
		if (!best)
			return init_task;
		if (best->counter > 0)
			return best;
		for (int i = 1; i < NR_TASKS; i++) {
			struct task_struct *t = &task_table[i].task;
			if (t->state != TASK_UNUSED)
				t->counter = t->counter / 2 + t->priority;
		}
	}
}

void schedule(void)
{
	uint32_t flags = irq_save();
	struct task_struct *prev = current, *next;

	need_resched = false;
	wake_sleepers();
	next = pick_next();
	if (next != prev) {
		current = next;
		tss_set_kernel_stack((uint32_t)next + TASK_UNION_SIZE);
		if (next->mm.pgdir != prev->mm.pgdir || !next->mm.pgdir)
			switch_mm(next->mm.pgdir);
		switch_to(prev, next);
	}
	irq_restore(flags);
}

/* The first thing a new task runs (from entry.S): interrupts were off
   in schedule() when it was switched to. */
void schedule_tail(void)
{
	sti();
}

void prepare_return_to_user(struct pt_regs *regs);

/* A forked child, about to leave the kernel for the first time. */
void fork_return(struct pt_regs *regs)
{
	schedule_tail();
	prepare_return_to_user(regs);
}

void do_timer(struct pt_regs *regs)
{
	if (user_mode(regs))
		current->utime++;
	else
		current->stime++;
	if (current != init_task && --current->counter <= 0) {
		current->counter = 0;
		need_resched = true;
	}
	for (int i = 1; i < NR_TASKS; i++) {     /* a sleep has ended? */
		struct task_struct *t = &task_table[i].task;
		if (timed_out(t)) {
			t->state = TASK_RUNNING;
			need_resched = true;
		}
	}
}

void wake_up_process(struct task_struct *t)
{
	if (t->state == TASK_INTERRUPTIBLE || t->state == TASK_UNINTERRUPTIBLE)
		t->state = TASK_RUNNING;
}

/* Sleep for about `ticks` timer ticks, or until a signal arrives. */
void schedule_timeout(uint32_t ticks)
{
	current->timeout = jiffies + ticks;
	current->state = TASK_INTERRUPTIBLE;
	schedule();
	current->timeout = 0;
}

/* ---- wait queues (see wait.h) ---- */

void prepare_to_wait(struct wait_queue *wq, long state)
{
	uint32_t flags = irq_save();
	struct task_struct *t;

	for (t = wq->head; t && t != current; t = t->wait_next)
		;
	if (!t) {
		current->wait_next = wq->head;
		wq->head = current;
	}
	current->state = state;
	irq_restore(flags);
}

void finish_wait(struct wait_queue *wq)
{
	uint32_t flags = irq_save();
	struct task_struct **pp = &wq->head;

	current->state = TASK_RUNNING;
	while (*pp && *pp != current)
		pp = &(*pp)->wait_next;
	if (*pp)
		*pp = current->wait_next;
	current->wait_next = NULL;
	irq_restore(flags);
}

void wake_up(struct wait_queue *wq)
{
	uint32_t flags = irq_save();

	for (struct task_struct *t = wq->head; t; t = t->wait_next)
		wake_up_process(t);
	irq_restore(flags);
}

/* The idle task: task 0, which main() becomes. It halts the CPU until an
   interrupt, then lets the scheduler look for work. */
void cpu_idle(void)
{
	for (;;) {
		schedule();
		__asm__ volatile("sti; hlt");
	}
}

long sys_sched_yield(void)
{
	current->counter = 0;   /* give up the rest of the slice */
	schedule();
	return 0;
}
