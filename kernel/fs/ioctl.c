/*
 * ioctl: the escape hatch for whatever a device can do that read and
 * write cannot say (a terminal's modes, its window size). The command is
 * the driver's business; a file with no ioctl is "not a typewriter".
 *
 * A few commands mean the same for every fd, as on Linux, and are
 * answered here before any driver sees them: FIOCLEX and FIONCLEX set
 * and clear close-on-exec (fcntl's F_SETFD), FIONBIO sets or clears
 * O_NONBLOCK (F_SETFL), and FIONREAD on a regular file says how many
 * bytes are left from the offset to the end.
 */
#include "fs/file.h"
#include "fs/fdtable.h"
#include "mm/mm.h"
#include "include/syscall.h"
#include <sprout/errno.h>
#include <sprout/termios.h>

/* A command every fd understands? Then true, and its result in *res. */
static bool generic_ioctl(int fd, struct file *f, unsigned long cmd,
			  unsigned long arg, long *res)
{
	int n;

	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		set_close_on_exec(fd, cmd == FIOCLEX);
		*res = 0;
		return true;
	case FIONBIO:
		*res = copy_from_user(&n, (void *)arg, sizeof(n)) ? -EFAULT : 0;
		if (!*res)
			f->f_flags = n ? f->f_flags | O_NONBLOCK
				       : f->f_flags & ~O_NONBLOCK;
		return true;
	case FIONREAD:
		if (f->f_op != &regular_fops)
			return false;       /* a pipe's, a tty's: its own */
		n = f->f_inode->i_size - f->f_pos;
		*res = copy_to_user((void *)arg, &n, sizeof(n)) ? -EFAULT : 0;
		return true;
	default:
		return false;
	}
}

long sys_ioctl(int fd, unsigned long cmd, unsigned long arg)
{
	struct file *f = fd_lookup(fd);
	long res;

	if (!f)
		return -EBADF;
	if (generic_ioctl(fd, f, cmd, arg, &res))
		return res;
	if (!f->f_op->ioctl)
		return -ENOTTY;
	return f->f_op->ioctl(f, cmd, arg);
}
