/*
 * /proc/PID/fd/: one symbolic link per open file descriptor, named by
 * its number, pointing at the file's path:
 *
 *   /proc/42/fd/0 -> /dev/console      (a device opened by its path)
 *   /proc/42/fd/3 -> /tmp/out          (" (deleted)" once unlinked)
 *   /proc/42/fd/4 -> pipe:[2147483651] (a pipe has no path: its inode)
 *
 * The path is the one the open recorded in the struct file (fs's
 * file_path). The link's permissions show how the fd was opened, as
 * Linux's do: lr-x------ for reading, l-wx------ for writing, lrwx------
 * for both; and the directory is dr-x------, its owner's only. readlink("/proc/self/fd/0") is how a C library's
 * ttyname() finds its terminal's name.
 */
#include "procfs/internal.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>
#include <sprout/dirent.h>

/* The struct file behind fd of the inode's process: NULL if either
   is gone. */
static struct file *proc_file(struct inode *inode, int fd)
{
	struct task_struct *t = proc_task(inode);

	if (!t || !t->files || fd < 0 || fd >= NR_OPEN)
		return NULL;
	return t->files->fd[fd];
}

/* file_path may sleep on the disk, and meanwhile the process may close
   the fd; but the last fput of a file needs the fs lock, which we hold
   (readlink is always called under it), so the file stays whole. */
static ssize_t fd_readlink(struct inode *link, char *buf, size_t n)
{
	char *path = kmalloc(PATH_MAX);
	struct file *f;
	ssize_t len;

	if (!path)
		return -ENOMEM;
	if (!(f = proc_file(link, PROC_I(link)->fd)))
		len = -ENOENT;
	else if ((len = file_path(f, path)) >= 0)
		len = proc_put_link(buf, n, path);
	kfree(path);
	return len;
}

static const struct inode_operations fd_link_iops = {
	.readlink = fd_readlink,
	.evict = proc_evict,
};

static const struct proc_entry fd_link_entry = {
	"N", S_IFLNK | 0777, PROC_FD_INDEX, &fd_link_iops, NULL, NULL,
};

/* r-x for a readable fd, -wx for a writable one, rwx for both. */
static uint16_t fd_link_mode(const struct file *f)
{
	uint32_t acc = f->f_flags & O_ACCMODE;
	uint16_t mode = S_IFLNK;

	if (acc != O_WRONLY)
		mode |= S_IRUSR | S_IXUSR;
	if (acc != O_RDONLY)
		mode |= S_IWUSR | S_IXUSR;
	return mode;
}

static int fd_lookup_name(struct inode *dir, const char *name, size_t len,
			  struct inode **res)
{
	int fd = proc_name_to_int(name, len);
	pid_t pid = PROC_I(dir)->pid;
	struct file *f;

	if (len == 1 && name[0] == '.') {
		*res = igrab(dir);
		return 0;
	}
	if (len == 2 && name[0] == '.' && name[1] == '.')
		*res = proc_new_inode(dir->i_sb, &proc_pid_entry, pid, -1);
	else if ((f = proc_file(dir, fd))) {
		*res = proc_new_inode(dir->i_sb, &fd_link_entry, pid, fd);
		if (*res)
			(*res)->i_mode = fd_link_mode(f);
	} else
		return -ENOENT;
	return *res ? 0 : -ENOMEM;
}

/* Position 2 + fd stands for fd. */
static int fd_readdir(struct inode *dir, loff_t *pos, filldir_t filldir,
		      void *ctx)
{
	pid_t pid = PROC_I(dir)->pid;
	char name[12];

	if (proc_readdir_dots(dir, pos, filldir, ctx, PROC_INO(pid, 1)))
		return 0;
	for (; *pos >= 2 && *pos < NR_OPEN + 2; (*pos)++) {
		int fd = *pos - 2, len;

		if (!proc_file(dir, fd))
			continue;
		len = snprintf(name, sizeof(name), "%d", fd);
		if (filldir(ctx, name, len, PROC_INO(pid, PROC_FD_INDEX + fd),
			    DT_LNK))
			break;
	}
	return 0;
}

const struct inode_operations proc_fd_iops = {
	.lookup = fd_lookup_name,
	.readdir = fd_readdir,
	.evict = proc_evict,
};
