/*
 * fork() and clone(): make a new task that is a copy of the caller.
 *
 *   1. find a free slot in the task table (none, or RLIMIT_NPROC
 *      reached: EAGAIN) and a pid
 *   2. copy the task_struct, then fix what must differ (pid, parent ...);
 *      what is not fixed is inherited: resource limits, signal mask ...
 *   3. the things a task points at, each copied or, for clone's CLONE_
 *      flag, shared (docs/threads.md):
 *        memory       copy-on-write page tables, or CLONE_VM
 *        open files   a copy of the fd table (each struct file's count
 *                     bumped), or CLONE_FILES
 *        cwd, umask   CLONE_FS
 *        signal actions  CLONE_SIGHAND
 *   4. give the child a copy of the parent's trap frame with eax = 0, and
 *      a switch frame that "returns" into ret_from_fork
 *
 * The parent returns the child's pid; the child, when first scheduled,
 * leaves the kernel through the same frame and sees 0. With CLONE_THREAD
 * the child is a thread: a task of the caller's process (same tgid), on
 * nobody's list of children.
 */
#include "sched/sched.h"
#include "proc/proc.h"
#include "signal/signal.h"
#include "mm/mm.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include "fs/fs.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/sched.h>

pid_t last_pid;                 /* the newest pid (/proc/loadavg) */

static bool pid_in_use(pid_t pid)
{
	struct task_struct *t;

	for_each_task(t)
		if (t->pid == pid || t->pgrp == pid || t->session == pid)
			return true;
	return false;
}

static pid_t alloc_pid(void)
{
	do {
		if (++last_pid <= 0)            /* wrapped: start again at 2 */
			last_pid = 2;
	} while (pid_in_use(last_pid));
	return last_pid;
}

static void link_child(struct task_struct *parent, struct task_struct *child)
{
	child->parent = parent;
	child->sibling = parent->children;
	parent->children = child;
}

/* The child runs the same program: its own copy of the path. */
static char *exe_dup(const char *path)
{
	size_t n = strlen(path) + 1;
	char *copy = kmalloc(n);

	if (copy)
		memcpy(copy, path, n);
	return copy;
}

/* Share (clone's CLONE_ flag) or copy what the task points at. Each
   pointer ends up NULL or counted, so that a failure can let go of all
   of them. A kernel thread has no fd table (NULL) to pass on. */
static int copy_resources(unsigned long flags, struct task_struct *p)
{
	struct task_struct *me = current;
	bool share_files = !me->files || (flags & CLONE_FILES);

	if (flags & CLONE_VM)
		mmget(me->mm);
	p->mm = flags & CLONE_VM ? me->mm : mm_dup(me->mm);
	if (flags & CLONE_FS)
		fs_get(me->fs);
	p->fs = flags & CLONE_FS ? me->fs : fs_copy(me->fs);
	if (me->files && share_files)
		files_get(me->files);
	p->files = share_files ? me->files : files_dup(me->files);
	if (me->exe_path)
		p->exe_path = exe_dup(me->exe_path);
	if (!p->mm || !p->fs || (me->files && !p->files) ||
	    (me->exe_path && !p->exe_path))
		return -ENOMEM;
	return 0;
}

/* Who the new task belongs to. A thread joins the caller's group and
   has the group's parent, but is on no list of children: the leader
   stands for the process there. A process is a child of the caller's
   process (its leader), or with CLONE_PARENT of that one's parent, with
   our exit signal (Linux's rule: clone's CSIGNAL is ignored then). */
static void set_family(unsigned long flags, struct task_struct *p)
{
	struct task_struct *leader = current->group_leader;

	p->children = NULL;
	p->wait_child = (struct wait_queue){ NULL };
	p->group_exit = false;
	p->group_exit_code = 0;
	p->group_exec_task = p->vfork_parent = NULL;
	p->vfork_waiting = false;
	if (flags & CLONE_THREAD) {
		p->parent = leader->parent;
		p->exit_signal = 0;     /* a thread's end is told to nobody */
		return;
	}
	p->tgid = p->pid;
	p->group_leader = p;
	if (flags & CLONE_PARENT) {     /* the parent hears of it as of us */
		p->exit_signal = leader->exit_signal;
		link_child(leader->parent, p);
	} else {
		p->exit_signal = flags & CSIGNAL;
		link_child(leader, p);
	}
}

/* Copy the caller into a fresh task that is not yet runnable. */
static struct task_struct *copy_process(unsigned long flags, int *err)
{
	struct task_struct *p = task_slot();

	*err = -EAGAIN;
	if (!p || fork_over_nproc())    /* the table, or RLIMIT_NPROC */
		return NULL;
	fpu_save(&current->fpu);                /* the child's copy is now */
	*p = *current;
	p->state = TASK_UNINTERRUPTIBLE;        /* not runnable until ready */
	task_list_add(p);
	p->pid = alloc_pid();
	p->wait = (struct wait_queue_entry){ .task = p };
	p->exit_code = 0;
	p->did_exec = false;
	p->timeout = 0;
	p->utime = p->stime = p->cutime = p->cstime = 0;
	p->dead_utime = p->dead_stime = 0;
	p->start_time = jiffies;
	p->counter = p->priority;
	p->mm = NULL;
	p->fs = NULL;
	p->files = NULL;
	p->nr_held = 0;                 /* the caller's call's, not the child's */
	p->exe_path = NULL;
	p->clear_child_tid = p->robust_list = p->set_child_tid = 0; /* tid.c */
	if ((*err = copy_signals(p, flags & CLONE_SIGHAND)) < 0 ||
	    (*err = copy_resources(flags, p)) < 0) {
		release_resources(p);
		release_task(p);
		return NULL;
	}
	set_family(flags, p);
	return p;
}

/* Lay out the child's kernel stack so that switch_to() starts it at
   entry, with the callee-saved registers zero. */
static void prepare_stack(struct task_struct *p, uint32_t *sp, void *entry)
{
	*--sp = (uint32_t)entry;        /* switch_to's "ret" */
	for (int i = 0; i < 4; i++)     /* ebp, ebx, esi, edi */
		*--sp = 0;
	p->kernel_esp = (uint32_t)sp;
}

/*
 * Linux's rules for the flags, EINVAL if broken: a thread shares the
 * signal actions (a signal to the process must mean one thing to all its
 * threads), and shared actions need shared memory (a handler is an
 * address). Process 1 has no parent to share (CLONE_PARENT). Sprout has
 * no namespaces or pidfds (EINVAL for those bits); the exit signal is
 * one Sprout has, or 0 (none); a thread's is ignored.
 */
#define CLONE_SHARING (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
		       CLONE_THREAD | CLONE_PARENT | CLONE_VFORK)
#define CLONE_TIDS (CLONE_SETTLS | CLONE_PARENT_SETTID | \
		    CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID)
#define CLONE_NOTHING_TO_DO (CLONE_SYSVSEM | CLONE_DETACHED | CLONE_PTRACE | \
			     CLONE_UNTRACED | CLONE_IO)

static int check_clone_flags(unsigned long flags)
{
	if (flags & ~(CSIGNAL | CLONE_SHARING | CLONE_TIDS |
		      CLONE_NOTHING_TO_DO))
		return -EINVAL;
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	if ((flags & CLONE_PARENT) && current->tgid == 1)
		return -EINVAL;
	if (!(flags & CLONE_THREAD) && (flags & CSIGNAL) >= NSIG)
		return -EINVAL;
	return 0;
}

/* CLONE_VFORK: the parent sleeps until the child lets go of the memory
   they share, by exec or exit (mm_release, exit.c). Only SIGKILL ends
   the wait sooner (Linux's "killable" sleep: send.c wakes us for it);
   other signals wait until the child is done. */
static void wait_for_vfork_done(struct task_struct *child)
{
	child->vfork_parent = current;
	current->vfork_waiting = true;
	wake_up_process(child);
	while (current->vfork_waiting &&
	       !(current->signal & sigmask(SIGKILL))) {
		current->state = TASK_UNINTERRUPTIBLE;
		schedule();
	}
	if (current->vfork_waiting) {   /* killed: the child must not wake us */
		child->vfork_parent = NULL;
		current->vfork_waiting = false;
	}
}

/*
 * clone(flags, newsp, parent_tid, tls, child_tid), i386's order. Besides
 * the sharing flags: the child's tid written into the child's memory
 * (CLONE_CHILD_SETTID, done by the child as it starts: entry/return.c)
 * or the parent's (CLONE_PARENT_SETTID), remembered for exit
 * (CLONE_CHILD_CLEARTID), a TLS entry (CLONE_SETTLS), and a stack.
 */
long sys_clone(unsigned long flags, void *newsp, int *parent_tid,
	       struct user_desc *tls, int *child_tid)
{
	int err = check_clone_flags(flags);
	struct task_struct *p;
	struct pt_regs *regs;
	struct tls_state child_tls = current->tls;

	if (err)
		return err;
	if (flags & CLONE_SETTLS) {
		err = set_tls_entry(&child_tls, tls, false);
		if (err)
			return err;
	}
	p = copy_process(flags, &err);
	if (!p)
		return err;
	p->tls = child_tls;
	regs = task_pt_regs(p);
	*regs = *task_pt_regs(current);
	regs->eax = 0;                  /* the child's fork() returns 0 */
	if (newsp)
		regs->esp = (uint32_t)newsp;
	if (flags & CLONE_CHILD_SETTID)
		p->set_child_tid = (uint32_t)child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = (uint32_t)child_tid;
	if (flags & CLONE_PARENT_SETTID)        /* a bad address: ignored */
		copy_to_user(parent_tid, &p->pid, sizeof(p->pid));
	prepare_stack(p, (uint32_t *)regs, ret_from_fork);
	err = p->pid;                   /* p may be gone once it runs */
	if (flags & CLONE_VFORK)
		wait_for_vfork_done(p);
	else
		wake_up_process(p);     /* onto the run queue */
	return err;
}

long sys_fork(void)
{
	return sys_clone(SIGCHLD, NULL, NULL, NULL, NULL);
}

/* vfork(): a child that borrows our memory until it execs or exits. */
long sys_vfork(void)
{
	return sys_clone(CLONE_VM | CLONE_VFORK | SIGCHLD, NULL, NULL, NULL,
			 NULL);
}

/* A task that starts in the kernel, running fn (process 1 begins so). */
pid_t kernel_thread(void (*fn)(void))
{
	int err;
	struct task_struct *p = copy_process(SIGCHLD, &err);
	uint32_t *sp;

	if (!p)
		return err;
	sp = (uint32_t *)task_pt_regs(p);
	*--sp = (uint32_t)fn;           /* popped by kernel_thread_start */
	prepare_stack(p, sp, kernel_thread_start);
	wake_up_process(p);             /* onto the run queue */
	return p->pid;
}
