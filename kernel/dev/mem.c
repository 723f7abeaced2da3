/*
 * The memory devices, major 1: /dev/null (minor 3) reads as end of file
 * and swallows every write; /dev/zero (minor 5) reads as an endless run
 * of zero bytes and swallows writes too; /dev/random (8) and
 * /dev/urandom (9) read as random bytes (random.c). None has a position:
 * a seek succeeds and stays at 0, as on Linux. None ever makes anyone
 * wait, so poll() finds them always ready (no poll operation:
 * DEFAULT_POLLMASK).
 */
#include "dev/dev.h"
#include "fs/fs.h"
#include "mm/mm.h"
#include "lib/lib.h"
#include <sprout/errno.h>

static ssize_t null_read(struct file *f, char *buf, size_t n)
{
	return 0;
}

/* Zeros written into the user's pages, faulted in one at a time: a bad
   page ends the read there. */
static ssize_t zero_read(struct file *f, char *buf, size_t n)
{
	size_t left = clear_user(buf, n);

	return left == n && n ? -EFAULT : (ssize_t)(n - left);
}

static ssize_t swallow_write(struct file *f, const char *buf, size_t n)
{
	return n;
}

loff_t mem_lseek(struct file *f, loff_t off, int whence)
{
	return f->f_pos = 0;
}

static const struct file_operations null_fops = {
	.read = null_read,
	.write = swallow_write,
	.lseek = mem_lseek,
};

static const struct file_operations zero_fops = {
	.read = zero_read,
	.write = swallow_write,
	.lseek = mem_lseek,
};

static int mem_open(struct inode *inode, struct file *f)
{
	switch (MINOR(inode->i_rdev)) {
	case NULL_MINOR: f->f_op = &null_fops; return 0;
	case ZERO_MINOR: f->f_op = &zero_fops; return 0;
	case RANDOM_MINOR:
	case URANDOM_MINOR: f->f_op = &random_fops; return 0;
	default: return -ENXIO;
	}
}

static const struct file_operations mem_fops = { .open = mem_open };

/* Claim major 1 in the char-device switch (fs/char_dev.c), and seed
   the random generator behind two of its minors. */
void mem_dev_init(void)
{
	random_init();
	register_chrdev(MEM_MAJOR, &mem_fops);
}
