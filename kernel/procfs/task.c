/*
 * /proc/PID/task/: the threads of process PID, one directory per thread
 * named by its tid, the same as /proc/TID (stat, status ...). /proc
 * itself lists processes only; ps -T and top's thread view read here.
 *
 *   /proc/7/task/7/      the leader (the process's first thread)
 *   /proc/7/task/9/      another thread: its status says Pid 9, Tgid 7
 *
 * As in /proc, position 2 + tid stands for thread tid, so threads that
 * come and go between two getdents calls do not upset the listing.
 */
#include "procfs/internal.h"
#include "lib/lib.h"
#include <sprout/errno.h>
#include <sprout/dirent.h>

/* The process whose threads dir lists: /proc/TID/task of a thread is
   its process's too. */
static pid_t dir_process(struct inode *dir)
{
	struct task_struct *t = proc_task(dir);

	return t ? t->tgid : PROC_I(dir)->pid;
}

/* Thread tid, if it is one of process pid's. */
static struct task_struct *find_thread(pid_t pid, pid_t tid)
{
	struct task_struct *t = tid > 0 ? find_task(tid) : NULL;

	return t && t->tgid == pid ? t : NULL;
}

static int task_lookup(struct inode *dir, const char *name, size_t len,
		       struct inode **res)
{
	pid_t pid = dir_process(dir);
	int tid = proc_name_to_int(name, len);

	if (len == 1 && name[0] == '.') {
		*res = igrab(dir);
		return 0;
	}
	if (len == 2 && name[0] == '.' && name[1] == '.')
		*res = proc_new_inode(dir->i_sb, &proc_pid_entry,
				      PROC_I(dir)->pid, -1);
	else if (find_thread(pid, tid))
		*res = proc_new_inode(dir->i_sb, &proc_pid_entry, tid, -1);
	else
		return -ENOENT;
	return *res ? 0 : -ENOMEM;
}

/* The thread of process pid with the smallest tid >= from. */
static struct task_struct *next_thread_from(pid_t pid, pid_t from)
{
	struct task_struct *t, *best = NULL;

	for_each_task(t)
		if (t->tgid == pid && t->pid >= from &&
		    (!best || t->pid < best->pid))
			best = t;
	return best;
}

static int task_readdir(struct inode *dir, loff_t *pos, filldir_t filldir,
			void *ctx)
{
	pid_t pid = dir_process(dir);
	struct task_struct *t;
	char name[12];

	if (proc_readdir_dots(dir, pos, filldir, ctx,
			      PROC_INO(PROC_I(dir)->pid, 1)))
		return 0;
	while ((t = next_thread_from(pid, *pos - 2))) {
		int len = snprintf(name, sizeof(name), "%d", t->pid);

		if (filldir(ctx, name, len, PROC_INO(t->pid, 1), DT_DIR))
			break;
		*pos = 2 + t->pid + 1;
	}
	return 0;
}

const struct inode_operations proc_task_iops = {
	.lookup = task_lookup,
	.readdir = task_readdir,
	.evict = proc_evict,
};
