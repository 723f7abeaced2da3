/*
 * /proc/PID/: one process, seen through its task_struct.
 *
 *   stat      one line of numbers, for programs (ps)    array.c
 *   status    "Name:\tsh" lines, for people             array.c
 *   cmdline   its argv, NUL-separated                   cmdline.c
 *   fd/       a link per open fd                        fd.c
 *   cwd       a link to its current directory
 *   exe       a link to the program it runs
 *   wchan     the kernel function it sleeps in             array.c
 *   limits    its resource limits, soft and hard          limits.c
 *   maps      its memory areas (VMAs), one a line         maps.c
 *   task/     a directory per thread, as /proc/TID          task.c
 *
 * Every lookup asks the task table first: once the process is gone (and
 * reaped), its directory and all in it answer ENOENT.
 */
#include "procfs/internal.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

/* cwd: the directory's path, worked out by climbing "..". The inode is
   held while the walk may sleep, in case the process exits. */
static ssize_t cwd_readlink(struct inode *link, char *buf, size_t n)
{
	struct task_struct *t = proc_task(link);
	struct inode *cwd;
	char *path, *start;
	ssize_t err;

	if (!t || !t->fs || !t->fs->cwd)
		return -ENOENT;
	if (!(path = kmalloc(PATH_MAX)))
		return -ENOMEM;
	cwd = igrab(t->fs->cwd);
	err = dir_path(cwd, path, &start);
	iput(cwd);
	if (!err)
		err = proc_put_link(buf, n, start);
	kfree(path);
	return err;
}

static const struct inode_operations cwd_iops = {
	.readlink = cwd_readlink,
	.evict = proc_evict,
};

/* exe: the path exec recorded; a kernel thread ran no program. */
static ssize_t exe_readlink(struct inode *link, char *buf, size_t n)
{
	struct task_struct *t = proc_task(link);

	if (!t || !t->exe_path)
		return -ENOENT;
	return proc_put_link(buf, n, t->exe_path);
}

static const struct inode_operations exe_iops = {
	.readlink = exe_readlink,
	.evict = proc_evict,
};

static const struct proc_entry pid_table[] = {
	{ "stat", S_IFREG | 0444, 2, &proc_file_iops, &proc_text_fops,
	  proc_pid_stat },
	{ "status", S_IFREG | 0444, 3, &proc_file_iops, &proc_text_fops,
	  proc_pid_status },
	{ "cmdline", S_IFREG | 0444, 4, &proc_file_iops, &proc_cmdline_fops,
	  NULL },
	{ "cwd", S_IFLNK | 0777, 5, &cwd_iops, NULL, NULL },
	{ "fd", S_IFDIR | 0500, 6, &proc_fd_iops, NULL, NULL },
	{ "exe", S_IFLNK | 0777, 7, &exe_iops, NULL, NULL },
	{ "wchan", S_IFREG | 0444, 8, &proc_file_iops, &proc_text_fops,
	  proc_pid_wchan },
	{ "limits", S_IFREG | 0444, 9, &proc_file_iops, &proc_text_fops,
	  proc_pid_limits },
	{ "oom_score", S_IFREG | 0444, 10, &proc_file_iops, &proc_text_fops,
	  proc_pid_oom_score },
	{ "maps", S_IFREG | 0444, 11, &proc_file_iops, &proc_text_fops,
	  proc_pid_maps },
	{ "task", S_IFDIR | 0555, 24, &proc_task_iops, NULL, NULL },
};

static int pid_lookup(struct inode *dir, const char *name, size_t len,
		      struct inode **res)
{
	if (!proc_task(dir))
		return -ENOENT;
	return proc_lookup_table(dir, pid_table, ARRAY_SIZE(pid_table),
				 name, len, res);
}

static int pid_readdir(struct inode *dir, loff_t *pos, filldir_t filldir,
		       void *ctx)
{
	if (proc_task(dir) &&
	    !proc_readdir_dots(dir, pos, filldir, ctx, PROC_ROOT_INO))
		proc_readdir_table(dir, pos, filldir, ctx, pid_table,
				   ARRAY_SIZE(pid_table), PROC_I(dir)->pid);
	return 0;
}

static const struct inode_operations pid_iops = {
	.lookup = pid_lookup,
	.readdir = pid_readdir,
	.evict = proc_evict,
};

const struct proc_entry proc_pid_entry = {
	"PID", S_IFDIR | 0555, 1, &pid_iops, NULL, NULL,
};
