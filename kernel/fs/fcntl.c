/*
 * dup, dup2, dup3 and fcntl: more fds for one open file, and the flags.
 *
 * A duplicated fd shares the struct file - offset, O_APPEND, O_NONBLOCK -
 * with the original; only the close-on-exec flag belongs to the fd, and
 * a new fd starts with it clear (except F_DUPFD_CLOEXEC).
 */
#include "fs/file.h"
#include "fs/fdtable.h"
#include "include/syscall.h"
#include <sprout/errno.h>

/* The flags F_SETFL may change; the access mode is fixed at open(). */
#define SETFL_MASK (O_APPEND | O_NONBLOCK)

static long dupfd(unsigned int oldfd, unsigned int from, bool cloexec)
{
	struct file *f = fd_lookup(oldfd);
	if (!f)
		return -EBADF;
	int fd = get_unused_fd(from);
	if (fd >= 0)
		fd_install(fd, get_file(f), cloexec);
	return fd;
}

long sys_dup(int oldfd)
{
	return dupfd(oldfd, 0, false);
}

/* dup2: make newfd another name for oldfd's file, closing whatever
   newfd was first - the shell's way to redirect stdout. */
static long dup_to(int oldfd, int newfd, bool cloexec)
{
	struct file *f = fd_lookup(oldfd);
	if (!f || newfd < 0 || (unsigned int)newfd >= fd_limit())
		return -EBADF;          /* Linux: RLIMIT_NOFILE, EBADF */
	get_file(f);                /* before the close: it may be the last */
	fd_close(newfd);
	fd_install(newfd, f, cloexec);
	return newfd;
}

long sys_dup2(int oldfd, int newfd)
{
	if (oldfd == newfd)         /* nothing to do, if oldfd is open */
		return fd_lookup(oldfd) ? newfd : -EBADF;
	return dup_to(oldfd, newfd, false);
}

/* dup3: dup2 that can set close-on-exec on the new fd at once (no other
   thread can exec in between), and calls oldfd == newfd a mistake. */
long sys_dup3(int oldfd, int newfd, int flags)
{
	if ((flags & ~O_CLOEXEC) || oldfd == newfd)
		return -EINVAL;
	return dup_to(oldfd, newfd, flags & O_CLOEXEC);
}

long sys_fcntl(int fd, int cmd, unsigned long arg)
{
	struct file *f = fd_lookup(fd);
	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg >= fd_limit())
			return -EINVAL;     /* Linux: RLIMIT_NOFILE, EINVAL */
		return dupfd(fd, arg, cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
		return get_close_on_exec(fd) ? FD_CLOEXEC : 0;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		return 0;
	case F_GETFL:
		return f->f_flags;
	case F_SETFL:
		f->f_flags = (f->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		return 0;
	default:
		return -EINVAL;
	}
}

/* fcntl64 differs from fcntl only in the record-locking commands, which
   Sprout does not have. */
long sys_fcntl64(int fd, int cmd, unsigned long arg)
{
	return sys_fcntl(fd, cmd, arg);
}
