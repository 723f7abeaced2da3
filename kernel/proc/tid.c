/*
 * A thread's id (gettid), and two addresses a threads library hands the
 * kernel at start-up, kept per
 * task: set_tid_address's, a word Linux sets to 0 (and wakes a futex
 * waiter on) when the thread ends, so that pthread_join learns of it; and
 * set_robust_list's, the list of locks the thread holds, which Linux
 * marks "owner died" at its end.
 *
 * Both matter only to another thread of the same address space, and
 * Linux does that work only when the address space has other users
 * (mm_release in exit.c: mm->users > 1). Sprout does not walk the robust
 * list at exit yet: the call stores and reports the address. Fork starts
 * a child with neither; exec forgets both.
 */
#include "proc/proc.h"
#include "sched/sched.h"
#include "mm/mm.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/futex.h>

/* Returns the thread's id. */
long sys_set_tid_address(int *tidptr)
{
	current->clear_child_tid = (uint32_t)tidptr;
	return current->pid;
}

/* The calling thread's id (getpid() is its process's, the tgid);
   glibc's raise() sends with tgkill(pid, tid). */
long sys_gettid(void)
{
	return current->pid;
}

long sys_set_robust_list(struct robust_list_head *head, size_t len)
{
	if (len != sizeof(*head))
		return -EINVAL;
	current->robust_list = (uint32_t)head;
	return 0;
}

long sys_get_robust_list(int pid, struct robust_list_head **head_ptr,
			 size_t *len_ptr)
{
	struct task_struct *t = pid ? find_task(pid) : current;
	size_t len = sizeof(struct robust_list_head);

	if (!t)
		return -ESRCH;
	if (copy_to_user(len_ptr, &len, sizeof(len)) ||
	    copy_to_user(head_ptr, &t->robust_list, sizeof(t->robust_list)))
		return -EFAULT;
	return 0;
}
