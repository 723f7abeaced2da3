/*
 * /proc's inodes, and mounting it.
 *
 * Nothing of /proc is on a disk: an inode is made at each lookup from
 * the entry it stands for (internal.h draws struct proc_inode) and freed
 * at its last iput. Each mount gets its own root inode, held by its
 * super_block for as long as it is mounted.
 */
#include "procfs/internal.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>
#include <sprout/dirent.h>

/* /proc's st_dev: an unnamed device (major 0), as Linux gives it. */
#define PROC_DEV MKDEV(0, 22)

void proc_evict(struct inode *inode)
{
	kfree(PROC_I(inode));
}

/* Regular files: nothing to look up, list or follow. */
const struct inode_operations proc_file_iops = { .evict = proc_evict };

/* Owned by root, as everything is in Sprout; the times are the moment
   of the lookup (Linux's are the mount's or the process's start). */
struct inode *proc_new_inode(struct super_block *sb,
			     const struct proc_entry *e, pid_t pid, int fd)
{
	struct proc_inode *pi = kzalloc(sizeof(*pi));
	struct inode *inode;

	if (!pi)
		return NULL;
	inode = &pi->vfs;
	inode->i_ino = PROC_INO(pid, e->index + (fd >= 0 ? fd : 0));
	inode->i_mode = e->mode;
	inode->i_nlink = S_ISDIR(e->mode) ? 2 : 1;
	inode->i_atime = inode->i_mtime = inode->i_ctime = get_seconds();
	inode->i_count = 1;
	inode->i_sb = sb;
	inode->i_op = e->iop;
	inode->i_fop = e->fop;
	pi->pid = pid;
	pi->fd = fd;
	pi->entry = e;
	return inode;
}

struct task_struct *proc_task(struct inode *inode)
{
	pid_t pid = PROC_I(inode)->pid;

	return pid > 0 ? find_task(pid) : NULL;
}

uint8_t proc_dt_type(uint16_t mode)
{
	return S_ISDIR(mode) ? DT_DIR : S_ISLNK(mode) ? DT_LNK : DT_REG;
}

int proc_name_to_int(const char *name, size_t len)
{
	int n = 0;

	if (len == 0 || len > 9 || (name[0] == '0' && len > 1))
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		n = n * 10 + (name[i] - '0');
	}
	return n;
}

ssize_t proc_put_link(char *buf, size_t n, const char *target)
{
	size_t len = strlen(target);

	if (len > n)
		len = n;
	memcpy(buf, target, len);
	return len;
}

/* The entry `name` of a fixed table (of dir's process), and "." and
   "..", which is the root for the root and the process directories
   that use this (".." of the root itself is the mount's business). */
int proc_lookup_table(struct inode *dir, const struct proc_entry *table,
		      size_t n, const char *name, size_t len,
		      struct inode **res)
{
	struct proc_inode *pd = PROC_I(dir);
	const struct proc_entry *e = NULL;

	if (len == 1 && name[0] == '.') {
		*res = igrab(dir);
		return 0;
	}
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		*res = igrab(dir->i_sb->s_root);
		return 0;
	}
	for (size_t i = 0; !e && i < n; i++)
		if (strlen(table[i].name) == len &&
		    !memcmp(table[i].name, name, len))
			e = &table[i];
	if (!e)
		return -ENOENT;
	*res = proc_new_inode(dir->i_sb, e, pd->pid, -1);
	return *res ? 0 : -ENOMEM;
}

/* Positions 0 and 1 of every /proc directory. */
int proc_readdir_dots(struct inode *dir, loff_t *pos, filldir_t filldir,
		      void *ctx, uint32_t parent_ino)
{
	if (*pos == 0) {
		if (filldir(ctx, ".", 1, dir->i_ino, DT_DIR))
			return 1;
		*pos = 1;
	}
	if (*pos == 1) {
		if (filldir(ctx, "..", 2, parent_ino, DT_DIR))
			return 1;
		*pos = 2;
	}
	return 0;
}

/* Positions 2 .. n + 1: the table's entries. 1 when filldir said stop. */
int proc_readdir_table(struct inode *dir, loff_t *pos, filldir_t filldir,
		       void *ctx, const struct proc_entry *table, size_t n,
		       pid_t pid)
{
	for (; *pos >= 2 && *pos < (loff_t)n + 2; (*pos)++) {
		const struct proc_entry *e = &table[*pos - 2];

		if (filldir(ctx, e->name, strlen(e->name),
			    PROC_INO(pid, e->index), proc_dt_type(e->mode)))
			return 1;
	}
	return 0;
}

/* mount(2) of "proc": a fresh root for this mount. */
static int proc_fill_super(struct super_block *sb)
{
	sb->s_dev = PROC_DEV;
	sb->s_magic = PROC_SUPER_MAGIC;
	sb->s_root = proc_new_inode(sb, &proc_root_entry, 0, -1);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.fill_super = proc_fill_super,
};

void proc_fs_init(void)
{
	register_filesystem(&proc_fs_type);
}
