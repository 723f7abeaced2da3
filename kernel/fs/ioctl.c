/*
 * ioctl: the escape hatch for whatever a device can do that read and
 * write cannot say (a terminal's modes, its window size). The command is
 * the driver's business; a file with no ioctl is "not a typewriter".
 */
#include "fs/file.h"
#include "fs/fdtable.h"
#include "include/syscall.h"
#include <sprout/errno.h>

long sys_ioctl(int fd, unsigned long cmd, unsigned long arg)
{
	struct file *f = fd_lookup(fd);
	if (!f)
		return -EBADF;
	if (!f->f_op->ioctl)
		return -ENOTTY;
	return f->f_op->ioctl(f, cmd, arg);
}
