/*
 * The scheduler: round robin with time slices, the counter/priority idea
 * of Linux 0.11, over a run queue.
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
 *
 * Linux 0.11 found the runnable tasks by scanning the whole task table,
 * at every switch. Here they are on a run queue, a ring through the idle
 * task (sched.h), and the table is never scanned:
 *
 *   run queue:  init_task <-> sh <-> cat <-> (back to init_task)
 *
 *   wake_up_process()  puts a task on the ring's tail         O(1)
 *   schedule()         takes current off if it sleeps, and     O(runnable)
 *                      picks the largest counter on the ring
 *
 * A task is on the run queue exactly when its state is TASK_RUNNING, with
 * one exception that makes sleeping race-free: current, once it has said
 * "I sleep" (state = TASK_INTERRUPTIBLE, in prepare_to_wait()), stays on
 * the ring until schedule() takes it off. An interrupt that wakes it in
 * between only has to set its state back to TASK_RUNNING, and schedule()
 * then keeps it: the wake-up is not lost.
 *
 * The refill reaches the sleepers too, but lazily. A global epoch counts
 * the refills; a task on the run queue is always up to date (the refill
 * walks the run queue), and a sleeper, which missed some, catches up
 * when it is woken: it applies the refill once per missed epoch. That
 * gives the very counter Linux 0.11's scan of every task would have, and
 * is quick: counter/2 + priority settles at 2 * priority (or one less)
 * after a few rounds, where more rounds change nothing.
 */
#include "sched/sched.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include "include/syscall.h"

union task_union task_table[NR_TASKS] __attribute__((aligned(TASK_UNION_SIZE)));
struct task_struct *current = init_task;
bool need_resched;
static uint32_t sched_epoch;    /* refills so far (see the top) */

_Static_assert(offsetof(struct task_struct, kernel_esp) == 12,
		      "switch.S uses this offset");

/* The rings through the idle task. Each ring is a struct task_link in
   every task_struct, the one at `ring` bytes in (offsetof). */
#define TASKS offsetof(struct task_struct, tasks)
#define RUN   offsetof(struct task_struct, run)
#define TIMER offsetof(struct task_struct, timer)

static struct task_link *ring_link(struct task_struct *t, size_t ring)
{
	return (struct task_link *)((char *)t + ring);
}

/* Put t on a ring just before pos (before init_task: at the tail). */
static void ring_insert(struct task_struct *t, struct task_struct *pos,
			size_t ring)
{
	struct task_struct *prev = ring_link(pos, ring)->prev;

	*ring_link(t, ring) = (struct task_link){ .next = pos, .prev = prev };
	ring_link(prev, ring)->next = t;
	ring_link(pos, ring)->prev = t;
}

/* Take t off a ring; a NULL next says it is on none. */
static void ring_remove(struct task_struct *t, size_t ring)
{
	struct task_link *l = ring_link(t, ring);

	ring_link(l->prev, ring)->next = l->next;
	ring_link(l->next, ring)->prev = l->prev;
	l->next = l->prev = NULL;
}

/* The idle task's cwd, umask and signal actions, which the kernel
   threads it starts copy (fork.c). Never freed: one user for good. */
static struct fs_struct init_fs = { .users = 1 };
static struct sighand_struct init_sighand = { .count = 1 };

void sched_init(void)
{
	for (int i = 1; i < NR_TASKS; i++)
		task_table[i].task.state = TASK_UNUSED;
	*init_task = (struct task_struct){
		.state = TASK_RUNNING, .priority = DEF_PRIORITY,
		.comm = "idle",
		.tasks = { init_task, init_task },      /* three empty rings */
		.run = { init_task, init_task },
		.timer = { init_task, init_task },
		.wait = { .task = init_task },
		.group_leader = init_task,
		.mm = &init_mm, .fs = &init_fs, .sighand = &init_sighand,
	};
	fpu_init_state(&init_task->fpu);
	tss_set_kernel_stack((uint32_t)&task_table[1]);  /* top of task 0 */
	switch_mm(&init_mm);
}

struct task_struct *find_task(pid_t pid)
{
	struct task_struct *t;

	for_each_task(t)
		if (t->pid == pid)
			return t;
	return NULL;
}

int thread_count(const struct task_struct *leader)
{
	struct task_struct *t;
	int n = 0;

	for_each_thread(leader, t)
		n += t->state != TASK_ZOMBIE;
	return n;
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

/* fork copied the parent's links too: the child is on no ring of its
   own until now, and runnable only once wake_up_process() says so. */
void task_list_add(struct task_struct *t)
{
	ring_insert(t, init_task, TASKS);
	t->run.next = t->timer.next = NULL;
}

void task_release(struct task_struct *t)
{
	ring_remove(t, TASKS);
	t->state = TASK_UNUSED;
}

/* The refills t missed while asleep, one per epoch, until more would
   change nothing (see the top of this file). */
static void __attribute__((noinline)) catch_up_refills(struct task_struct *t)
{
	while (t->epoch != sched_epoch) {
		long refilled = t->counter / 2 + t->priority;

		t->epoch = refilled == t->counter ? sched_epoch : t->epoch + 1;
		t->counter = refilled;
	}
}

/* Most wake-ups come before the next refill: nothing to catch up. The
   rare case is out of line, so the common one is a compare. */
static inline void catch_up(struct task_struct *t)
{
	if (t->epoch != sched_epoch)
		catch_up_refills(t);
}

/*
 * Niceness is a task's time slice: DEF_PRIORITY ticks at nice 0, twice
 * that at -20, one tick at 19, in even steps between (Linux 2.0 did the
 * same). A nicer task is refilled with less, so it gets a smaller share
 * of the CPU while others are runnable; alone it still runs all the time.
 */
void set_nice(struct task_struct *t, int nice)
{
	uint32_t flags = irq_save();

	catch_up(t);            /* the refills it missed, at the old priority */
	t->nice = nice;
	t->priority = ((20 - nice) * DEF_PRIORITY + 10) / 20;
	if (t->counter > t->priority)   /* the slice under way shrinks too */
		t->counter = t->priority;
	irq_restore(flags);
}

static bool run_queue_empty(void)
{
	return init_task->run.next == init_task;
}

#define for_each_runnable(t) \
	for ((t) = init_task->run.next; (t) != init_task; (t) = (t)->run.next)

/* The runnable task with the most ticks left, refilling slices when all
   are spent. The idle task runs only when nobody else can. */
static struct task_struct *pick_next(void)
{
	struct task_struct *t, *best;

	if (run_queue_empty())
		return init_task;
	for (;;) {
		best = init_task->run.next;
		for (t = best->run.next; t != init_task; t = t->run.next)
			if (t->counter > best->counter)
				best = t;
		if (best->counter > 0)
			return best;
		sched_epoch++;          /* the sleepers' share: catch_up() */
		for_each_runnable(t) {
			t->counter = t->counter / 2 + t->priority;
			t->epoch = sched_epoch;
		}
	}
}

/* Interrupts are off. t sleeps no more: off the timer ring, onto the
   run queue's tail with the refills it missed. A current that had only
   said "I sleep" is still on the run queue. The idle task, which anchors
   the rings, is on none (main() may sleep for the disk at boot). */
static void make_runnable(struct task_struct *t)
{
	t->state = TASK_RUNNING;
	if (t == init_task)
		return;
	if (t->timer.next)
		ring_remove(t, TIMER);
	if (!t->run.next) {
		catch_up(t);
		ring_insert(t, init_task, RUN);
	}
}

void try_to_wake_up(struct task_struct *t)
{
	if (t->state == TASK_INTERRUPTIBLE || t->state == TASK_UNINTERRUPTIBLE)
		make_runnable(t);
}

void wake_up_process(struct task_struct *t)
{
	uint32_t flags = irq_save();

	try_to_wake_up(t);
	irq_restore(flags);
}

void wake_up_state(struct task_struct *t, long state)
{
	uint32_t flags = irq_save();

	if (t->state == state)
		make_runnable(t);
	irq_restore(flags);
}

/* A sleeper with a timeout joins the timer ring in deadline order, so
   that the tick looks only at its head. */
static void add_timeout(struct task_struct *t)
{
	struct task_struct *pos = init_task->timer.next;

	while (pos != init_task && (int32_t)(pos->timeout - t->timeout) <= 0)
		pos = pos->timer.next;
	ring_insert(t, pos, TIMER);
}

/* prev leaves the CPU for good or for a while: off the run queue, and on
   the timer ring if its sleep has a deadline. The idle task is on no
   ring: it runs when the run queue is empty. */
static void dequeue(struct task_struct *prev)
{
	if (prev == init_task)
		return;
	ring_remove(prev, RUN);
	if (prev->timeout && (prev->state == TASK_INTERRUPTIBLE ||
			      prev->state == TASK_UNINTERRUPTIBLE))
		add_timeout(prev);
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
	if (prev->state != TASK_RUNNING)
		dequeue(prev);
	next = pick_next();
	if (next != prev) {
		current = next;
		fpu_save(&prev->fpu);
		fpu_restore(&next->fpu);
		tls_load(&next->tls);
		tss_set_kernel_stack((uint32_t)next + TASK_UNION_SIZE);
		if (next->mm != prev->mm)       /* threads share one */
			switch_mm(next->mm);
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

/* The tick, with interrupts off. The sleepers whose deadline has come
   are at the head of the timer ring. */
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
	while ((t = init_task->timer.next) != init_task &&
	       (int32_t)(jiffies - t->timeout) >= 0) {
		try_to_wake_up(t);
		need_resched = true;
	}
	run_timers();
	calc_load();
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
   interrupt, then lets the scheduler look for work. Interrupts go off
   before it looks at the run queue: an interrupt that wakes a task after
   the look and before the hlt would otherwise leave the CPU halted, the
   task waiting, until the next interrupt. `sti; hlt` lets no interrupt
   in between (sti takes effect after the next instruction), so the one
   that comes wakes the hlt. The time halted is counted to the
   nanosecond: under QEMU's -icount it is the time spent waiting for the
   disk, which follows the host's clock, not the guest's instructions
   (docs/performance.md). */
uint64_t idle_ns;

void cpu_idle(void)
{
	for (;;) {
		cli();
		if (run_queue_empty()) {
			uint64_t halted = monotonic_ns();
			__asm__ volatile("sti; hlt");
			idle_ns += monotonic_ns() - halted;
		}
		schedule();
	}
}

long sys_sched_yield(void)
{
	current->counter = 0;   /* give up the rest of the slice */
	schedule();
	return 0;
}
