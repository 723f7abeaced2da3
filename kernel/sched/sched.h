/*
 * Processes: the task_struct (the process control block) and the
 * scheduler's interface.
 *
 * Each task lives in an 8 KiB task_union: the task_struct at the bottom,
 * the task's kernel stack growing down from the top.
 *
 *   task_union + 8192 +----------------------+
 *                     | struct pt_regs       |  the user registers, saved
 *                     |  (trap frame)        |  on entry to the kernel
 *                     | kernel stack         |
 *                     |   grows down  |      |
 *                     |               v      |
 *                     |                      |
 *                     +----------------------+
 *                     | struct task_struct   |  pid, state, counter ...
 *   task_union        +----------------------+
 *
 * The task table is a fixed array of NR_TASKS task_unions: when all are
 * in use, fork() fails with EAGAIN.
 *
 * sched/ is the layer above mm/: the task_struct and the task table, the
 * scheduler (sched.c), wait queues (wait.h, wait.c), sleeping mutexes
 * (mutex.h) and kernel timers (timer_list.h). It decides who runs;
 * creating and ending tasks is proc/'s.
 */
#ifndef _SCHED_SCHED_H
#define _SCHED_SCHED_H

#include "include/types.h"
#include "sched/wait.h"
#include "sched/timer_list.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include <sprout/signal.h>
#include <sprout/rlimit.h>

#define NR_TASKS        64
#define TASK_UNION_SIZE 8192

/* Task states, as Linux 0.11 numbers them (0 is running or runnable). */
#define TASK_RUNNING          0
#define TASK_INTERRUPTIBLE    1   /* asleep; a signal wakes it */
#define TASK_UNINTERRUPTIBLE  2   /* asleep until its event (disk I/O) */
#define TASK_ZOMBIE           3   /* exited; parent has not waited yet */
#define TASK_STOPPED          4   /* stopped by SIGSTOP/SIGTSTP */
#define TASK_UNUSED           5   /* a free slot in the task table */

#define NR_HELD 8       /* files one system call holds (fdtable.c) */

#define DEF_PRIORITY  15          /* time slice, in ticks: 150 ms at HZ=100 */

struct sigaction_k {
	void (*handler)(int);
	uint32_t flags;
	void (*restorer)(void);
	uint32_t mask;
};

/* What a pending signal carries for an SA_SIGINFO handler: si_code, the
   sender (or the child, for SIGCHLD), and si_addr or si_status. One per
   signal: a standard signal sent again while pending is not queued. */
struct siginfo_k {
	int code;
	pid_t pid;
	uint32_t value;
};

struct files_struct;
struct file;
struct inode;
struct tty_struct;

/*
 * What clone() can share between tasks (docs/threads.md). Each is a
 * counted object a task points at: fork gives the child a copy, clone
 * with the CLONE_ flag a pointer to the same one (count + 1), and the
 * last task to let go frees it. The address space (mm_struct, mm/) and
 * the fd table (files_struct, fs/fdtable.h) are shared the same way.
 */
struct fs_struct {              /* CLONE_FS (fs/cwd.c) */
	int users;
	struct inode *cwd;          /* current directory */
	uint16_t umask;
};

struct sighand_struct {         /* CLONE_SIGHAND (signal/sigaction.c) */
	int count;
	struct sigaction_k action[NSIG];   /* signal sig's is action[sig - 1] */
};

/* A task's place on one of the rings through the idle task (below). */
struct task_link {
	struct task_struct *next, *prev;
};

struct task_struct {
	/* scheduling */
	volatile long state;
	long counter;               /* ticks left in this time slice */
	long priority;              /* ticks given at each refill */
	uint32_t kernel_esp;        /* saved stack pointer while switched out */
	int nice;                   /* -20..19: what setpriority() set; it
				       makes priority (set_nice()) */
	uint32_t epoch;             /* the last refill counter has had
				       (sched.c: a sleeper catches up) */
	uint32_t timeout;           /* wake at this jiffy (0: no timeout) */
	uint32_t wchan;             /* asleep: the code address that went to
				       sleep (ps, ^P, /proc/PID/wchan) */
	struct wait_queue_entry wait;   /* in a wait queue (wait.h) */
	struct task_link tasks;     /* the ring of live tasks */
	struct task_link run;       /* the run queue (next NULL: not on it) */
	struct task_link timer;     /* asleep with a timeout: the ring of
				       those, soonest first (NULL: not on) */

	/* identity and family; job control (docs/jobs.md); thread groups
	   (docs/threads.md) */
	pid_t pid;                  /* the task's own id: gettid() */
	pid_t tgid;                 /* its thread group's, the process id:
				       getpid(); the leader's pid */
	struct task_struct *group_leader;  /* the group's first task: it
				       stands for the process (parent,
				       children, wait status) */
	pid_t pgrp, session;        /* a session leader has session == pid */
	struct tty_struct *tty;     /* controlling terminal (NULL: none) */
	bool did_exec;              /* exec'd since fork: setpgid() on it is
				       EACCES */
	struct task_struct *parent;
	struct task_struct *children;   /* youngest child first */
	struct task_struct *sibling;    /* next child of the same parent */
	struct wait_queue wait_child;   /* parent sleeps here in wait() */
	int exit_code;              /* for wait(): the status of a zombie, the
				       signal that stopped a task, or
				       CONTINUED_STATUS; 0 once reported */
	int exit_signal;            /* sent to the parent at the end: clone's
				       CSIGNAL byte (SIGCHLD for fork; 0:
				       none) */
	/* the group's state, kept in the leader (proc/exit.c, de_thread.c) */
	bool group_exit;            /* exit_group or a fatal signal: every
				       thread is on its way out */
	int group_exit_code;        /*   with this wait status */
	struct task_struct *group_exec_task;  /* a thread in execve waits
				       for the others to end */
	int group_stop;             /* a thread's: stop with this signal on
				       the way to user mode (the group's
				       stop, signal/deliver.c); 0: none */
	struct task_struct *vfork_parent;  /* CLONE_VFORK: wake it when we
				       exec or exit */
	bool vfork_waiting;         /* a vfork parent, until then */
	char comm[16];              /* command name, from exec */

	/* memory, files, signals */
	struct mm_struct *mm;       /* its address space (shared by threads) */
	struct files_struct *files; /* fd table (shared open files) */
	struct fs_struct *fs;       /* cwd and umask */
	struct file *held[NR_HELD]; /* files this system call looked up in a
				       shared fd table, referenced until it
				       returns (fs/fdtable.c) */
	int nr_held;
	char *exe_path;             /* the program exec loaded, absolute and
				       kmalloc'ed (/proc/PID/exe); NULL for
				       a kernel thread */
	uint32_t signal;            /* pending signals, bit (sig - 1) */
	uint32_t blocked;           /* signals held back by sigprocmask */
	struct sighand_struct *sighand;    /* the actions (sigaction) */
	struct siginfo_k siginfo[NSIG];     /* of each pending signal */
	uint32_t saved_blocked;     /* sigsuspend's caller's mask, put back */
	bool restore_blocked;       /*   after the handler (or at once) */
	uint32_t sas_ss_sp, sas_ss_size;   /* sigaltstack (size 0: none) */
	struct timer_list real_timer;      /* alarm(), ITIMER_REAL: */
	uint64_t it_real_expires;   /*   when it fires (monotonic ns) */
	uint64_t it_real_incr;      /*   then every this many ns (0: once) */

	/* accounting */
	uint32_t utime, stime;      /* ticks spent in user and kernel mode */
	uint32_t cutime, cstime;    /* the same, of the children waited for
				       (and of theirs): the leader's count */
	uint32_t dead_utime, dead_stime;   /* the leader's: the times of the
				       group's threads that have ended */
	uint32_t start_time;        /* jiffies at fork */
	unsigned int personality;   /* personality(): kept, as Linux keeps it */
	struct rlimit rlim[RLIM_NLIMITS];  /* resource limits: fork copies
				       them, exec keeps them (proc/rlimit.c) */
	/* the program's x87/SSE registers while another task runs */
	struct fpu_state fpu;
	struct tls_state tls;       /* its TLS segments (set_thread_area) */
	uint32_t clear_child_tid;   /* set_tid_address's (proc/tid.c) */
	uint32_t set_child_tid;     /* clone's CLONE_CHILD_SETTID: the child
				       writes its tid here first thing */
	uint32_t robust_list;       /* set_robust_list's: the list's head */
};

union task_union {
	struct task_struct task;
	uint8_t stack[TASK_UNION_SIZE];
};

extern union task_union task_table[NR_TASKS];  /* slot 0 is the idle task */
extern struct task_struct *current;
extern bool need_resched;       /* current's slice is over: schedule() soon */
extern uint64_t idle_ns;        /* time the idle task spent halted */
#define init_task (&task_table[0].task)

/*
 * Three rings of tasks run through the idle task, which anchors them and
 * is on none of them itself:
 *
 *   tasks  every live task (each slot that is not TASK_UNUSED), so a
 *          scan costs what is alive, not NR_TASKS
 *   run    the run queue: the tasks that want the CPU (sched.c)
 *   timer  the sleepers with a timeout, the soonest first
 *
 *   init_task <-> sh <-> cat <-> netd <-> bdflush <-> (init_task)  tasks
 *   init_task <-> cat <-> (init_task)                                run
 *   init_task <-> netd <-> bdflush <-> (init_task)                 timer
 */
#define for_each_task(t) \
	for ((t) = init_task->tasks.next; (t) != init_task; (t) = (t)->tasks.next)

/* The user registers of task t, saved at the top of its kernel stack. */
static inline struct pt_regs *task_pt_regs(struct task_struct *t)
{
	return (struct pt_regs *)((uint8_t *)t + TASK_UNION_SIZE) - 1;
}

/* Is a signal waiting that t does not block, or a stop of its group?
   Then an interruptible sleep must end (signal/ sends them; delivery is
   signal/'s too). */
static inline bool signal_pending(const struct task_struct *t)
{
	return (t->signal & ~t->blocked) != 0 || t->group_stop;
}

/* The threads of one process (docs/threads.md): every task of the table
   with the same tgid. A scan of the live tasks, as Linux 0.11 scanned. */
#define for_each_thread(leader, t) \
	for_each_task(t) if ((t)->tgid != (leader)->tgid) {} else

static inline bool thread_group_leader(const struct task_struct *t)
{
	return t->pid == t->tgid;
}

int thread_count(const struct task_struct *t);  /* live ones, t's group */

/* current's soft limit on resource r (RLIMIT_...): what is enforced. */
static inline rlim_t rlimit(unsigned int r)
{
	return current->rlim[r].rlim_cur;
}

void sched_init(void);
void schedule(void);
void schedule_tail(void);       /* a new task's first step (entry.S) */
void do_timer(struct pt_regs *regs);            /* the tick (arch/timer.c) */
/* Make t runnable if it sleeps (either kind): wake_up(), a timeout, a
   new child. The only way onto the run queue: nothing else writes
   another task's state to TASK_RUNNING. */
void wake_up_process(struct task_struct *t);
void try_to_wake_up(struct task_struct *t);     /* the same, interrupts off */
/* Make t runnable if it is in this state: signal/'s, for a signal that
   ends an interruptible sleep and a SIGCONT that ends a stop. */
void wake_up_state(struct task_struct *t, long state);
void schedule_timeout(uint32_t ticks);
struct task_struct *find_task(pid_t pid);       /* NULL if none */
struct task_struct *task_slot(void);    /* a free slot, or NULL: all used */
void task_list_add(struct task_struct *t);      /* t is live: on the ring,
						   not runnable yet */
void task_release(struct task_struct *t);       /* off it; slot free */
void cpu_idle(void) __attribute__((noreturn));  /* task 0's loop */

/* procdump.c: a task's state as /proc shows it ("S (sleeping)"), the
   function it sleeps in (NULL: not asleep), and the whole table on the
   console (^P). */
const char *task_state_name(const struct task_struct *t);
const char *task_wchan(const struct task_struct *t);
void show_state(void);
#define MIN_NICE (-20)
#define MAX_NICE 19
void set_nice(struct task_struct *t, int nice);  /* and so t's slice */

/* loadavg.c: the 1, 5 and 15 minute load averages, fixed point. */
#define FSHIFT  11
#define FIXED_1 (1 << FSHIFT)
extern uint32_t avenrun[3];
void calc_load(void);           /* each tick, from do_timer */

#include "sched/mutex.h"

#endif
