/*
 * exit() and wait(): the end of a process's life.
 *
 * An exiting process gives back everything it can at once (memory, open
 * files, current directory) and becomes a ZOMBIE: just its task_struct,
 * holding the exit status until the parent collects it with wait(). Its
 * children are handed to process 1, which always waits for them, so no
 * zombie is left behind forever. A parent that ignores SIGCHLD (or set
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

/* Give our children to process 1. A child's group may lose its link
   to job control with us: see kill_orphaned_pgrp() (pgrp.c). */
static void reparent_children(void)
{
	struct task_struct *init = find_task(1), *c;

	while ((c = current->children)) {
		current->children = c->sibling;
		c->parent = init;
		c->sibling = init->children;
		init->children = c;
		if (c->state == TASK_ZOMBIE)
			wake_up(&init->wait_child);
		kill_orphaned_pgrp(c, current);
	}
}

static void unlink_child(struct task_struct *c)
{
	struct task_struct **pp = &c->parent->children;

	while (*pp != c)
		pp = &(*pp)->sibling;
	*pp = c->sibling;
}

/* The end of a child no one will wait for: off its parent's list and out
   of the task table now. The slot is free while we still run on its
   kernel stack; that is safe because nothing can take the slot before
   schedule() below switches away for good (one CPU, and interrupt
   handlers never fork). */
static void release_self(struct task_struct *me)
{
	unlink_child(me);
	task_release(me);
}

void do_exit(int status)
{
	struct task_struct *me = current;

	if (me->pid == 1)
		init_exited(status);
	exit_itimers(me);
	if (me->session == me->pid)     /* a session leader: hang up */
		disassociate_ctty();
	if (me->mm != &init_mm) {
		struct mm_struct *mm = me->mm;

		/* CLONE_CHILD_CLEARTID: tell the threads left (pthread_join)
		   that this one is gone: 0 in its tid word, and a wake. */
		if (me->clear_child_tid && mm->users > 1) {
			uint32_t zero = 0;

			if (!copy_to_user((void *)me->clear_child_tid, &zero, 4))
				futex_wake(me->clear_child_tid, 1);
		}
		me->mm = &init_mm;
		switch_mm(&init_mm);    /* stop using the tables we may free */
		mmput(mm);
	}
	if (me->files) {
		files_put(me->files);
		me->files = NULL;
	}
	if (me->cwd) {
		fs_lock();              /* iput may write the inode back */
		iput(me->cwd);
		fs_unlock();
		me->cwd = NULL;
	}
	kfree(me->exe_path);
	me->exe_path = NULL;
	reparent_children();
	me->exit_code = status;
	me->state = TASK_ZOMBIE;
	kill_orphaned_pgrp(me, me->parent);     /* my group, without me */
	if (notify_parent(me))
		release_self(me);
	schedule();
	panic("a zombie was scheduled");
}

long sys_exit(int code)
{
	do_exit((code & 0xff) << 8);
}

/* exit_group ends every thread of the process: Sprout has just one. */
long sys_exit_group(int code)
{
	return sys_exit(code);
}

/* Does child c match waitpid's pid argument? */
static bool wait_matches(struct task_struct *c, pid_t pid)
{
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
	bool any = false;

	for (struct task_struct *c = current->children; c; c = c->sibling) {
		if (!wait_matches(c, pid))
			continue;
		any = true;
		if (c->state == TASK_ZOMBIE) {
			*res = (struct wait_result){ c->exit_code,
						     c->utime + c->cutime,
						     c->stime + c->cstime };
			current->cutime += res->utime;  /* times(), getrusage */
			current->cstime += res->stime;
			unlink_child(c);
			task_release(c);                /* the slot is free */
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

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
		return -EINVAL;
	if (pid == INT32_MIN)
		return -ESRCH;          /* -pid would overflow (as Linux says) */
	if (ustatus && verify_area(ustatus, sizeof(int), VERIFY_WRITE))
		return -EFAULT;
	if (urusage && verify_area(urusage, sizeof(struct rusage), VERIFY_WRITE))
		return -EFAULT;
	/* reap_one is the condition: it runs after we join the queue, so a
	   child that exits meanwhile cannot be missed. */
	err = wait_event_interruptible(current->wait_child,
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
