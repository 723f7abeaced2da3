/*
 * The raw system calls, from syscalls.S: each returns what the kernel
 * returned, -errno on failure. Only libc's own wrappers use them.
 */
#ifndef _LIBC_SYSCALL_H
#define _LIBC_SYSCALL_H

#include <sys/types.h>

long __sys_exit_group(int status);
long __sys_open(const char *path, int flags, mode_t mode);
long __sys_brk(unsigned long addr);
long __sys_getcwd(char *buf, size_t size);
long __sys_llseek(int fd, unsigned long hi, unsigned long lo,
		  loff_t *result, int whence);
long __sys_truncate64(const char *path, unsigned long lo, unsigned long hi);
long __sys_ftruncate64(int fd, unsigned long lo, unsigned long hi);
long __sys_fcntl64(int fd, int cmd, unsigned long arg);
long __sys_reboot(unsigned magic1, unsigned magic2, unsigned cmd, void *arg);

/* Turn a raw result into the POSIX convention: -1 and errno. */
long __syscall_ret(long result);

#endif
