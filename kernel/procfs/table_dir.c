/*
 * Directories of /proc below the root whose entries never change: a
 * table, like /proc/PID's, found by the directory entry's index.
 *
 *   root_table: { "net", PROC_NET_INDEX }    dirs[]: proc_net_dir
 *                                              { PROC_NET_INDEX, net_table }
 *                                                         |
 *                                          "dev", "arp", "udp", "tcp"
 *
 * ".." is looked up by its name in /proc ("bus" for /proc/bus/pci), as
 * any lookup makes a fresh inode.
 */
#include "procfs/internal.h"
#include "lib/lib.h"
#include <sprout/errno.h>

static const struct proc_dir *const dirs[] = {
	&proc_net_dir, &proc_bus_dir, &proc_pci_dir,
};

static const struct proc_dir *dir_of(struct inode *dir)
{
	size_t i = 0;

	while (dirs[i]->index != PROC_I(dir)->entry->index)
		i++;
	return dirs[i];
}

/* A directory below another one of these: its parent, from /proc. */
static int lookup_parent(struct inode *dir, const char *parent,
			 struct inode **res)
{
	struct inode *root = dir->i_sb->s_root;

	return root->i_op->lookup(root, parent, strlen(parent), res);
}

static int table_dir_lookup(struct inode *dir, const char *name, size_t len,
			    struct inode **res)
{
	const struct proc_dir *d = dir_of(dir);

	if (d->parent && len == 2 && name[0] == '.' && name[1] == '.')
		return lookup_parent(dir, d->parent, res);
	return proc_lookup_table(dir, d->table, d->n, name, len, res);
}

static int table_dir_readdir(struct inode *dir, loff_t *pos,
			     filldir_t filldir, void *ctx)
{
	const struct proc_dir *d = dir_of(dir);
	uint32_t parent_ino = PROC_ROOT_INO;
	struct inode *parent;

	if (d->parent && !lookup_parent(dir, d->parent, &parent)) {
		parent_ino = parent->i_ino;
		iput(parent);
	}
	if (!proc_readdir_dots(dir, pos, filldir, ctx, parent_ino))
		proc_readdir_table(dir, pos, filldir, ctx, d->table, d->n, 0);
	return 0;
}

const struct inode_operations proc_table_dir_iops = {
	.lookup = table_dir_lookup,
	.readdir = table_dir_readdir,
	.evict = proc_evict,
};
