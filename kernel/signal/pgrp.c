/*
 * Process groups, as job control sees them. A group is not an object of
 * its own: it is every task whose pgrp holds the same number, and the
 * group's session is its members' (they all share one, setpgid sees to
 * that). Two questions are asked about a group:
 *
 *   which session is it in?   setpgid() and tcsetpgrp() accept only a
 *                             group of the caller's own session
 *   is it orphaned?           then no job-control shell is left to
 *                             continue it, so the terminal answers EIO
 *                             where it would stop it (SIGTTIN, SIGTTOU),
 *                             and exit() wakes its stopped members
 *
 * Both scan the task table: Sprout has 64 slots, Linux keeps a list of
 * members per group instead. They are here, below dev/ and proc/, because
 * the terminal asks them as well as exit() and the calls.
 */
#include "signal/signal.h"
#include "sched/sched.h"

/* A zombie still holds its group's number (its pid cannot be reused
   before it is reaped), so it counts here as a member. */
pid_t session_of_pgrp(pid_t pgrp)
{
	struct task_struct *t;

	for_each_task(t)
		if (t->pgrp == pgrp)
			return t->session;
	return 0;
}

/*
 * POSIX: a group is orphaned when the parent of every member is either
 * in the group itself or in another session. A parent in another group
 * of the same session, typically the shell that started the job, is the
 * group's link to job control: it can still see a stop (waitpid with
 * WUNTRACED) and send SIGCONT. Zombies have no say any more.
 */
bool is_orphaned_pgrp(pid_t pgrp)
{
	struct task_struct *t;

	for_each_task(t) {
		if (t->pgrp != pgrp || t->state == TASK_ZOMBIE)
			continue;
		if (t->parent->pgrp != pgrp && t->parent->session == t->session)
			return false;
	}
	return true;
}
