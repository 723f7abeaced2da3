/*
 * fork(): make a new process that is a copy of the caller.
 *
 *   1. find a free slot in the task table (none, or RLIMIT_NPROC
 *      reached: EAGAIN) and a pid
 *   2. copy the task_struct, then fix what must differ (pid, parent ...);
 *      what is not fixed is inherited: resource limits, signal mask ...
 *   3. share memory copy-on-write: copy page tables, not pages
 *   4. share open files: copy the fd table, bump each struct file's count
 *   5. give the child a copy of the parent's trap frame with eax = 0, and
 *      a switch frame that "returns" into ret_from_fork
 *
 * The parent returns the child's pid; the child, when first scheduled,
 * leaves the kernel through the same frame and sees 0.
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

/* Copy the caller into a fresh task that is not yet runnable. */
static struct task_struct *copy_process(int *err)
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
	p->children = NULL;
	p->wait_child = (struct wait_queue){ NULL };
	p->wait = (struct wait_queue_entry){ .task = p };
	copy_signals(p);
	p->exit_code = 0;
	p->did_exec = false;
	p->timeout = 0;
	p->utime = p->stime = p->cutime = p->cstime = 0;
	p->start_time = jiffies;
	p->counter = p->priority;
	p->files = NULL;
	p->exe_path = NULL;
	p->clear_child_tid = p->robust_list = p->set_child_tid = 0; /* tid.c */
	*err = -ENOMEM;
	if (!(p->mm = mm_dup(current->mm)))
		goto fail;
	if (current->exe_path && !(p->exe_path = exe_dup(current->exe_path)))
		goto fail;
	if (current->files && !(p->files = files_dup(current->files)))
		goto fail;
	if (p->cwd) {
		fs_lock();
		igrab(p->cwd);
		fs_unlock();
	}
	link_child(current, p);
	return p;
fail:
	kfree(p->exe_path);
	if (p->mm)
		mmput(p->mm);
	task_release(p);
	return NULL;
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
 * clone, as fork uses it: a new process, not a thread (CLONE_VM and the
 * other sharing flags come with threads: EINVAL until then), with the
 * extras glibc's fork asks for: the child's tid written into the child's
 * memory (CLONE_CHILD_SETTID, done by the child as it starts:
 * entry/return.c) or the parent's (CLONE_PARENT_SETTID), remembered for
 * exit (CLONE_CHILD_CLEARTID), a TLS entry (CLONE_SETTLS), and a stack.
 * The exit signal must be SIGCHLD, the only one Sprout sends.
 */
#define CLONE_PROCESS_FLAGS (CSIGNAL | CLONE_SETTLS | CLONE_PARENT_SETTID | \
			     CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID)

long sys_clone(unsigned long flags, void *newsp, int *parent_tid,
	       struct user_desc *tls, int *child_tid)
{
	int err;
	struct task_struct *p;
	struct pt_regs *regs;
	struct tls_state child_tls = current->tls;

	if ((flags & ~CLONE_PROCESS_FLAGS) || (flags & CSIGNAL) != SIGCHLD)
		return -EINVAL;
	if (flags & CLONE_SETTLS) {
		err = set_tls_entry(&child_tls, tls, false);
		if (err)
			return err;
	}
	p = copy_process(&err);
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
	wake_up_process(p);             /* onto the run queue */
	return p->pid;
}

long sys_fork(void)
{
	return sys_clone(SIGCHLD, NULL, NULL, NULL, NULL);
}

/* A task that starts in the kernel, running fn (process 1 begins so). */
pid_t kernel_thread(void (*fn)(void))
{
	int err;
	struct task_struct *p = copy_process(&err);
	uint32_t *sp;

	if (!p)
		return err;
	sp = (uint32_t *)task_pt_regs(p);
	*--sp = (uint32_t)fn;           /* popped by kernel_thread_start */
	prepare_stack(p, sp, kernel_thread_start);
	wake_up_process(p);             /* onto the run queue */
	return p->pid;
}
