/*
 * Directories as open files: getdents64, and the operations an open
 * directory has (read() on one is EISDIR; lseek(fd, 0, SEEK_SET) rewinds).
 *
 * The file offset of an open directory is a position in the directory's
 * entries, advanced by dir_iterate(); getdents64 turns each entry into a
 * struct linux_dirent64 record in the caller's buffer, stopping when the
 * next one would not fit - that entry then comes first next time.
 */
#include "fs/file.h"
#include "fs/fdtable.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/dirent.h>

static ssize_t dir_read(struct file *f, char *buf, size_t n)
{
	return -EISDIR;
}

const struct file_operations dir_fops = {
	.read = dir_read,
	.lseek = generic_file_llseek,
};

struct getdents_ctx {
	struct file *dir;
	char *ubuf;                 /* the next record goes here */
	size_t left;                /* bytes free in the user's buffer */
	long long *prev_off;        /* the previous record's d_off, in ubuf */
	int err;
};

/* A record's d_off is where the *next* entry starts: known only when
   dir_iterate() comes to it, i.e. at the next call or after the last. */
static int fill_prev_off(struct getdents_ctx *c)
{
	long long off = c->dir->f_pos;
	if (c->prev_off && copy_to_user(c->prev_off, &off, sizeof(off)))
		return -EFAULT;
	return 0;
}

static int filldir64(void *ctx, const char *name, size_t len,
		     uint32_t ino, uint8_t type)
{
	struct getdents_ctx *c = ctx;
	struct {
		struct linux_dirent64 d;
		char name[NAME_MAX + 1];
	} rec;
	size_t reclen = ALIGN_UP(offsetof(struct linux_dirent64, d_name) + len + 1, 8);

	if (reclen > c->left) {
		if (!c->prev_off)       /* not even one record fits */
			c->err = -EINVAL;
		return 1;
	}
	if ((c->err = fill_prev_off(c)))
		return 1;
	memset(&rec, 0, reclen);
	rec.d.d_ino = ino;
	rec.d.d_reclen = reclen;
	rec.d.d_type = type;
	memcpy(rec.d.d_name, name, len);
	if (copy_to_user(c->ubuf, &rec, reclen)) {
		c->err = -EFAULT;
		return 1;
	}
	c->prev_off = (long long *)(c->ubuf + offsetof(struct linux_dirent64, d_off));
	c->ubuf += reclen;
	c->left -= reclen;
	return 0;
}

long sys_getdents64(int fd, void *dirp, size_t count)
{
	struct file *f = fd_lookup(fd);
	if (!f)
		return -EBADF;
	if (!f->f_inode || !S_ISDIR(f->f_inode->i_mode))
		return -ENOTDIR;
	if (!access_ok(dirp, count))    /* its pages: as records go in */
		return -EFAULT;
	struct getdents_ctx c = { .dir = f, .ubuf = dirp, .left = count };
	fs_lock();
	int err = dir_iterate(f->f_inode, &f->f_pos, filldir64, &c);
	fs_unlock();
	if (!err)
		err = c.err;
	if (!err)
		err = fill_prev_off(&c);
	if (err && !c.prev_off)
		return err;
	return c.ubuf - (char *)dirp;
}
