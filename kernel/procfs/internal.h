/*
 * procfs's own header: its inodes and the tables of entries that its
 * directories list.
 *
 * Every /proc inode is a struct proc_inode: a VFS inode plus what it
 * shows - which entry (stat, fd, ...), of which process, which fd. A
 * lookup makes a new one and the last iput frees it: nothing is cached,
 * so a process that exits simply stops being found.
 *
 *   struct proc_inode
 *   +------------------------+
 *   | struct inode vfs       |  i_ino = pid << 8 | entry index (+ fd),
 *   |   i_op, i_fop, i_sb    |  i_mode from the entry
 *   | pid      = 42          |  0: not a process's (/proc, /proc/meminfo)
 *   | fd       = 3           |  /proc/42/fd/3 only
 *   | entry ---+             |
 *   +----------|-------------+
 *              v
 *   { "status", S_IFREG | 0444, show = proc_pid_status }
 */
#ifndef _PROCFS_INTERNAL_H
#define _PROCFS_INTERNAL_H

#include "procfs/procfs.h"
#include "fs/fs.h"
#include "sched/sched.h"

#define PROC_SUPER_MAGIC 0x9fa0
#define PROC_ROOT_INO 1

/* A file's text: generated whole at the first read, kept in the open
   file (private_data) for the reads that follow, so that reading a byte
   at a time still gives one consistent snapshot. One page at most. */
struct proc_text {
	size_t len;
	char buf[];
};
#define PROC_TEXT_MAX (PAGE_SIZE - sizeof(struct proc_text))

/* Append to the text, printf-style; what does not fit is cut. */
void text_printf(struct proc_text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

struct proc_entry {
	const char *name;
	uint16_t mode;              /* S_IFREG | 0444, S_IFDIR | 0555 ... */
	uint8_t index;              /* the low byte of i_ino */
	const struct inode_operations *iop;
	const struct file_operations *fop;      /* files only */
	/* A text file's text (fop is then proc_text_fops): 0 or -errno. */
	int (*show)(struct task_struct *t, struct proc_text *text);
};

/* /proc/net, /proc/bus, /proc/bus/pci: directories whose entries are
   a fixed table, below the root (table_dir.c finds the table by the
   directory entry's index). */
struct proc_dir {
	uint8_t index;          /* the directory's entry's */
	const struct proc_entry *table;
	size_t n;
	const char *parent;     /* its name in /proc ("bus"); NULL: /proc */
};
extern const struct inode_operations proc_table_dir_iops;
#define PROC_TABLE_DIR(name, index) \
	{ name, S_IFDIR | 0555, index, &proc_table_dir_iops, NULL, NULL }
/* Their indexes (pid 0: not a process's): /proc/net's are 32..39,
   /proc/bus's 40..47. */
#define PROC_NET_INDEX 32
#define PROC_BUS_INDEX 40
#define PROC_PCI_INDEX 41

/* Inode numbers: unique per object (st_ino), and the same at each
   lookup, so getcwd can find a /proc directory by number. */
#define PROC_INO(pid, index) ((uint32_t)(pid) << 8 | (index))
#define PROC_FD_INDEX 128           /* fd/N is index 128 + N */

struct proc_inode {
	struct inode vfs;
	pid_t pid;
	int fd;
	const struct proc_entry *entry;
};

static inline struct proc_inode *PROC_I(struct inode *inode)
{
	return (struct proc_inode *)inode;
}

/* inode.c: a new inode for an entry of process pid (0: none); NULL
   when out of memory. */
struct inode *proc_new_inode(struct super_block *sb,
			     const struct proc_entry *e, pid_t pid, int fd);
/* The process an inode is about, if it is still there: NULL otherwise.
   Use it before anything that may sleep. */
struct task_struct *proc_task(struct inode *inode);
/* Directory helpers: ".", ".." (the root) and the entries of a table. */
int proc_lookup_table(struct inode *dir, const struct proc_entry *table,
		      size_t n, const char *name, size_t len,
		      struct inode **res);
int proc_readdir_dots(struct inode *dir, loff_t *pos, filldir_t filldir,
		      void *ctx, uint32_t parent_ino);
int proc_readdir_table(struct inode *dir, loff_t *pos, filldir_t filldir,
		       void *ctx, const struct proc_entry *table, size_t n,
		       pid_t pid);
uint8_t proc_dt_type(uint16_t mode);
/* "42" as a pid or fd: -1 if the name is not a plain decimal number. */
int proc_name_to_int(const char *name, size_t len);
/* readlink's result from a kernel string: at most n bytes, no NUL. */
ssize_t proc_put_link(char *buf, size_t n, const char *target);

void proc_evict(struct inode *inode);   /* every table's evict */

/* A text file whose text comes from a lower layer's
   show(buf, size, len) (net's dev_show, dev's pci_show ...): a show
   for a struct proc_entry made from it. */
#define PROC_BUF_SHOW(name, fn) \
	static int name(struct task_struct *unused, struct proc_text *text) \
	{ \
		fn(text->buf, PROC_TEXT_MAX, &text->len); \
		return 0; \
	}
#define PROC_BUF_TEXT(name, index, show) \
	{ name, S_IFREG | 0444, index, &proc_file_iops, &proc_text_fops, show }

extern const struct inode_operations proc_file_iops;   /* inode.c */
extern const struct file_operations proc_text_fops;    /* read.c */
loff_t proc_lseek(struct file *f, loff_t off, int whence);
extern const struct file_operations proc_cmdline_fops; /* cmdline.c */
extern const struct proc_entry proc_root_entry;        /* root.c */
extern const struct proc_entry proc_pid_entry;         /* base.c */
extern const struct proc_dir proc_net_dir;             /* net.c */
extern const struct proc_dir proc_bus_dir, proc_pci_dir; /* bus.c */
extern const struct inode_operations proc_fd_iops;     /* fd.c */
extern const struct inode_operations proc_task_iops;   /* task.c */

/* The texts: array.c (a process's stat, status, wchan and oom_score),
   system.c, stat.c. */
int proc_pid_stat(struct task_struct *t, struct proc_text *text);
int proc_pid_status(struct task_struct *t, struct proc_text *text);
int proc_pid_wchan(struct task_struct *t, struct proc_text *text);
int proc_pid_limits(struct task_struct *t, struct proc_text *text);  /* limits.c */
int proc_pid_oom_score(struct task_struct *t, struct proc_text *text);
int proc_pid_maps(struct task_struct *t, struct proc_text *text);    /* maps.c */
int proc_meminfo(struct task_struct *t, struct proc_text *text);
int proc_schedstat(struct task_struct *t, struct proc_text *text);
int proc_stat(struct task_struct *t, struct proc_text *text);  /* stat.c */
int proc_diskstats(struct task_struct *t, struct proc_text *text);
int proc_uptime(struct task_struct *t, struct proc_text *text);
int proc_loadavg(struct task_struct *t, struct proc_text *text);
int proc_mounts(struct task_struct *t, struct proc_text *text);

#endif
