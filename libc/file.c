/* File calls whose C interface differs from the system call's. */
#include <fcntl.h>
#include <unistd.h>
#include <stdarg.h>
#include <errno.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include "syscall.h"

/* open's third argument exists only with O_CREAT; read it only then. */
int open(const char *path, int flags, ...)
{
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_list ap;

		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return __syscall_ret(__sys_open(path, flags, mode));
}

/* openat: a relative path from directory dirfd. */
int openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = flags & O_CREAT ? va_arg(ap, mode_t) : 0;
	va_end(ap);
	return __syscall_ret(__sys_openat(dirfd, path, flags, mode));
}

/* fcntl and ioctl take a third argument only for some commands; the
   kernel reads it (or not) whatever it is, so pass on one word. */
int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	unsigned long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, unsigned long);
	va_end(ap);
	return __syscall_ret(__sys_fcntl(fd, cmd, arg));
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	unsigned long arg;

	va_start(ap, request);
	arg = va_arg(ap, unsigned long);
	va_end(ap);
	return __syscall_ret(__sys_ioctl(fd, request, arg));
}

/* The system call returns the length it stored; POSIX returns buf. */
char *getcwd(char *buf, size_t size)
{
	long r = __sys_getcwd(buf, size);

	if (r < 0) {
		errno = -r;
		return NULL;
	}
	return buf;
}

/* 64-bit offsets travel as two 32-bit halves. */
off64_t lseek64(int fd, off64_t offset, int whence)
{
	loff_t result;
	long r = __sys_llseek(fd, (unsigned long)(offset >> 32),
			      (unsigned long)offset, &result, whence);

	return r < 0 ? __syscall_ret(r) : result;
}

int truncate64(const char *path, off64_t length)
{
	return __syscall_ret(__sys_truncate64(path, (unsigned long)length,
					      (unsigned long)(length >> 32)));
}

int ftruncate64(int fd, off64_t length)
{
	return __syscall_ret(__sys_ftruncate64(fd, (unsigned long)length,
					       (unsigned long)(length >> 32)));
}

/* A FIFO is a file system node like a device: mknod makes it. */
int mkfifoat(int dirfd, const char *path, mode_t mode)
{
	return mknodat(dirfd, path, S_IFIFO | (mode & 07777), 0);
}

int mkfifo(const char *path, mode_t mode)
{
	return mkfifoat(AT_FDCWD, path, mode);
}

/* A terminal is whatever answers the "get terminal settings" ioctl. */
int isatty(int fd)
{
	struct termios t;

	return ioctl(fd, TCGETS, &t) == 0;
}

/* The terminal's foreground process group: two ioctls on the caller's
   controlling terminal. */
pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;

	return ioctl(fd, TIOCGPGRP, &pgrp) < 0 ? -1 : pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	return ioctl(fd, TIOCSPGRP, &pgrp);
}
