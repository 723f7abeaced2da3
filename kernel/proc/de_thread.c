/*
 * execve from a process of several threads (Linux's de_thread): the new
 * program starts with one thread, so the others must end first, and the
 * process keeps its pid, so a thread other than the leader that calls
 * execve takes the leader's place:
 *
 *   before                            after
 *   leader 7 (main)  thread 8  9      process 7: the thread that was 9,
 *           \______ execve in 9       now pid 7, on its parent's list
 *                                     where 7 was, with 7's children
 *
 * The others get SIGKILL and end on their way to user mode; the caller
 * sleeps until the last of them is gone (do_exit wakes it). The old
 * leader, a zombie by then, is freed without a word to the parent: for
 * the parent the process goes on, running the new program.
 *
 * Then the new program shares no table with another process: a copy of
 * the signal actions (their handlers are in the old program) and of the
 * fd table (close-on-exec must not close another process's fds), if
 * they were shared by clone(CLONE_SIGHAND, CLONE_FILES) without threads.
 */
#include "proc/proc.h"
#include "sched/sched.h"
#include "signal/signal.h"
#include "fs/fs.h"
#include <sprout/errno.h>

/* Only the caller is left, and the leader if that is another, a zombie
   (a thread other than the leader frees its own slot as it ends). */
static bool others_gone(struct task_struct *me)
{
	struct task_struct *t;

	for_each_thread(me, t)
		if (t != me && t->state != TASK_ZOMBIE)
			return false;
	return true;
}

/* The leader's children, now ours (and their threads'). */
static void adopt_children(struct task_struct *me, struct task_struct *leader)
{
	struct task_struct *c, *t;

	me->children = leader->children;
	for (c = me->children; c; c = c->sibling)
		for_each_thread(c, t)
			t->parent = me;
}

/* Become the process: the leader's pid and place among its parent's
   children, then free the old leader's slot. */
static void take_leader_place(struct task_struct *me, struct task_struct *leader)
{
	struct task_struct **pp = &leader->parent->children;

	while (*pp != leader)
		pp = &(*pp)->sibling;
	*pp = me;
	me->sibling = leader->sibling;
	adopt_children(me, leader);
	me->pid = leader->pid;
	me->group_leader = me;
	me->exit_signal = SIGCHLD;      /* as Linux: the new program's parent
					   hears of it the ordinary way */
	me->start_time = leader->start_time;
	me->cutime += leader->cutime;
	me->cstime += leader->cstime;
	me->dead_utime += leader->dead_utime + leader->utime;  /* the process's */
	me->dead_stime += leader->dead_stime + leader->stime;  /* time goes on */
	release_task(leader);
}

static void end_other_threads(struct task_struct *me)
{
	struct task_struct *leader = me->group_leader;

	leader->group_exec_task = me;
	kill_other_threads();
	for (;;) {
		me->state = TASK_UNINTERRUPTIBLE;
		if (others_gone(me))
			break;
		schedule();
	}
	me->state = TASK_RUNNING;
	leader->group_exec_task = NULL;
	if (leader != me)
		take_leader_place(me, leader);
}

/* A copy of the fd table of our own, if another process shares it. */
static int unshare_files(void)
{
	struct files_struct *files = current->files;

	if (!files || files->count == 1)
		return 0;
	if (!(current->files = files_dup(files))) {
		current->files = files;
		return -ENOMEM;
	}
	files_put(files);
	return 0;
}

int de_thread(void)
{
	struct task_struct *me = current, *leader = me->group_leader;
	int err;

	if (leader->group_exit || leader->group_exec_task)
		return -EAGAIN;         /* being ended: SIGKILL is pending */
	if (leader != me || thread_count(me) > 1)
		end_other_threads(me);
	err = unshare_sighand();
	return err ? err : unshare_files();
}
