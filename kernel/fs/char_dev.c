/*
 * The character-device switch: a device file on disk holds no data, only
 * a device number (major, minor) in i_rdev. Opening it looks the major
 * up here to find the driver, whose operations the open file then uses;
 * the driver's own open() looks at the minor.
 *
 * Drivers sit above the file system (they implement its file_operations),
 * so they register themselves at boot rather than being named here:
 *
 *   major 1   memory devices: /dev/null (1,3), /dev/zero (1,5),  dev/mem.c
 *             /dev/random (1,8), /dev/urandom (1,9)
 *   major 4   terminals /dev/tty0 ...                            dev/tty_io.c
 *   major 5   /dev/tty (5,0): this process's terminal,
 *             /dev/console (5,1)                                 dev/tty_io.c
 */
#include "fs/file.h"
#include <sprout/errno.h>

#define NR_CHRDEV 16

static const struct file_operations *chrdevs[NR_CHRDEV];

int register_chrdev(unsigned int major, const struct file_operations *fops)
{
	if (major >= NR_CHRDEV || chrdevs[major])
		return -EBUSY;
	chrdevs[major] = fops;
	return 0;
}

/* The f_op of every character device file until it is opened. */
static int chrdev_open(struct inode *inode, struct file *f)
{
	unsigned int major = MAJOR(inode->i_rdev);

	if (major >= NR_CHRDEV || !chrdevs[major])
		return -ENXIO;      /* no driver for this major */
	f->f_op = chrdevs[major];
	return f->f_op->open ? f->f_op->open(inode, f) : 0;
}

const struct file_operations def_chr_fops = { .open = chrdev_open };
