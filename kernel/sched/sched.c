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
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include "include/syscall.h"

union task_union task_table[NR_TASKS] __attribute__((aligned(TASK_UNION_SIZE)));
struct task_struct *current = init_task;
bool need_resched;

_Static_assert(offsetof(struct task_struct, kernel_esp) == 12,
		      "switch.S uses this offset");

void sched_init(void)
{
	for (int i = 1; i < NR_TASKS; i++)
		task_table[i].task.state = TASK_UNUSED;
	*init_task = (struct task_struct){
		.state = TASK_RUNNING, .priority = DEF_PRIORITY,
		.comm = "idle",
		.next_task = init_task, .prev_task = init_task,
		.wait = { .task = init_task },
	};
	fpu_init_state(&init_task->fpu);
	tss_set_kernel_stack((uint32_t)&task_table[1]);  /* top of task 0 */
	switch_mm(&init_task->mm);
}

struct task_struct *find_task(pid_t pid)
{
	struct task_struct *t;

	for_each_task(t)
		if (t->pid == pid)
			return t;
	return NULL;
}

/* fork's new task: any unused slot of the table (fork then copies the
   parent over it and puts it on the ring). */
struct task_struct *task_slot(void)
{
	for (int i = 1; i < NR_TASKS; i++)
		if (task_table[i].task.state == TASK_UNUSED)
			return &task_table[i].task;
	return NULL;
}

void task_list_add(struct task_struct *t)
{
	t->next_task = init_task;
	t->prev_task = init_task->prev_task;
	init_task->prev_task->next_task = t;
	init_task->prev_task = t;
}

void task_release(struct task_struct *t)
{
	t->prev_task->next_task = t->next_task;
	t->next_task->prev_task = t->prev_task;
	t->state = TASK_UNUSED;
}

/*
 * Niceness is a task's time slice: DEF_PRIORITY ticks at nice 0, twice
 * that at -20, one tick at 19, in even steps between (Linux 2.0 did the
 * same). A nicer task is refilled with less, so it gets a smaller share
 * of the CPU while others are runnable; alone it still runs all the time.
 */
void set_nice(struct task_struct *t, int nice)
{
	t->nice = nice;
	t->priority = ((20 - nice) * DEF_PRIORITY + 10) / 20;
	if (t->counter > t->priority)   /* the slice under way shrinks too */
		t->counter = t->priority;
}

static bool timed_out(const struct task_struct *t)
{
	return (t->state == TASK_INTERRUPTIBLE ||
		t->state == TASK_UNINTERRUPTIBLE) &&
	       t->timeout && (int32_t)(jiffies - t->timeout) >= 0;
}

/* The runnable task with the most ticks left, refilling slices when all
   are spent. The idle task runs only when nobody else can. */
static struct task_struct *pick_next(void)
{
	struct task_struct *t, *best;

	for (;;) {
		best = NULL;
		for_each_task(t)
			if (t->state == TASK_RUNNING &&
			    (!best || t->counter > best->counter))
				best = t;
		if (!best)
			return init_task;
		if (best->counter > 0)
			return best;
		for_each_task(t)
			t->counter = t->counter / 2 + t->priority;
	}
}

/* Run the next task. A task that goes to sleep here records where it
   did (wchan, Linux's "wait channel"): the caller's return address, in
   the function with the wait_event() loop (pipe_read, wait4...), which
   says more than "schedule" would. One store, on every switch. */
static void __schedule(uint32_t wchan)
{
	uint32_t flags = irq_save();
	struct task_struct *prev = current, *next;

	need_resched = false;
	prev->wchan = wchan;
	/* A signal that came between "I will sleep" and here ends the sleep
	   before it starts (send_sig wakes the ones already asleep). */
	if (prev->state == TASK_INTERRUPTIBLE && signal_pending(prev))
		prev->state = TASK_RUNNING;
	next = pick_next();
	if (next != prev) {
		current = next;
		fpu_save(&prev->fpu);
		fpu_restore(&next->fpu);
		tss_set_kernel_stack((uint32_t)next + TASK_UNION_SIZE);
		if (next->mm.pgdir != prev->mm.pgdir || !next->mm.pgdir)
			switch_mm(&next->mm);
		switch_to(prev, next);
	}
	irq_restore(flags);
}

void schedule(void)
{
	__schedule((uint32_t)__builtin_return_address(0));
}

/* The first thing a new task runs (from entry.S): interrupts were off
   in schedule() when it was switched to. */
void schedule_tail(void)
{
	sti();
}

void do_timer(struct pt_regs *regs)
{
	struct task_struct *t;

	if (user_mode(regs))
		current->utime++;
	else
		current->stime++;
	if (current != init_task && --current->counter <= 0) {
		current->counter = 0;
		need_resched = true;
	}
	for_each_task(t) {                      /* a sleep has ended? */
		if (timed_out(t)) {
			t->state = TASK_RUNNING;
			need_resched = true;
		}
	}
	run_timers();
	calc_load();
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
	__schedule((uint32_t)__builtin_return_address(0));  /* our caller's */
	current->timeout = 0;
}

/* The idle task: task 0, which main() becomes. It halts the CPU until an
   interrupt, then lets the scheduler look for work. The time halted is
   counted to the nanosecond: under QEMU's -icount it is the time spent
   waiting for the disk, which follows the host's clock, not the guest's
   instructions (docs/performance.md). */
uint64_t idle_ns;

void cpu_idle(void)
{
	for (;;) {
		schedule();
		uint64_t halted = monotonic_ns();
		__asm__ volatile("sti; hlt");
		idle_ns += monotonic_ns() - halted;
	}
}

long sys_sched_yield(void)
{
	current->counter = 0;   /* give up the rest of the slice */
	schedule();
	return 0;
}
