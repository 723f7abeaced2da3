/*
 * exit() and wait(): the end of a process's life.
 *
 * An exiting process gives back everything it can at once (memory, open
 * files, current directory) and becomes a ZOMBIE: just its task_struct,
 * holding the exit status until the parent collects it with wait(). Its
 * children are handed to process 1, which always waits for them, so no
 * zombie is left behind forever. A process of several threads ends when
 * its last thread does (docs/threads.md). A parent that ignores SIGCHLD (or set
 * SA_NOCLDWAIT) has said it will never wait: then the child frees its
 * own slot instead of becoming a zombie, as POSIX asks.
 */
#include "sched/sched.h"
#include "proc/proc.h"
#include "signal/signal.h"
#include "mm/mm.h"
#include "fs/fs.h"
#include "dev/dev.h"
#include "arch/arch.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/wait.h>
#include <sprout/resource.h>

/* Process 1 has exited: there is nobody left to run things. */
static void __attribute__((noreturn)) init_exited(int status)
{
	int code = WIFEXITED(status) ? WEXITSTATUS(status)
				     : 128 + WTERMSIG(status);

	printk("init exited with status %d; powering off\n", code);
	sync_for_power_off();
	machine_power_off(code);
}

/* Give the process's children (they hang on its leader) to process 1.
   A child's group may lose its link to job control with us: see
   kill_orphaned_pgrp() (pgrp.c). */
static void reparent_children(struct task_struct *leader)
{
	struct task_struct *init = find_task(1), *c, *t;

	while ((c = leader->children)) {
		leader->children = c->sibling;
		c->sibling = init->children;
		init->children = c;
		for_each_thread(c, t)   /* its threads share its parent */
			t->parent = init;
		if (c->state == TASK_ZOMBIE)
			wake_up(&init->wait_child);
		kill_orphaned_pgrp(c, leader);
	}
}

static void unlink_child(struct task_struct *c)
{
	struct task_struct **pp = &c->parent->children;

	while (*pp != c)
		pp = &(*pp)->sibling;
	*pp = c->sibling;
}

/* t is gone for good: what it kept as a zombie, and its slot. When t is
   current, the slot is free while we still run on its kernel stack;
   that is safe because nothing can take the slot before schedule()
   switches away for good (one CPU, and interrupt handlers never fork). */
void release_task(struct task_struct *t)
{
	if (t->sighand)
		sighand_put(t->sighand);
	task_release(t);
}

/* Let go of what t points at (the last user frees each): at exit, or
   for a new task fork gave up on (some pointers still NULL). */
void release_resources(struct task_struct *t)
{
	struct mm_struct *mm = t->mm;

	t->mm = &init_mm;
	if (t == current)
		switch_mm(&init_mm);    /* stop using the tables we may free */
	if (mm)
		mmput(mm);
	if (t->files)
		files_put(t->files);
	if (t->fs)
		fs_put(t->fs);
	kfree(t->exe_path);
	t->files = NULL;
	t->fs = NULL;
	t->exe_path = NULL;
}

/*
 * t lets go of its memory, by exit or exec. If others still use it (t
 * was a thread), the CLONE_CHILD_CLEARTID word becomes 0 and a futex
 * waiter on it is woken: that is how pthread_join learns that t is gone.
 * A vfork parent waiting for this moment runs again.
 */
void mm_release(struct task_struct *t)
{
	uint32_t zero = 0;

	if (t->clear_child_tid && t->mm->users > 1 &&
	    !copy_to_user((void *)t->clear_child_tid, &zero, sizeof(zero)))
		futex_wake(t->clear_child_tid, 1);
	t->clear_child_tid = 0;
	if (t->vfork_parent) {
		t->vfork_parent->vfork_waiting = false;
		wake_up_process(t->vfork_parent);
		t->vfork_parent = NULL;
	}
}

/* The process's wait status, as its last thread ends with status:
   exit_group's or the fatal signal's if the group ended so, else the
   last thread's own (what Linux reports, whichever thread it is). */
static int process_status(const struct task_struct *leader, int status)
{
	return leader->group_exit ? leader->group_exit_code : status;
}

/* The last thread is gone: the process ends, and its parent is told
   (the leader, a zombie, holds the wait status). A parent that will
   never wait has the leader freed at once. */
static void exit_notify(struct task_struct *leader, int status)
{
	leader->exit_code = status;
	if (leader->session == leader->pid)     /* a session leader: hang up */
		disassociate_ctty();
	reparent_children(leader);
	kill_orphaned_pgrp(leader, leader->parent);  /* my group, without me */
	if (notify_parent(leader)) {
		unlink_child(leader);
		release_task(leader);
	}
}

/*
 * A task ends. It gives back everything it can at once (memory, files,
 * cwd: the last user frees each) and becomes a ZOMBIE. A thread other
 * than the leader then frees its own slot: nobody waits for a thread.
 * The leader stays a zombie, holding the process's wait status, and the
 * parent hears of the process only when its last thread is gone.
 */
void do_exit(int status)
{
	struct task_struct *me = current, *leader = me->group_leader;
	bool last = thread_count(me) == 1;

	me->exit_code = status;
	if (last && leader->pid == 1)
		init_exited(process_status(leader, status));
	exit_itimers(me);
	files_release_held();           /* exit never returns from its call */
	mm_release(me);
	release_resources(me);
	me->state = TASK_ZOMBIE;
	if (leader->group_exec_task)    /* execve waits for us (de_thread.c) */
		wake_up_process(leader->group_exec_task);
	if (last)
		exit_notify(leader, process_status(leader, status));
	if (me != leader) {             /* the process keeps its time */
		leader->dead_utime += me->utime;
		leader->dead_stime += me->stime;
		release_task(me);
	}
	schedule();
	panic("a zombie was scheduled");
}

long sys_exit(int code)
{
	do_exit((code & 0xff) << 8);
}

/* exit_group ends every thread of the process: the others get SIGKILL
   (and die on their way to user mode), the status is the group's. */
void do_group_exit(int status)
{
	zap_other_threads(status);
	do_exit(status);
}

long sys_exit_group(int code)
{
	do_group_exit((code & 0xff) << 8);
}

/* Does child c match waitpid's pid argument, and its options? A child
   whose exit signal is not SIGCHLD (a "clone" child) is seen only with
   __WCLONE, the others only without it; __WALL sees both. */
static bool wait_matches(struct task_struct *c, pid_t pid, int options)
{
	if (!(options & __WALL) &&
	    (c->exit_signal != SIGCHLD) != !!(options & __WCLONE))
		return false;
	if (pid > 0)
		return c->pid == pid;
	if (pid == 0)
		return c->pgrp == current->pgrp;
	if (pid < -1)
		return c->pgrp == -pid;
	return true;                    /* -1: any child */
}

/* What wait() learns about one child. */
struct wait_result {
	int status;
	uint32_t utime, stime;          /* ticks, for rusage: the child's
					   and its own children's */
};

/*
 * One look at the children: the pid of one that has something to report
 * (filling *res), 0 if matching children exist but have nothing yet,
 * -ECHILD if none match. A zombie found here is freed.
 */
static pid_t reap_one(pid_t pid, int options, struct wait_result *res)
{
	struct task_struct *me = current->group_leader;  /* the process */
	bool any = false;

	for (struct task_struct *c = me->children; c; c = c->sibling) {
		if (!wait_matches(c, pid, options))
			continue;
		any = true;
		if (c->state == TASK_ZOMBIE && !thread_count(c)) {
			*res = (struct wait_result){ c->exit_code,
				c->utime + c->dead_utime + c->cutime,
				c->stime + c->dead_stime + c->cstime };
			me->cutime += res->utime;       /* times(), getrusage */
			me->cstime += res->stime;
			unlink_child(c);
			release_task(c);                /* the slot is free */
			return c->pid;
		}
		if (c->state == TASK_STOPPED && (options & WUNTRACED) &&
		    c->exit_code) {
			*res = (struct wait_result){ (c->exit_code << 8) | 0x7f,
						     c->utime, c->stime };
			c->exit_code = 0;               /* report a stop once */
			return c->pid;
		}
		if (c->state != TASK_STOPPED && (options & WCONTINUED) &&
		    c->exit_code == CONTINUED_STATUS) {
			*res = (struct wait_result){ CONTINUED_STATUS,
						     c->utime, c->stime };
			c->exit_code = 0;               /* and a continue once */
			return c->pid;
		}
	}
	return any ? 0 : -ECHILD;
}

/* urusage has passed verify_area, as *ustatus has: the wait cannot make
   them go away, as no one else changes this address space meanwhile. */
static void put_rusage(struct rusage *urusage, const struct wait_result *res)
{
	*urusage = ticks_to_rusage(res->utime, res->stime);
}

long sys_wait4(pid_t pid, int *ustatus, int options,
	       struct rusage *urusage)
{
	struct wait_result res = { 0 };
	pid_t found = 0;
	int err;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	if (pid == INT32_MIN)
		return -ESRCH;          /* -pid would overflow (as Linux says) */
	if (ustatus && verify_area(ustatus, sizeof(int), VERIFY_WRITE))
		return -EFAULT;
	if (urusage && verify_area(urusage, sizeof(struct rusage), VERIFY_WRITE))
		return -EFAULT;
	/* reap_one is the condition: it runs after we join the queue, so a
	   child that exits meanwhile cannot be missed. */
	err = wait_event_interruptible(current->group_leader->wait_child,
		(found = reap_one(pid, options, &res)) != 0 ||
		(options & WNOHANG));
	if (err && !found)
		return err;
	if (found > 0 && ustatus)
		*ustatus = res.status;
	if (found > 0 && urusage)
		put_rusage(urusage, &res);
	return found;
}

long sys_waitpid(pid_t pid, int *ustatus, int options)
{
	return sys_wait4(pid, ustatus, options, NULL);
}
