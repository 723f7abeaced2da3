/*
 * The character-device switch: a device file on disk holds no data, only
 * a device number (major, minor) in i_rdev. Opening it looks the major
 * up here to find the driver, whose operations the open file then uses;
 * the driver's own open() looks at the minor.
 *
 *   major 1   memory devices: /dev/null (1,3), /dev/zero (1,5)  dev/mem.c
 *   major 4   terminals /dev/tty0 ...                            dev/tty*.c
 *   major 5   /dev/tty (5,0): this process's terminal,
 *             /dev/console (5,1)                                 dev/tty*.c
 */
#include "fs/file.h"
#include <sprout/errno.h>

extern const struct file_operations tty_fops;

static const struct file_operations mem_fops = { .open = mem_open };

static const struct file_operations *chrdevs[] = {
	[1] = &mem_fops,
	[4] = &tty_fops,
	[5] = &tty_fops,
};

/* The f_op of every character device file until it is opened. */
static int chrdev_open(struct inode *inode, struct file *f)
{
	unsigned int major = MAJOR(inode->i_rdev);
	if (major >= ARRAY_SIZE(chrdevs) || !chrdevs[major])
		return -ENXIO;      /* no driver for this major */
	f->f_op = chrdevs[major];
	return f->f_op->open ? f->f_op->open(inode, f) : 0;
}

const struct file_operations def_chr_fops = { .open = chrdev_open };
