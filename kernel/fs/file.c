/*
 * The system-wide open-file table: the middle of the three levels.
 *
 * Every open() takes one struct file from file_table[]; it holds what the
 * open created - the offset, the flags, the operations - and is shared by
 * every fd that came from it (dup, fork). f_count counts those fds; the
 * last fput() gives the slot back and lets the file's kind clean up (a
 * tty, a pipe) before the inode reference is dropped.
 *
 * A fixed table, like Linux 0.11's: when all NR_FILE slots are taken,
 * open() fails with ENFILE however few files this process has.
 */
#include "fs/file.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

static struct file file_table[NR_FILE];

/* A free slot (f_count 0), cleared, with one reference; NULL: ENFILE. */
struct file *get_empty_filp(void)
{
	for (int i = 0; i < NR_FILE; i++) {
		struct file *f = &file_table[i];
		if (f->f_count == 0) {
			*f = (struct file){ .f_count = 1 };
			return f;
		}
	}
	return NULL;
}

struct file *get_file(struct file *f)
{
	f->f_count++;
	return f;
}

/* Drop one reference; the last one closes the open-file description.
   Called without the fs lock held: it takes it to drop the inode.
   The slot stays taken (f_count 1) until the clean-up is over, because
   release() and iput() may sleep and another open() must not reuse it. */
void fput(struct file *f)
{
	if (f->f_count > 1) {
		f->f_count--;
		return;
	}
	if (f->f_op && f->f_op->release)
		f->f_op->release(f);
	fs_lock();
	iput(f->f_inode);
	iput(f->f_dir);
	fs_unlock();
	kfree(f->f_name);
	f->f_count = 0;
}

/* Is a file open in sb's file system (umount's question)? */
bool files_in_sb(struct super_block *sb)
{
	for (int i = 0; i < NR_FILE; i++) {
		struct file *f = &file_table[i];
		if (f->f_count && ((f->f_inode && f->f_inode->i_sb == sb) ||
				   (f->f_dir && f->f_dir->i_sb == sb)))
			return true;
	}
	return false;
}

/* What readlink of /proc/PID/fd/N says, Linux's way: the path where the
   file was opened ("/tmp/a", " (deleted)" added once it is unlinked), a
   directory's own path, or for a pipe, which has no name, "pipe:[ino]".
   Into buf, PATH_MAX bytes; the length or -errno. Under the fs lock. */
int file_path(struct file *f, char *buf)
{
	struct inode *inode = f->f_inode;
	struct inode *dir = f->f_dir ? f->f_dir
			  : S_ISDIR(inode->i_mode) ? inode : NULL;
	const char *gone = " (deleted)";
	int n;

	if (!dir)
		return snprintf(buf, PATH_MAX, "pipe:[%u]", inode->i_ino);
	n = dir_entry_path(dir, dir == inode ? NULL : f->f_name, buf);
	if (n < 0 || inode->i_nlink)
		return n;
	if (n + strlen(gone) >= PATH_MAX)
		return -ENAMETOOLONG;
	memcpy(buf + n, gone, strlen(gone) + 1);
	return n + strlen(gone);
}
