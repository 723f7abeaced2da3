/*
 * /proc itself: a few files about the whole system, the link "self",
 * and one directory per process, named by its pid:
 *
 *   /proc/self -> 42      /proc/meminfo   /proc/uptime   /proc/loadavg
 *   /proc/mounts          /proc/1/  /proc/42/  ...
 *   /proc/net/ (net.c)    /proc/bus/pci/ (bus.c)
 *
 * The pid directories are not stored anywhere: a lookup of "42" asks the
 * task table whether process 42 exists, and getdents walks the table.
 */
#include "procfs/internal.h"
#include "lib/lib.h"
#include <sprout/errno.h>
#include <sprout/dirent.h>

static ssize_t self_readlink(struct inode *link, char *buf, size_t n)
{
	char pid[12];

	snprintf(pid, sizeof(pid), "%d", current->tgid);
	return proc_put_link(buf, n, pid);
}

static const struct inode_operations self_iops = {
	.readlink = self_readlink,
	.evict = proc_evict,
};

#define TEXT(name, index, show) \
	{ name, S_IFREG | 0444, index, &proc_file_iops, &proc_text_fops, show }

static const struct proc_entry root_table[] = {
	{ "self", S_IFLNK | 0777, 2, &self_iops, NULL, NULL },
	TEXT("meminfo", 3, proc_meminfo),
	TEXT("schedstat", 8, proc_schedstat),   /* 7: the sched lab's */
	TEXT("stat", 10, proc_stat),            /* stat.c: top's CPU times */
	TEXT("diskstats", 9, proc_diskstats),
	TEXT("uptime", 4, proc_uptime),
	TEXT("loadavg", 5, proc_loadavg),
	TEXT("mounts", 6, proc_mounts),
	PROC_TABLE_DIR("net", PROC_NET_INDEX),
	PROC_TABLE_DIR("bus", PROC_BUS_INDEX),
};

static int root_lookup(struct inode *dir, const char *name, size_t len,
		       struct inode **res)
{
	int pid = proc_lookup_table(dir, root_table, ARRAY_SIZE(root_table),
				    name, len, res);

	if (pid != -ENOENT)
		return pid;
	if ((pid = proc_name_to_int(name, len)) <= 0 || !find_task(pid))
		return -ENOENT;
	*res = proc_new_inode(dir->i_sb, &proc_pid_entry, pid, -1);
	return *res ? 0 : -ENOMEM;
}

/* After the table, position PID_POS + pid stands for process pid: the
   listing goes on from the smallest pid at or above that, so processes
   that come and go between two getdents calls do not upset it. */
#define PID_POS ((loff_t)ARRAY_SIZE(root_table) + 2)

static struct task_struct *next_task_from(pid_t pid)
{
	struct task_struct *t, *best = NULL;

	for_each_task(t)
		if (thread_group_leader(t) && t->pid >= pid &&
		    (!best || t->pid < best->pid))
			best = t;
	return best;
}

static int root_readdir(struct inode *dir, loff_t *pos, filldir_t filldir,
			void *ctx)
{
	struct task_struct *t;
	char name[12];

	/* ".." of a mounted root is itself, to getdents (as on Linux). */
	if (proc_readdir_dots(dir, pos, filldir, ctx, PROC_ROOT_INO) ||
	    proc_readdir_table(dir, pos, filldir, ctx, root_table,
			       ARRAY_SIZE(root_table), 0))
		return 0;
	while ((t = next_task_from(*pos - PID_POS))) {
		int len = snprintf(name, sizeof(name), "%d", t->pid);

		if (filldir(ctx, name, len, PROC_INO(t->pid, 1), DT_DIR))
			break;
		*pos = PID_POS + t->pid + 1;
	}
	return 0;
}

static const struct inode_operations root_iops = {
	.lookup = root_lookup,
	.readdir = root_readdir,
	.evict = proc_evict,
};

const struct proc_entry proc_root_entry = {
	"/", S_IFDIR | 0555, 1, &root_iops, NULL, NULL,
};
