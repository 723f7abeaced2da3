/*
 * Sessions and process groups: the calls a job-control shell is made of
 * (docs/jobs.md).
 *
 *   session  a login: a session leader (session == its pid), everything
 *            it starts, and at most one controlling terminal
 *   group    a job: the processes of one command line (a pipeline),
 *            signalled together (kill(-pgrp), the terminal's ^C); its
 *            number is its leader's pid
 *
 * A process is in one group and one session; fork() keeps both, setsid()
 * starts a new session (with a new group in it) and setpgid() moves a
 * process between groups of its own session. A pid stays taken while a
 * group or session carries its number (fork.c's alloc_pid), so the
 * numbers never mean two things at once. Group and session belong to the
 * process: every thread carries the same two numbers, and the calls
 * change them in all of its threads (docs/threads.md).
 */
#include "proc/proc.h"
#include "include/syscall.h"
#include "sched/sched.h"
#include "signal/signal.h"
#include <sprout/errno.h>

long sys_getpgrp(void)
{
	return current->pgrp;
}

/* getpgid(0) and getsid(0) are about the caller; a thread's id names
   its process. */
static struct task_struct *find_or_current(pid_t pid)
{
	struct task_struct *t = pid ? find_task(pid) : current;

	return t ? t->group_leader : NULL;
}

static void set_ids(struct task_struct *p, pid_t pgrp, pid_t session)
{
	struct task_struct *t;

	for_each_thread(p, t) {
		t->pgrp = pgrp;
		t->session = session;
	}
}

long sys_getpgid(pid_t pid)
{
	struct task_struct *t = find_or_current(pid);

	return t ? t->pgrp : -ESRCH;
}

long sys_getsid(pid_t pid)
{
	struct task_struct *t = find_or_current(pid);

	return t ? t->session : -ESRCH;
}

/*
 * setpgid(pid, pgid): put process pid (0: me) in group pgid (0: a group
 * of its own, numbered pid). A shell calls it in both parent and child
 * after fork, so the child is in its job's group whichever runs first;
 * POSIX's rules keep it within bounds:
 *
 *   EINVAL  pgid < 0
 *   ESRCH   pid is neither me nor a child of mine
 *   EACCES  the child has called exec since fork (too late to move it)
 *   EPERM   the child is in another session; pid is a session leader
 *           (its group must stay the session's); or group pgid exists
 *           only in another session, or not at all (unless pgid == pid)
 */
long sys_setpgid(pid_t pid, pid_t pgid)
{
	struct task_struct *me = current->group_leader;
	struct task_struct *p = find_or_current(pid);

	if (pgid < 0)
		return -EINVAL;
	if (!p || (p != me && p->parent != me))
		return -ESRCH;
	if (!pgid)
		pgid = p->pid;
	if (p != me && p->session != me->session)
		return -EPERM;
	if (p != me && p->did_exec)
		return -EACCES;
	if (p->session == p->pid)
		return -EPERM;
	if (pgid != p->pid && session_of_pgrp(pgid) != me->session)
		return -EPERM;
	set_ids(p, pgid, p->session);
	return 0;
}

/*
 * setsid(): start a new session, with the caller as its leader and
 * alone in a new group, and no controlling terminal: the next terminal
 * it opens becomes one. A group leader may not (EPERM): its group's
 * other members would be left in a group whose number is now another
 * session's. Returns the new session's number, the caller's pid.
 */
long sys_setsid(void)
{
	pid_t pid = current->tgid;
	struct task_struct *t;

	if (session_of_pgrp(pid))
		return -EPERM;          /* a group bears my number */
	set_ids(current, pid, pid);
	for_each_thread(current, t)
		t->tty = NULL;
	return pid;
}

static bool has_stopped_member(pid_t pgrp)
{
	struct task_struct *t;

	for_each_task(t)
		if (t->pgrp == pgrp && t->state == TASK_STOPPED)
			return true;
	return false;
}

/*
 * parent has just stopped being t's parent (it exits, or t does). Was it
 * the link that kept t's group from being orphaned (a parent in another
 * group of the same session)? If the group is orphaned now and a member
 * is stopped, nobody is left to continue that member: POSIX has every
 * member sent SIGHUP, then SIGCONT (Linux's kill_orphaned_pgrp). By
 * default SIGHUP ends them; a process that handles it carries on.
 */
void kill_orphaned_pgrp(struct task_struct *t, struct task_struct *parent)
{
	if (parent->pgrp != t->pgrp && parent->session == t->session &&
	    is_orphaned_pgrp(t->pgrp) && has_stopped_member(t->pgrp)) {
		kill_pg(t->pgrp, SIGHUP);
		kill_pg(t->pgrp, SIGCONT);
	}
}
