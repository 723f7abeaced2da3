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
#include "lib/lib.h"

static struct file file_table[NR_FILE];

/* A free slot (f_count 0), cleared, with one reference; NULL: ENFILE. */
struct file *get_empty_filp(void)
{
	for (int i = 0; i < NR_FILE; i++) {
		struct file *f = &file_table[i];
		if (f->f_count == 0) {
			memset(f, 0, sizeof(*f));
			f->f_count = 1;
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
	if (f->f_inode) {
		fs_lock();
		iput(f->f_inode);
		fs_unlock();
	}
	f->f_count = 0;
}
